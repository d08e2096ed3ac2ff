package io.github.mdxai.io;

import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * LAMMPS data files for {@code atom_style atomic} in an orthorhombic box: header counts and bounds, Masses, Atoms
 * ({@code id type x y z [ix iy iz]}) and Velocities. Types become 0-based, particles are ordered by id.
 */
public final class LammpsData {

    private static final Set<String> SKIPPED_COEFF_SECTIONS = Set.of("Pair Coeffs", "PairIJ Coeffs");

    private LammpsData() {
    }

    /** What a data file holds: the configuration and the mass of each (0-based) type, NaN where not given. */
    public record Data(Configuration configuration, double[] masses) {
    }

    /** Reads the configuration of a data file. */
    public static Configuration read(Path file) {
        return readWithMasses(file).configuration();
    }

    /** Reads a data file with its Masses section. */
    public static Data readWithMasses(Path file) {
        List<String> lines = readLines(file);
        int atoms = -1;
        int types = -1;
        double[] lo = {Double.NaN, Double.NaN, Double.NaN};
        double[] hi = {Double.NaN, Double.NaN, Double.NaN};
        long step = 0;
        String first = lines.isEmpty() ? "" : lines.get(0);
        int ts = first.indexOf("timestep =");
        if (ts >= 0) {
            try {
                step = Long.parseLong(first.substring(ts + "timestep =".length()).trim().split("[\\s,]+")[0]);
            } catch (NumberFormatException e) {
                step = 0; // the title line is free text; a step we cannot read is simply not known
            }
        }
        int i = 1;
        // header: until the first section keyword
        for (; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            if (Character.isLetter(line.charAt(0))) {
                break;
            }
            String[] t = line.split("\\s+");
            int ln = i + 1;
            if (line.endsWith(" atoms") && t.length == 2) {
                atoms = parseCount(file, ln, t[0], "atoms");
            } else if (line.endsWith(" atom types") && t.length == 3) {
                types = parseCount(file, ln, t[0], "atom types");
            } else if (t.length == 4 && t[2].length() == 3 && t[3].length() == 3 && t[2].endsWith("lo") && t[3].endsWith("hi")) {
                int axis = "xyz".indexOf(t[2].charAt(0));
                if (axis < 0) {
                    throw InputException.at(file, ln, "expected 'xlo xhi', 'ylo yhi' or 'zlo zhi'");
                }
                lo[axis] = number(file, ln, t[0], t[2]);
                hi[axis] = number(file, ln, t[1], t[3]);
            } else if (t.length == 6 && t[3].equals("xy")) {
                for (int k = 0; k < 3; k++) {
                    if (number(file, ln, t[k], "tilt factor") != 0) {
                        throw InputException.at(file, ln, "triclinic boxes are not supported: expected tilt factors 0 0 0");
                    }
                }
            } else if (t.length >= 2 && (t[1].equals("bonds") || t[1].equals("angles") || t[1].equals("dihedrals")
                    || t[1].equals("impropers") || t[1].equals("ellipsoids") || t[1].equals("lines")
                    || t[1].equals("triangles") || t[1].equals("bodies"))) {
                if (parseCount(file, ln, t[0], t[1]) != 0) {
                    throw InputException.at(file, ln, "only atom_style atomic is supported: expected no " + t[1]);
                }
            } else if (line.contains(" types") || line.contains("per atom")) {
                // bond/angle type counts and 'extra ... per atom' lines: irrelevant without bonds
                continue;
            } else {
                throw InputException.at(file, ln, "unknown header line '" + line + "'");
            }
        }
        if (atoms < 0) {
            throw InputException.at(file, 0, "no 'N atoms' line in the header");
        }
        if (types < 1) {
            throw InputException.at(file, 0, "no 'N atom types' line in the header");
        }
        for (int a = 0; a < 3; a++) {
            if (!(hi[a] > lo[a])) {
                throw InputException.at(file, 0, "expected box bounds '" + "xyz".charAt(a) + "lo " + "xyz".charAt(a)
                        + "hi' with hi > lo in the header");
            }
        }
        Box box = new Box(lo[0], lo[1], lo[2], hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]);

        double[] masses = new double[types];
        java.util.Arrays.fill(masses, Double.NaN);
        int[] ids = null;
        int[] typeOf = null;
        double[] pos = null;
        int[] images = null;
        double[] vel = null;
        int[] velIds = null;
        while (i < lines.size()) {
            String line = strip(lines.get(i));
            if (line.isEmpty()) {
                i++;
                continue;
            }
            String style = comment(lines.get(i));
            int headerLine = i + 1;
            i++;
            switch (line) {
                case "Masses" -> {
                    i = skipBlank(lines, i);
                    for (int k = 0; k < types; k++, i++) {
                        String[] t = entry(file, lines, i, headerLine, "Masses", k, types, 2);
                        int type = parseCount(file, i + 1, t[0], "type");
                        if (type < 1 || type > types) {
                            throw InputException.at(file, i + 1, "type " + type + " outside 1.." + types);
                        }
                        double m = number(file, i + 1, t[1], "mass");
                        if (!(m > 0)) {
                            throw InputException.at(file, i + 1, "mass must be positive, found " + t[1]);
                        }
                        masses[type - 1] = m;
                    }
                }
                case "Atoms" -> {
                    if (!style.isEmpty() && !style.equals("atomic")) {
                        throw InputException.at(file, headerLine, "atom style '" + style + "' is not supported: expected atomic");
                    }
                    i = skipBlank(lines, i);
                    ids = new int[atoms];
                    typeOf = new int[atoms];
                    pos = new double[3 * atoms];
                    images = new int[3 * atoms];
                    for (int k = 0; k < atoms; k++, i++) {
                        String[] t = entry(file, lines, i, headerLine, "Atoms", k, atoms, 5);
                        int ln = i + 1;
                        if (t.length != 5 && t.length != 8) {
                            throw InputException.at(file, ln, "expected 'id type x y z' or 'id type x y z ix iy iz' (atom_style atomic), found "
                                    + t.length + " values");
                        }
                        ids[k] = parseCount(file, ln, t[0], "atom id");
                        int type = parseCount(file, ln, t[1], "atom type");
                        if (type < 1 || type > types) {
                            throw InputException.at(file, ln, "atom type " + type + " outside 1.." + types);
                        }
                        typeOf[k] = type - 1;
                        for (int a = 0; a < 3; a++) {
                            pos[3 * k + a] = number(file, ln, t[2 + a], "xyz".charAt(a) + " coordinate");
                            if (t.length == 8) {
                                images[3 * k + a] = parseInt(file, ln, t[5 + a], "image flag");
                            }
                        }
                    }
                }
                case "Velocities" -> {
                    i = skipBlank(lines, i);
                    vel = new double[3 * atoms];
                    velIds = new int[atoms];
                    for (int k = 0; k < atoms; k++, i++) {
                        String[] t = entry(file, lines, i, headerLine, "Velocities", k, atoms, 4);
                        int ln = i + 1;
                        velIds[k] = parseCount(file, ln, t[0], "atom id");
                        for (int a = 0; a < 3; a++) {
                            vel[3 * k + a] = number(file, ln, t[1 + a], "v" + "xyz".charAt(a));
                        }
                    }
                }
                default -> {
                    if (!SKIPPED_COEFF_SECTIONS.contains(line)) {
                        throw InputException.at(file, headerLine, "unsupported section '" + line
                                + "': expected Masses, Atoms, Velocities, Pair Coeffs");
                    }
                    i = skipBlank(lines, i);
                    while (i < lines.size() && !strip(lines.get(i)).isEmpty()) {
                        i++;
                    }
                }
            }
        }
        if (ids == null) {
            throw InputException.at(file, 0, "no Atoms section");
        }
        int[] order = sortById(file, ids);
        int[] sortedIds = new int[atoms];
        int[] sortedTypes = new int[atoms];
        double[] sortedPos = new double[3 * atoms];
        int[] sortedImages = new int[3 * atoms];
        for (int k = 0; k < atoms; k++) {
            int from = order[k];
            sortedIds[k] = ids[from];
            sortedTypes[k] = typeOf[from];
            System.arraycopy(pos, 3 * from, sortedPos, 3 * k, 3);
            System.arraycopy(images, 3 * from, sortedImages, 3 * k, 3);
        }
        double[] sortedVel = null;
        if (vel != null) {
            sortedVel = new double[3 * atoms];
            boolean[] seen = new boolean[atoms];
            for (int k = 0; k < atoms; k++) {
                int at = java.util.Arrays.binarySearch(sortedIds, velIds[k]);
                if (at < 0 || seen[at]) {
                    throw InputException.at(file, 0, "Velocities section: atom id " + velIds[k]
                            + (at < 0 ? " is not in the Atoms section" : " appears twice"));
                }
                seen[at] = true;
                System.arraycopy(vel, 3 * k, sortedVel, 3 * at, 3);
            }
        }
        Configuration c = new Configuration(sortedIds, sortedTypes, sortedPos, sortedVel, sortedImages, box, step, 0);
        return new Data(c, masses);
    }

    /** Writes {@code atom_style atomic} data with image flags and, if present, velocities (17 significant digits). */
    public static void write(Path file, Configuration c, double[] masses) {
        int types = Math.max(c.typeCount(), masses == null ? 0 : masses.length);
        Box b = c.box();
        AtomicFiles.writeText(file, w -> {
            w.write("LAMMPS data file written by MD_XAI, timestep = " + c.step() + "\n\n");
            w.write(c.size() + " atoms\n" + types + " atom types\n\n");
            for (int a = 0; a < 3; a++) {
                w.write(num(b.lo(a)) + " " + num(b.lo(a) + b.length(a)) + " " + "xyz".charAt(a) + "lo " + "xyz".charAt(a) + "hi\n");
            }
            if (masses != null) {
                w.write("\nMasses\n\n");
                for (int t = 0; t < masses.length; t++) {
                    w.write((t + 1) + " " + num(masses[t]) + "\n");
                }
            }
            w.write("\nAtoms # atomic\n\n");
            double[] p = c.positions();
            int[] img = c.images();
            for (int k = 0; k < c.size(); k++) {
                w.write(c.ids()[k] + " " + (c.types()[k] + 1) + " " + num(p[3 * k]) + " " + num(p[3 * k + 1]) + " " + num(p[3 * k + 2]));
                if (img != null) {
                    w.write(" " + img[3 * k] + " " + img[3 * k + 1] + " " + img[3 * k + 2]);
                } else {
                    w.write(" 0 0 0");
                }
                w.write('\n');
            }
            double[] v = c.velocities();
            if (v != null) {
                w.write("\nVelocities\n\n");
                for (int k = 0; k < c.size(); k++) {
                    w.write(c.ids()[k] + " " + num(v[3 * k]) + " " + num(v[3 * k + 1]) + " " + num(v[3 * k + 2]) + "\n");
                }
            }
        });
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file);
        } catch (MalformedInputException e) {
            throw InputException.at(file, 0, "not a text file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Sorts indices by id and rejects duplicates and non-positive ids. */
    static int[] sortById(Path file, int[] ids) {
        Integer[] order = new Integer[ids.length];
        for (int k = 0; k < ids.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(ids[x], ids[y]));
        int[] result = new int[ids.length];
        for (int k = 0; k < ids.length; k++) {
            result[k] = order[k];
            if (k > 0 && ids[order[k]] == ids[order[k - 1]]) {
                throw InputException.at(file, 0, "atom id " + ids[order[k]] + " appears twice");
            }
        }
        return result;
    }

    private static String strip(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    private static String comment(String line) {
        int hash = line.indexOf('#');
        return hash >= 0 ? line.substring(hash + 1).strip() : "";
    }

    private static int skipBlank(List<String> lines, int i) {
        while (i < lines.size() && strip(lines.get(i)).isEmpty()) {
            i++;
        }
        return i;
    }

    /** The k-th of {@code expected} entries of a section, refusing a section that ends early. */
    private static String[] entry(Path file, List<String> lines, int i, int headerLine, String section, int k,
                                  int expected, int minColumns) {
        String line = i < lines.size() ? strip(lines.get(i)) : "";
        if (line.isEmpty() || Character.isLetter(line.charAt(0))) {
            throw InputException.at(file, i < lines.size() ? i + 1 : lines.size(), section + " section (line " + headerLine
                    + ") ends after " + k + " entries, expected " + expected);
        }
        String[] t = line.split("\\s+");
        if (t.length < minColumns) {
            throw InputException.at(file, i + 1, section + " entry: expected at least " + minColumns + " values, found " + t.length);
        }
        return t;
    }

    static double number(Path file, int line, String token, String what) {
        try {
            double v = Double.parseDouble(token);
            if (!Double.isFinite(v)) {
                throw InputException.at(file, line, what + " is " + token + ", expected a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw InputException.at(file, line, what + " is '" + token + "', expected a number");
        }
    }

    static int parseInt(Path file, int line, String token, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw InputException.at(file, line, what + " is '" + token + "', expected an integer");
        }
    }

    static int parseCount(Path file, int line, String token, String what) {
        int v = parseInt(file, line, token, what);
        if (v < 0) {
            throw InputException.at(file, line, what + " is " + v + ", expected a non-negative integer");
        }
        return v;
    }
}

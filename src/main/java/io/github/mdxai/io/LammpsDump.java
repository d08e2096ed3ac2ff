package io.github.mdxai.io;

import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LAMMPS text dumps ({@code dump custom}) with an orthorhombic box, one or many frames. Positions are taken from
 * x y z (wrapped), xu yu zu (unwrapped) or xs ys zs (scaled); image flags ix iy iz and velocities vx vy vz are
 * read when present. Other numeric columns (forces, per-atom energies) are kept per frame by name.
 * Types become 0-based; particles are ordered by id.
 */
public final class LammpsDump {

    private LammpsDump() {
    }

    /** One frame: the configuration and any further per-atom columns (in id order). */
    public record Frame(Configuration configuration, Map<String, double[]> columns) {
    }

    /** The configurations of a dump, in file order. */
    public static List<Configuration> read(Path file) {
        List<Configuration> result = new ArrayList<>();
        for (Frame f : readFrames(file)) {
            result.add(f.configuration());
        }
        return result;
    }

    /** All frames with their extra columns. */
    public static List<Frame> readFrames(Path file) {
        List<String> lines = LammpsData.readLines(file);
        List<Frame> frames = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            long step = -1;
            double time = Double.NaN;
            int atoms = -1;
            Box box = null;
            // frame header items up to ITEM: ATOMS
            while (true) {
                if (i >= lines.size()) {
                    throw InputException.at(file, lines.size(), "frame ends before 'ITEM: ATOMS'");
                }
                String item = lines.get(i).strip();
                int ln = i + 1;
                if (!item.startsWith("ITEM:")) {
                    throw InputException.at(file, ln, "expected an 'ITEM:' line, found '" + abbreviate(item) + "'");
                }
                if (item.startsWith("ITEM: TIMESTEP")) {
                    step = LammpsData.parseCount(file, ln + 1, line(file, lines, i + 1), "timestep");
                    i += 2;
                } else if (item.startsWith("ITEM: TIME")) {
                    time = LammpsData.number(file, ln + 1, line(file, lines, i + 1), "time");
                    i += 2;
                } else if (item.startsWith("ITEM: NUMBER OF ATOMS")) {
                    atoms = LammpsData.parseCount(file, ln + 1, line(file, lines, i + 1), "number of atoms");
                    i += 2;
                } else if (item.startsWith("ITEM: BOX BOUNDS")) {
                    if (item.contains("xy")) {
                        throw InputException.at(file, ln, "triclinic boxes are not supported: expected an orthorhombic box");
                    }
                    double[] lo = new double[3];
                    double[] len = new double[3];
                    for (int a = 0; a < 3; a++) {
                        String[] t = line(file, lines, i + 1 + a).split("\\s+");
                        if (t.length != 2) {
                            throw InputException.at(file, ln + 1 + a, "expected 'lo hi' box bounds");
                        }
                        lo[a] = LammpsData.number(file, ln + 1 + a, t[0], "box lower bound");
                        double hi = LammpsData.number(file, ln + 1 + a, t[1], "box upper bound");
                        len[a] = hi - lo[a];
                        if (!(len[a] > 0)) {
                            throw InputException.at(file, ln + 1 + a, "box upper bound must exceed the lower bound");
                        }
                    }
                    box = new Box(lo[0], lo[1], lo[2], len[0], len[1], len[2]);
                    i += 4;
                } else if (item.startsWith("ITEM: ATOMS")) {
                    break;
                } else {
                    throw InputException.at(file, ln, "unknown item '" + abbreviate(item) + "'");
                }
            }
            int header = i + 1;
            if (step < 0 || atoms < 0 || box == null) {
                throw InputException.at(file, header, "expected TIMESTEP, NUMBER OF ATOMS and BOX BOUNDS before ATOMS");
            }
            String[] cols = lines.get(i).strip().substring("ITEM: ATOMS".length()).strip().split("\\s+");
            Map<String, Integer> at = new LinkedHashMap<>();
            for (int c = 0; c < cols.length; c++) {
                at.put(cols[c], c);
            }
            if (!at.containsKey("id") || !at.containsKey("type")) {
                throw InputException.at(file, header, "ATOMS columns must include id and type");
            }
            String[][] positionSets = {{"x", "y", "z"}, {"xu", "yu", "zu"}, {"xs", "ys", "zs"}, {"xsu", "ysu", "zsu"}};
            int kind = -1;
            for (int s = 0; s < positionSets.length && kind < 0; s++) {
                if (at.keySet().containsAll(List.of(positionSets[s]))) {
                    kind = s;
                }
            }
            if (kind < 0) {
                throw InputException.at(file, header, "ATOMS columns must include x y z, xu yu zu or xs ys zs");
            }
            boolean hasImages = at.keySet().containsAll(List.of("ix", "iy", "iz"));
            boolean hasVel = at.keySet().containsAll(List.of("vx", "vy", "vz"));
            int[] ids = new int[atoms];
            int[] types = new int[atoms];
            double[] pos = new double[3 * atoms];
            int[] img = new int[3 * atoms];
            double[] vel = hasVel ? new double[3 * atoms] : null;
            List<String> extra = new ArrayList<>();
            for (String c : cols) {
                if (!List.of("id", "type", "ix", "iy", "iz", "vx", "vy", "vz").contains(c)
                        && !List.of(positionSets[kind]).contains(c)) {
                    extra.add(c);
                }
            }
            double[][] extraValues = new double[extra.size()][atoms];
            i++;
            for (int k = 0; k < atoms; k++, i++) {
                if (i >= lines.size() || lines.get(i).startsWith("ITEM:") || lines.get(i).isBlank()) {
                    throw InputException.at(file, Math.min(i + 1, lines.size()), "ATOMS (line " + header + ") ends after "
                            + k + " atoms, expected " + atoms);
                }
                String[] t = lines.get(i).strip().split("\\s+");
                int ln = i + 1;
                if (t.length != cols.length) {
                    throw InputException.at(file, ln, "expected " + cols.length + " values (" + String.join(" ", cols)
                            + "), found " + t.length);
                }
                ids[k] = LammpsData.parseCount(file, ln, t[at.get("id")], "atom id");
                int type = LammpsData.parseInt(file, ln, t[at.get("type")], "atom type");
                if (type < 1) {
                    throw InputException.at(file, ln, "atom type " + type + ", expected 1 or more");
                }
                types[k] = type - 1;
                for (int a = 0; a < 3; a++) {
                    double v = LammpsData.number(file, ln, t[at.get(positionSets[kind][a])], positionSets[kind][a]);
                    if (kind >= 2) {
                        v = box.lo(a) + v * box.length(a);
                    }
                    pos[3 * k + a] = v;
                    if (hasImages) {
                        img[3 * k + a] = LammpsData.parseInt(file, ln, t[at.get("i" + "xyz".charAt(a))], "image flag");
                    }
                    if (hasVel) {
                        vel[3 * k + a] = LammpsData.number(file, ln, t[at.get("v" + "xyz".charAt(a))], "velocity");
                    }
                }
                for (int e = 0; e < extra.size(); e++) {
                    extraValues[e][k] = LammpsData.number(file, ln, t[at.get(extra.get(e))], extra.get(e));
                }
            }
            int[] order = LammpsData.sortById(file, ids);
            int[] sIds = new int[atoms];
            int[] sTypes = new int[atoms];
            double[] sPos = new double[3 * atoms];
            int[] sImg = new int[3 * atoms];
            double[] sVel = hasVel ? new double[3 * atoms] : null;
            double[][] sExtra = new double[extra.size()][atoms];
            for (int k = 0; k < atoms; k++) {
                int from = order[k];
                sIds[k] = ids[from];
                sTypes[k] = types[from];
                System.arraycopy(pos, 3 * from, sPos, 3 * k, 3);
                System.arraycopy(img, 3 * from, sImg, 3 * k, 3);
                if (hasVel) {
                    System.arraycopy(vel, 3 * from, sVel, 3 * k, 3);
                }
                for (int e = 0; e < extra.size(); e++) {
                    sExtra[e][k] = extraValues[e][from];
                }
            }
            Configuration c = new Configuration(sIds, sTypes, sPos, sVel, sImg, box, step, time);
            if (kind == 1 || kind == 3) {
                c = c.wrapped(); // unwrapped input: keep wrapped positions plus image counters
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int e = 0; e < extra.size(); e++) {
                columns.put(extra.get(e), sExtra[e]);
            }
            frames.add(new Frame(c, columns));
        }
        if (frames.isEmpty()) {
            throw InputException.at(file, 0, "no frames: expected 'ITEM: TIMESTEP'");
        }
        return frames;
    }

    /** Writes frames as {@code id type x y z ix iy iz [vx vy vz]} with 17 significant digits. */
    public static void write(Path file, List<Configuration> frames) {
        AtomicFiles.writeText(file, w -> {
            for (Configuration c : frames) {
                writeFrame(w, c);
            }
        });
    }

    /** Writes one frame to an open writer, for trajectories written as they are produced. */
    public static void writeFrame(Writer w, Configuration c) throws IOException {
        Box b = c.box();
        w.write("ITEM: TIMESTEP\n" + c.step() + "\n");
        if (!Double.isNaN(c.time())) {
            w.write("ITEM: TIME\n" + LammpsData.num(c.time()) + "\n");
        }
        w.write("ITEM: NUMBER OF ATOMS\n" + c.size() + "\nITEM: BOX BOUNDS pp pp pp\n");
        for (int a = 0; a < 3; a++) {
            w.write(LammpsData.num(b.lo(a)) + " " + LammpsData.num(b.lo(a) + b.length(a)) + "\n");
        }
        boolean vel = c.velocities() != null;
        w.write(vel ? "ITEM: ATOMS id type x y z ix iy iz vx vy vz\n" : "ITEM: ATOMS id type x y z ix iy iz\n");
        double[] p = c.positions();
        int[] img = c.images() == null ? new int[p.length] : c.images();
        double[] v = c.velocities();
        StringBuilder sb = new StringBuilder(160);
        for (int k = 0; k < c.size(); k++) {
            sb.setLength(0);
            sb.append(c.ids()[k]).append(' ').append(c.types()[k] + 1);
            for (int a = 0; a < 3; a++) {
                sb.append(' ').append(p[3 * k + a]);
            }
            for (int a = 0; a < 3; a++) {
                sb.append(' ').append(img[3 * k + a]);
            }
            if (vel) {
                for (int a = 0; a < 3; a++) {
                    sb.append(' ').append(v[3 * k + a]);
                }
            }
            sb.append('\n');
            w.write(sb.toString());
        }
    }

    private static String line(Path file, List<String> lines, int i) {
        if (i >= lines.size()) {
            throw InputException.at(file, lines.size(), "file ends inside a frame header");
        }
        return lines.get(i).strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}

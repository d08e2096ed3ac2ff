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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extended XYZ (the ASE/OVITO convention), one or many frames, orthorhombic Lattice only. The comment line carries
 * {@code Lattice="Lx 0 0 0 Ly 0 0 0 Lz"}, optional {@code Origin="x y z"}, {@code Properties=...}, {@code Step=},
 * {@code Time=}. Properties understood: species:S:1 (A, B, ... for types 0, 1, ...; integers are 1-based types),
 * type:I:1 (1-based), id:I:1, pos:R:3, velo:R:3 (also vel, velocities), image:I:3. Others are skipped.
 */
public final class ExtendedXyz {

    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

    private ExtendedXyz() {
    }

    /** All frames in the file. */
    public static List<Configuration> read(Path file) {
        List<String> lines = LammpsData.readLines(file);
        List<Configuration> frames = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int countLine = i + 1;
            int n = LammpsData.parseCount(file, countLine, lines.get(i).strip(), "particle count (first line of a frame)");
            if (i + 1 >= lines.size()) {
                throw InputException.at(file, countLine, "frame has no comment line");
            }
            frames.add(readFrame(file, lines, i, n, frames.size()));
            i += 2 + n;
        }
        if (frames.isEmpty()) {
            throw InputException.at(file, 0, "empty file: expected a particle count");
        }
        return frames;
    }

    private static Configuration readFrame(Path file, List<String> lines, int start, int n, int frameIndex) {
        int commentLine = start + 2;
        Map<String, String> info = new LinkedHashMap<>();
        Matcher m = KEY_VALUE.matcher(lines.get(start + 1));
        while (m.find()) {
            String v = m.group(2);
            info.put(m.group(1).toLowerCase(java.util.Locale.ROOT), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        String lattice = info.get("lattice");
        if (lattice == null) {
            throw InputException.at(file, commentLine, "expected Lattice=\"Lx 0 0 0 Ly 0 0 0 Lz\" on the comment line (periodic box)");
        }
        String[] lt = lattice.strip().split("\\s+");
        if (lt.length != 9) {
            throw InputException.at(file, commentLine, "Lattice needs 9 numbers, found " + lt.length);
        }
        double[] l = new double[9];
        for (int k = 0; k < 9; k++) {
            l[k] = LammpsData.number(file, commentLine, lt[k], "Lattice value");
            if (k % 4 != 0 && l[k] != 0) {
                throw InputException.at(file, commentLine, "only orthorhombic lattices are supported: expected zero off-diagonal Lattice values");
            }
        }
        double[] origin = new double[3];
        if (info.containsKey("origin")) {
            String[] o = info.get("origin").strip().split("\\s+");
            if (o.length != 3) {
                throw InputException.at(file, commentLine, "Origin needs 3 numbers");
            }
            for (int a = 0; a < 3; a++) {
                origin[a] = LammpsData.number(file, commentLine, o[a], "Origin value");
            }
        }
        if (!(l[0] > 0 && l[4] > 0 && l[8] > 0)) {
            throw InputException.at(file, commentLine, "Lattice lengths must be positive");
        }
        Box box = new Box(origin[0], origin[1], origin[2], l[0], l[4], l[8]);
        long step = info.containsKey("step") ? LammpsData.parseCount(file, commentLine, info.get("step"), "Step") : frameIndex;
        double time = info.containsKey("time") ? LammpsData.number(file, commentLine, info.get("time"), "Time") : Double.NaN;

        String props = info.getOrDefault("properties", "species:S:1:pos:R:3");
        String[] p = props.split(":");
        if (p.length % 3 != 0) {
            throw InputException.at(file, commentLine, "Properties must be name:type:count triples");
        }
        int columns = 0;
        int speciesCol = -1;
        int typeCol = -1;
        int idCol = -1;
        int posCol = -1;
        int velCol = -1;
        int imageCol = -1;
        for (int k = 0; k < p.length; k += 3) {
            int count = LammpsData.parseCount(file, commentLine, p[k + 2], "Properties count of " + p[k]);
            String name = p[k].toLowerCase(java.util.Locale.ROOT);
            switch (name) {
                case "species" -> speciesCol = columns;
                case "type" -> typeCol = columns;
                case "id" -> idCol = columns;
                case "pos" -> posCol = columns;
                case "velo", "vel", "velocities" -> velCol = columns;
                case "image" -> imageCol = columns;
                default -> {
                    // other per-atom data (forces, charges...) is not part of a configuration
                }
            }
            if ((name.equals("pos") || name.startsWith("vel") || name.equals("image")) && count != 3) {
                throw InputException.at(file, commentLine, "Properties: " + p[k] + " needs 3 columns");
            }
            columns += count;
        }
        if (posCol < 0) {
            throw InputException.at(file, commentLine, "Properties has no pos:R:3");
        }
        if (speciesCol < 0 && typeCol < 0) {
            throw InputException.at(file, commentLine, "Properties has neither species:S:1 nor type:I:1");
        }
        int[] ids = new int[n];
        int[] types = new int[n];
        double[] pos = new double[3 * n];
        double[] vel = velCol >= 0 ? new double[3 * n] : null;
        int[] img = imageCol >= 0 ? new int[3 * n] : null;
        for (int k = 0; k < n; k++) {
            int li = start + 2 + k;
            int ln = li + 1;
            if (li >= lines.size() || lines.get(li).isBlank()) {
                throw InputException.at(file, Math.min(ln, lines.size()), "frame (line " + (start + 1) + ") ends after " + k
                        + " particles, expected " + n);
            }
            String[] t = lines.get(li).strip().split("\\s+");
            if (t.length != columns) {
                throw InputException.at(file, ln, "expected " + columns + " columns (" + props + "), found " + t.length);
            }
            ids[k] = idCol >= 0 ? LammpsData.parseCount(file, ln, t[idCol], "id") : k + 1;
            types[k] = typeCol >= 0 ? oneBasedType(file, ln, t[typeCol]) : species(file, ln, t[speciesCol]);
            for (int a = 0; a < 3; a++) {
                pos[3 * k + a] = LammpsData.number(file, ln, t[posCol + a], "position");
                if (vel != null) {
                    vel[3 * k + a] = LammpsData.number(file, ln, t[velCol + a], "velocity");
                }
                if (img != null) {
                    img[3 * k + a] = LammpsData.parseInt(file, ln, t[imageCol + a], "image counter");
                }
            }
        }
        int[] order = LammpsData.sortById(file, ids);
        int[] sIds = new int[n];
        int[] sTypes = new int[n];
        double[] sPos = new double[3 * n];
        double[] sVel = vel == null ? null : new double[3 * n];
        int[] sImg = img == null ? null : new int[3 * n];
        for (int k = 0; k < n; k++) {
            int from = order[k];
            sIds[k] = ids[from];
            sTypes[k] = types[from];
            System.arraycopy(pos, 3 * from, sPos, 3 * k, 3);
            if (vel != null) {
                System.arraycopy(vel, 3 * from, sVel, 3 * k, 3);
            }
            if (img != null) {
                System.arraycopy(img, 3 * from, sImg, 3 * k, 3);
            }
        }
        return new Configuration(sIds, sTypes, sPos, sVel, sImg, box, step, time);
    }

    private static int oneBasedType(Path file, int line, String token) {
        int t = LammpsData.parseInt(file, line, token, "type");
        if (t < 1) {
            throw InputException.at(file, line, "type " + t + ", expected 1 or more");
        }
        return t - 1;
    }

    private static int species(Path file, int line, String token) {
        if (token.length() == 1 && token.charAt(0) >= 'A' && token.charAt(0) <= 'Z') {
            return token.charAt(0) - 'A';
        }
        if (token.chars().allMatch(Character::isDigit)) {
            return oneBasedType(file, line, token);
        }
        throw InputException.at(file, line, "species '" + token + "', expected A, B, ... or a 1-based type number");
    }

    /** Writes frames atomically. */
    public static void write(Path file, List<Configuration> frames) {
        AtomicFiles.writeText(file, w -> {
            for (Configuration c : frames) {
                writeFrame(w, c);
            }
        });
    }

    /** Writes one frame (species, id, pos, image when present, velo when present) to an open writer. */
    public static void writeFrame(Writer w, Configuration c) throws IOException {
        Box b = c.box();
        boolean vel = c.velocities() != null;
        boolean img = c.images() != null;
        StringBuilder sb = new StringBuilder(256);
        sb.append(c.size()).append('\n');
        sb.append("Lattice=\"").append(b.lx()).append(" 0 0 0 ").append(b.ly()).append(" 0 0 0 ").append(b.lz()).append('"');
        sb.append(" Origin=\"").append(b.xlo()).append(' ').append(b.ylo()).append(' ').append(b.zlo()).append('"');
        sb.append(" Properties=species:S:1:id:I:1:pos:R:3");
        if (img) {
            sb.append(":image:I:3");
        }
        if (vel) {
            sb.append(":velo:R:3");
        }
        sb.append(" Step=").append(c.step());
        if (!Double.isNaN(c.time())) {
            sb.append(" Time=").append(c.time());
        }
        sb.append(" pbc=\"T T T\"\n");
        w.write(sb.toString());
        double[] p = c.positions();
        double[] v = c.velocities();
        int[] im = c.images();
        for (int k = 0; k < c.size(); k++) {
            sb.setLength(0);
            int t = c.types()[k];
            sb.append(t < 26 ? String.valueOf((char) ('A' + t)) : String.valueOf(t + 1)).append(' ').append(c.ids()[k]);
            for (int a = 0; a < 3; a++) {
                sb.append(' ').append(p[3 * k + a]);
            }
            if (img) {
                for (int a = 0; a < 3; a++) {
                    sb.append(' ').append(im[3 * k + a]);
                }
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
}

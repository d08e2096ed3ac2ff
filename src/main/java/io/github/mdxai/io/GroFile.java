package io.github.mdxai.io;

import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GROMACS .gro files: one or many frames, velocities optional. Fixed columns as GROMACS reads them: the precision
 * follows from the distance between the decimal points of the first coordinate line, so files written with more
 * decimals (e.g. 6) read back exactly.
 */
public final class GroFile {

    private GroFile() {
    }

    /** Every frame of the file; at least one. */
    public static List<Frame> read(Path file) {
        List<String> lines = TextLines.read(file);
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        while (at < lines.size()) {
            if (lines.get(at).isBlank() && allBlank(lines, at)) {
                break;
            }
            at = readFrame(file, lines, at, frames);
        }
        if (frames.isEmpty()) {
            throw InputException.at(file, 1, "empty file (expected a title line, an atom count, atom lines and a box line)");
        }
        return frames;
    }

    private static boolean allBlank(List<String> lines, int from) {
        for (int k = from; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static int readFrame(Path file, List<String> lines, int start, List<Frame> frames) {
        String title = lines.get(start);
        if (start + 1 >= lines.size()) {
            throw InputException.at(file, start + 2, "truncated frame: expected the atom count");
        }
        int n;
        try {
            n = Integer.parseInt(lines.get(start + 1).trim());
        } catch (NumberFormatException e) {
            throw InputException.at(file, start + 2, "expected the atom count, found '" + lines.get(start + 1).trim() + "'");
        }
        if (n <= 0) {
            throw InputException.at(file, start + 2, "expected a positive atom count, found " + n);
        }
        if (start + 2 + n >= lines.size()) {
            throw InputException.at(file, lines.size() + 1, "truncated frame: expected " + n + " atom lines and a box line"
                    + " after line " + (start + 2));
        }
        int[] resnr = new int[n];
        String[] resname = new String[n];
        String[] name = new String[n];
        double[] x = new double[3 * n];
        double[] v = null;
        int width = 0;
        for (int a = 0; a < n; a++) {
            int lineNo = start + 3 + a;
            String s = lines.get(lineNo - 1);
            if (s.length() < 20) {
                throw InputException.at(file, lineNo, "expected an atom line (residue number, residue name, atom name, "
                        + "atom number, x y z), found a line of " + s.length() + " characters");
            }
            if (width == 0) {
                width = fieldWidth(file, lineNo, s);
            }
            resnr[a] = TextLines.integer(s.substring(0, 5), file, lineNo, "residue number");
            resname[a] = s.substring(5, 10).trim();
            name[a] = s.substring(10, 15).trim();
            for (int d = 0; d < 3; d++) {
                x[3 * a + d] = field(file, lineNo, s, 20 + d * width, width, "coordinate " + "xyz".charAt(d) + " (nm)");
            }
            boolean hasV = s.length() >= 20 + 6 * width - 1 && !s.substring(20 + 3 * width).isBlank();
            if (a == 0 && hasV) {
                v = new double[3 * n];
            }
            if (v != null) {
                if (!hasV) {
                    throw InputException.at(file, lineNo, "expected velocities like the first atom line");
                }
                for (int d = 0; d < 3; d++) {
                    v[3 * a + d] = field(file, lineNo, s, 20 + (3 + d) * width, width, "velocity " + "xyz".charAt(d) + " (nm/ps)");
                }
            }
        }
        int boxLine = start + 3 + n;
        String[] boxTokens = lines.get(boxLine - 1).trim().split("\\s+");
        if (boxTokens.length != 3 && boxTokens.length != 9) {
            throw InputException.at(file, boxLine, "expected a box line with 3 or 9 numbers (nm), found '"
                    + lines.get(boxLine - 1).trim() + "'");
        }
        double[] box = new double[boxTokens.length];
        for (int k = 0; k < box.length; k++) {
            box[k] = TextLines.number(boxTokens[k], file, boxLine, "box vector component (nm)");
        }
        frames.add(new Frame(title, resnr, resname, name, x, v, box, start + 2));
        return boxLine;
    }

    private static int fieldWidth(Path file, int lineNo, String s) {
        int first = s.indexOf('.', 20);
        int second = first < 0 ? -1 : s.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            throw InputException.at(file, lineNo, "expected coordinates with decimal points after column 20");
        }
        return second - first;
    }

    private static double field(Path file, int lineNo, String s, int from, int width, String what) {
        if (s.length() < from + width - 1) {
            throw InputException.at(file, lineNo, "line too short: expected " + what + " in columns " + (from + 1) + "-" + (from + width));
        }
        return TextLines.number(s.substring(from, Math.min(s.length(), from + width)), file, lineNo, what);
    }

    /**
     * Writes frames (positions, optional velocities) atomically as a multi-frame .gro with atom names from the
     * topology; {@code velocities} may be null or hold nulls.
     */
    public static void write(Path file, Topology top, List<String> titles, List<double[]> positions,
                             List<double[]> velocities, double[] box, int decimals) {
        AtomicFiles.writeText(file, w -> {
            for (int k = 0; k < positions.size(); k++) {
                double[] v = velocities == null ? null : velocities.get(k);
                writeFrame(w, top, titles.get(k), positions.get(k), v, box, decimals);
            }
        });
    }

    /** Writes one frame with atom names from the topology; {@code decimals} (3 = GROMACS default) sets precision. */
    public static void writeFrame(Writer w, Topology top, String title, double[] x, double[] v, double[] box,
                                  int decimals) throws IOException {
        int n = top.atomCount();
        int width = decimals + 5;
        String pos = "%" + width + "." + decimals + "f";
        String vel = "%" + width + "." + (decimals + 1) + "f";
        StringBuilder sb = new StringBuilder(64 * (n + 3));
        sb.append(title.replace('\n', ' ')).append('\n');
        sb.append(String.format(Locale.ROOT, "%5d%n", n));
        for (int a = 0; a < n; a++) {
            String resname = top.residueName(a);
            String name = top.atomName(a);
            sb.append(String.format(Locale.ROOT, "%5d%-5.5s%5.5s%5d", top.residueNumber(a) % 100000, resname, name, (a + 1) % 100000));
            for (int d = 0; d < 3; d++) {
                sb.append(String.format(Locale.ROOT, pos, x[3 * a + d]));
            }
            if (v != null) {
                for (int d = 0; d < 3; d++) {
                    sb.append(String.format(Locale.ROOT, vel, v[3 * a + d]));
                }
            }
            sb.append('\n');
        }
        double[] b = box == null ? new double[]{0, 0, 0} : box;
        for (double c : b) {
            sb.append(String.format(Locale.ROOT, "%10.5f", c));
        }
        sb.append('\n');
        w.write(sb.toString());
    }
}

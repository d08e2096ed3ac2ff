package io.github.mdxai.io;

import io.github.mdxai.util.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PDB coordinates: ATOM/HETATM records (fixed columns, Angstrom, converted to nm), one frame per MODEL/ENDMDL block
 * or a single frame without MODEL records; CRYST1 gives a rectangular box.
 */
public final class PdbFile {

    private PdbFile() {
    }

    public static List<Frame> read(Path file) {
        List<String> lines = TextLines.read(file);
        List<Frame> frames = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        List<Integer> residues = new ArrayList<>();
        List<Double> coords = new ArrayList<>();
        double[] box = null;
        String title = file.getFileName().toString();
        int frameLine = 0;
        boolean inModel = false;
        for (int n = 0; n < lines.size(); n++) {
            String s = lines.get(n);
            int lineNo = n + 1;
            String record = s.length() >= 6 ? s.substring(0, 6) : s;
            if (record.startsWith("MODEL")) {
                if (inModel) {
                    throw InputException.at(file, lineNo, "MODEL inside a MODEL (expected ENDMDL first)");
                }
                inModel = true;
                frameLine = lineNo;
            } else if (record.startsWith("ENDMDL")) {
                if (!inModel) {
                    throw InputException.at(file, lineNo, "ENDMDL without MODEL");
                }
                inModel = false;
                frames.add(frame(file, frameLine, title, names, residues, coords, box));
                names.clear();
                residues.clear();
                coords.clear();
            } else if (record.startsWith("CRYST1")) {
                if (s.length() < 33) {
                    throw InputException.at(file, lineNo, "expected CRYST1 with a, b, c in columns 7-33");
                }
                box = new double[3];
                for (int d = 0; d < 3; d++) {
                    box[d] = 0.1 * TextLines.number(s.substring(6 + 9 * d, 15 + 9 * d), file, lineNo, "box length (Angstrom)");
                }
            } else if (record.startsWith("TITLE") && s.length() > 10) {
                title = s.substring(10).trim();
            } else if (record.equals("ATOM  ") || record.equals("HETATM")) {
                if (s.length() < 54) {
                    throw InputException.at(file, lineNo, "expected an ATOM/HETATM record with x y z in columns 31-54");
                }
                if (names.isEmpty() && !inModel) {
                    frameLine = lineNo;
                }
                names.add(new String[]{s.substring(12, 16).trim(), s.substring(17, 20).trim()});
                residues.add(TextLines.integer(s.substring(22, 26), file, lineNo, "residue number (columns 23-26)"));
                for (int d = 0; d < 3; d++) {
                    coords.add(0.1 * TextLines.number(s.substring(30 + 8 * d, 38 + 8 * d), file, lineNo,
                            "coordinate " + "xyz".charAt(d) + " (Angstrom, columns " + (31 + 8 * d) + "-" + (38 + 8 * d) + ")"));
                }
            }
        }
        if (inModel) {
            throw InputException.at(file, lines.size(), "truncated file: MODEL at line " + frameLine + " has no ENDMDL");
        }
        if (!names.isEmpty()) {
            frames.add(frame(file, frameLine, title, names, residues, coords, box));
        }
        if (frames.isEmpty()) {
            throw InputException.at(file, lines.isEmpty() ? 1 : lines.size(), "no ATOM or HETATM records (expected a PDB structure)");
        }
        return frames;
    }

    private static Frame frame(Path file, int line, String title, List<String[]> names, List<Integer> residues,
                               List<Double> coords, double[] box) {
        if (names.isEmpty()) {
            throw InputException.at(file, line, "MODEL without ATOM or HETATM records");
        }
        int n = names.size();
        String[] atom = new String[n], res = new String[n];
        int[] resnr = new int[n];
        double[] x = new double[3 * n];
        for (int a = 0; a < n; a++) {
            atom[a] = names.get(a)[0];
            res[a] = names.get(a)[1];
            resnr[a] = residues.get(a);
        }
        for (int c = 0; c < x.length; c++) {
            x[c] = coords.get(c);
        }
        return new Frame(title, resnr, res, atom, x, null, box == null ? null : box.clone(), line);
    }
}

package io.github.mdxai.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comma-separated table with a header row: column names plus rows of cells kept as text, read with errors that
 * name file and line. Numeric access parses on demand and reports the cell that is not a number.
 */
public final class CsvTable {

    private final Path source;
    private final List<String> columns;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String[]> rows;
    private final int[] lineNumbers;

    public CsvTable(Path source, List<String> columns, List<String[]> rows, int[] lineNumbers) {
        this.source = source;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (index.put(columns.get(i), i) != null) {
                throw InputException.at(source, 1, "column '" + columns.get(i) + "' appears twice in the header");
            }
        }
        this.rows = rows;
        this.lineNumbers = lineNumbers;
    }

    /** Reads a CSV file; blank lines and lines starting with '#' are skipped. */
    public static CsvTable read(Path file) {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.indexOf('\0') >= 0) {
                    throw InputException.at(file, number, "binary data where CSV text was expected");
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cells = split(trimmed);
                if (header == null) {
                    header = Arrays.asList(cells);
                    continue;
                }
                if (cells.length != header.size()) {
                    throw InputException.at(file, number,
                            "expected " + header.size() + " comma-separated values as in the header, found " + cells.length);
                }
                rows.add(cells);
                lines.add(number);
            }
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw InputException.at(file, 0, "not a text (UTF-8) CSV file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (header == null) {
            throw InputException.at(file, 0, "empty file: expected a CSV header line");
        }
        return new CsvTable(file, header, rows, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    public Path source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /**
     * The position of a column named with or without its unit suffix ("r6-10" finds "r6-10_nm" and the reverse); an
     * error lists the columns there are.
     */
    public int columnIndexAnyUnit(String name) {
        Integer exact = index.get(name);
        if (exact != null) {
            return exact;
        }
        String bare = nameOf(name);
        for (int i = 0; i < columns.size(); i++) {
            if (nameOf(columns.get(i)).equals(bare)) {
                return i;
            }
        }
        return columnIndex(name);
    }

    /** Whether a column of that name exists, with or without a unit suffix. */
    public boolean hasColumnAnyUnit(String name) {
        String bare = nameOf(name);
        return index.containsKey(name) || columns.stream().anyMatch(c -> nameOf(c).equals(bare));
    }

    /** "phi" + "deg" -> "phi_deg"; "F" + "kJ/mol" -> "F_kJmol"; no unit -> the name alone. */
    public static String header(String name, String unit) {
        if (unit == null || unit.isBlank()) {
            return name;
        }
        return name + "_" + unit.replace("/", "");
    }

    /** The unit a column header names by its suffix (phi_deg -> deg, r6-10_nm -> nm), or "" if none is known. */
    public static String unitOf(String column) {
        int us = column.lastIndexOf('_');
        if (us < 0) {
            return "";
        }
        String suffix = column.substring(us + 1);
        return switch (suffix) {
            case "kJmol" -> "kJ/mol";
            case "deg", "nm", "ps", "K", "sigma", "tau", "rad" -> suffix;
            default -> "";
        };
    }

    /** The name without a known unit suffix (phi_deg -> phi). */
    public static String nameOf(String column) {
        return unitOf(column).isEmpty() ? column : column.substring(0, column.lastIndexOf('_'));
    }

    /** The position of a column; an error lists the columns there are. */
    public int columnIndex(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw InputException.at(source, 1, "no column '" + name + "'; columns are: " + String.join(", ", columns));
        }
        return i;
    }

    public String text(int row, int column) {
        return rows.get(row)[column];
    }

    /** A cell as a number; "NaN" is refused unless allowed, as is anything that does not parse. */
    public double number(int row, int column) {
        String cell = rows.get(row)[column];
        try {
            double v = Double.parseDouble(cell);
            if (!Double.isFinite(v)) {
                throw InputException.at(source, lineNumbers[row],
                        "column '" + columns.get(column) + "' is " + cell + ", expected a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw InputException.at(source, lineNumbers[row],
                    "column '" + columns.get(column) + "' is '" + cell + "', expected a number");
        }
    }

    /** A whole column as numbers. */
    public double[] column(String name) {
        int c = columnIndex(name);
        double[] values = new double[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = number(r, c);
        }
        return values;
    }

    /**
     * A whole column as numbers where "nan" stands for a value that could not be measured (as {@link #write} writes
     * NaN); anything else that is not a number is still refused with its file and line.
     */
    public double[] columnOrNaN(String name) {
        int c = columnIndex(name);
        double[] values = new double[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = "nan".equals(rows.get(r)[c]) ? Double.NaN : number(r, c);
        }
        return values;
    }

    /** The file line a row came from (1-based). */
    public int lineOf(int row) {
        return lineNumbers[row];
    }

    /** Writes a header and numeric rows atomically; values use Java's shortest round-trip form. */
    public static void write(Path target, List<String> header, List<double[]> rows) {
        AtomicFiles.writeText(target, w -> {
            writeRow(w, header);
            for (double[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(format(row[i]));
                }
                w.write('\n');
            }
        });
    }

    /** Writes one row of text cells, comma separated, ending the line. */
    public static void writeRow(Writer w, List<String> cells) throws IOException {
        w.write(String.join(",", cells));
        w.write('\n');
    }

    /** A number as CSV text: integers without ".0", others in shortest round-trip form. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    /** The rows, unmodifiable, for callers that parse their own cells. */
    public List<String[]> rows() {
        return Collections.unmodifiableList(rows);
    }
}

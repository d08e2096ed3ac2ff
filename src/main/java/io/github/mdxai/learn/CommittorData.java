package io.github.mdxai.learn;

import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A committor dataset: feature columns chosen by a regular expression, the measured p_B and, where the file has them,
 * the shot counts n_A and n_B, and a configuration label per row (rows of one configuration stay in one split).
 */
public final class CommittorData {

    /** Default feature pattern: interatomic distances such as {@code r6-10} or {@code r6-10_nm}. */
    public static final String DEFAULT_FEATURES = "r\\d+-\\d+(_nm)?";
    /** Columns that, when present, name the configuration a row belongs to. */
    private static final String[] CONFIG_COLUMNS = {"config", "configuration", "frame"};

    private final Path source;
    private final List<String> featureNames;
    private final double[][] x;
    private final double[] target;
    private final double[] nA;
    private final double[] nB;
    private final String[] groups;
    private final int[] lines;

    public CommittorData(Path source, List<String> featureNames, double[][] x, double[] target, double[] nA,
                         double[] nB, String[] groups, int[] lines) {
        this.source = source;
        this.featureNames = List.copyOf(featureNames);
        this.x = x;
        this.target = target;
        this.nA = nA;
        this.nB = nB;
        this.groups = groups;
        this.lines = lines;
    }

    /** Loads the columns matching {@code featureRegex} and the {@code target} column (p_B in [0, 1]). */
    public static CommittorData load(Path csv, String target, String featureRegex) {
        CsvTable table = CsvTable.read(csv);
        Pattern pattern = compile(featureRegex);
        List<String> names = new ArrayList<>();
        for (String c : table.columns()) {
            if (pattern.matcher(c).matches() && !c.equals(target)) {
                names.add(c);
            }
        }
        if (names.isEmpty()) {
            throw InputException.at(csv, 1, "no column matches the feature pattern '" + featureRegex
                    + "'; columns are: " + String.join(", ", table.columns()));
        }
        if (table.rowCount() == 0) {
            throw InputException.at(csv, 0, "no data rows after the header");
        }
        double[] y = table.column(target);
        for (int r = 0; r < y.length; r++) {
            if (y[r] < 0 || y[r] > 1) {
                throw InputException.at(csv, table.lineOf(r), "column '" + target + "' is " + y[r]
                        + ", expected a committor in [0, 1]");
            }
        }
        double[][] x = featureMatrix(table, names);
        double[] nA = table.hasColumn("nA") ? counts(table, "nA") : null;
        double[] nB = table.hasColumn("nB") ? counts(table, "nB") : null;
        String[] groups = new String[table.rowCount()];
        String groupColumn = null;
        for (String c : CONFIG_COLUMNS) {
            if (table.hasColumn(c)) {
                groupColumn = c;
                break;
            }
        }
        int[] lines = new int[table.rowCount()];
        for (int r = 0; r < groups.length; r++) {
            groups[r] = groupColumn == null ? Integer.toString(r) : table.text(r, table.columnIndex(groupColumn));
            lines[r] = table.lineOf(r);
        }
        return new CommittorData(csv, names, x, y, nA, nB, groups, lines);
    }

    /** The named columns of {@code table} (with or without unit suffix) as a row-major matrix; an error names every missing column. */
    public static double[][] featureMatrix(CsvTable table, List<String> names) {
        List<String> missing = new ArrayList<>();
        int[] idx = new int[names.size()];
        for (int j = 0; j < idx.length; j++) {
            if (!table.hasColumnAnyUnit(names.get(j))) {
                missing.add(names.get(j));
            } else {
                idx[j] = table.columnIndexAnyUnit(names.get(j));
            }
        }
        if (!missing.isEmpty()) {
            throw InputException.at(table.source(), 1, "the model needs " + missing.size() + " column(s) missing here: "
                    + String.join(", ", missing));
        }
        double[][] x = new double[table.rowCount()][idx.length];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < idx.length; j++) {
                x[r][j] = table.number(r, idx[j]);
            }
        }
        return x;
    }

    private static double[] counts(CsvTable table, String column) {
        double[] v = table.column(column);
        for (int r = 0; r < v.length; r++) {
            if (v[r] < 0 || v[r] != Math.rint(v[r])) {
                throw InputException.at(table.source(), table.lineOf(r), "column '" + column + "' is " + v[r]
                        + ", expected a non-negative whole number of shots");
            }
        }
        return v;
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InputException("features: '" + regex + "' is not a regular expression: " + e.getDescription());
        }
    }

    public Path source() {
        return source;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public int rows() {
        return x.length;
    }

    public int features() {
        return featureNames.size();
    }

    /** Row-major feature values (not copied). */
    public double[][] x() {
        return x;
    }

    public double[] target() {
        return target;
    }

    public boolean hasCounts() {
        return nA != null && nB != null;
    }

    public double[] nA() {
        return nA;
    }

    public double[] nB() {
        return nB;
    }

    public String[] groups() {
        return groups;
    }

    /** The file line a row came from. */
    public int lineOf(int row) {
        return lines[row];
    }
}

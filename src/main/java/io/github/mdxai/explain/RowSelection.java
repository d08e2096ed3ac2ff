package io.github.mdxai.explain;

import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rows to explain, written as a condition on one numeric column: {@code all}, {@code 0.2 < pB < 0.8},
 * {@code pB >= 0.4}, {@code q < 1} (operators {@code < <= > >=}).
 */
public final class RowSelection {

    private static final String NUMBER = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)";
    private static final Pattern BETWEEN = Pattern.compile("\\s*" + NUMBER + "\\s*(<=?)\\s*([^<>=\\s]+)\\s*(<=?)\\s*"
            + NUMBER + "\\s*");
    private static final Pattern ONE_SIDED = Pattern.compile("\\s*([^<>=\\s]+)\\s*(<=?|>=?)\\s*" + NUMBER + "\\s*");

    private RowSelection() {
    }

    /** Rows of {@code table} that satisfy {@code condition}; an error when the condition is malformed or none do. */
    public static int[] rows(CsvTable table, String condition) {
        String text = condition == null ? "all" : condition.strip();
        List<Integer> rows = new ArrayList<>();
        if (text.isEmpty() || text.equalsIgnoreCase("all")) {
            for (int r = 0; r < table.rowCount(); r++) {
                rows.add(r);
            }
        } else {
            Matcher between = BETWEEN.matcher(text);
            Matcher oneSided = ONE_SIDED.matcher(text);
            String column;
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            boolean loInclusive = false;
            boolean hiInclusive = false;
            if (between.matches()) {
                lo = Double.parseDouble(between.group(1));
                loInclusive = between.group(2).equals("<=");
                column = between.group(3);
                hiInclusive = between.group(4).equals("<=");
                hi = Double.parseDouble(between.group(5));
            } else if (oneSided.matches()) {
                column = oneSided.group(1);
                String op = oneSided.group(2);
                double v = Double.parseDouble(oneSided.group(3));
                if (op.startsWith("<")) {
                    hi = v;
                    hiInclusive = op.equals("<=");
                } else {
                    lo = v;
                    loInclusive = op.equals(">=");
                }
            } else {
                throw new InputException("select: '" + condition
                        + "' is not a condition such as '0.2 < pB < 0.8', 'pB >= 0.4' or 'all'");
            }
            if (!table.hasColumn(column)) {
                throw new InputException("select: no column '" + column + "' in " + table.source());
            }
            double[] v = table.column(column);
            for (int r = 0; r < v.length; r++) {
                boolean above = loInclusive ? v[r] >= lo : v[r] > lo;
                boolean below = hiInclusive ? v[r] <= hi : v[r] < hi;
                if (above && below) {
                    rows.add(r);
                }
            }
        }
        if (rows.isEmpty()) {
            throw new InputException("select: no row of " + table.source() + " satisfies '" + condition + "'");
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}

package io.github.mdxai.learn;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Pearson r and RMSE between predicted and measured p_B on each part of the split. */
public final class Metrics {

    private Metrics() {
    }

    /** One part's agreement; r is NaN when either side is constant or there are fewer than 2 rows. */
    public record Fit(int rows, double pearsonR, double rmse) {
    }

    public static Fit fit(double[] predicted, double[] measured, int[] rows) {
        double[] a = new double[rows.length];
        double[] b = new double[rows.length];
        double sq = 0;
        for (int i = 0; i < rows.length; i++) {
            a[i] = predicted[rows[i]];
            b[i] = measured[rows[i]];
            sq += (a[i] - b[i]) * (a[i] - b[i]);
        }
        double r = rows.length >= 2 ? new PearsonsCorrelation().correlation(a, b) : Double.NaN;
        return new Fit(rows.length, r, rows.length == 0 ? Double.NaN : Math.sqrt(sq / rows.length));
    }

    /** Metrics for train / validation / test / all. */
    public static Map<String, Fit> of(double[] predicted, double[] measured, Split split) {
        Map<String, Fit> m = new LinkedHashMap<>();
        m.put("train", fit(predicted, measured, split.train()));
        m.put("validation", fit(predicted, measured, split.validation()));
        m.put("test", fit(predicted, measured, split.test()));
        m.put("all", fit(predicted, measured, split.all()));
        return m;
    }

    /** metrics.json text: {"train": {"rows": .., "pearson_r": .., "rmse": ..}, ...} plus extra facts. */
    public static String json(Map<String, Fit> metrics, Map<String, Object> extra) {
        StringBuilder s = new StringBuilder("{\n");
        for (Map.Entry<String, Fit> e : metrics.entrySet()) {
            Fit f = e.getValue();
            s.append(String.format(Locale.ROOT, "  \"%s\": {\"rows\": %d, \"pearson_r\": %s, \"rmse\": %s},%n",
                    e.getKey(), f.rows(), number(f.pearsonR()), number(f.rmse())));
        }
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof Number n ? number(n.doubleValue()) : "\"" + String.valueOf(v).replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"";
            s.append("  \"").append(e.getKey()).append("\": ").append(text).append(",\n");
        }
        s.setLength(s.length() - 2);
        return s.append("\n}\n").toString();
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

package io.github.mdxai.explain;

import io.github.mdxai.figures.BarChart;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** One method's importance per feature; rank 1 is the most important (largest value; ties keep column order). */
public record Importance(String method, List<String> features, double[] values) {

    public Importance {
        features = List.copyOf(features);
        values = values.clone();
        if (features.size() != values.length) {
            throw new IllegalArgumentException(features.size() + " features but " + values.length + " values");
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Feature indices from most to least important. */
    public int[] order() {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** rank[i] of feature i, 1 = most important. */
    public int[] ranks() {
        int[] order = order();
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }

    /** The names of the {@code k} most important features, most important first. */
    public List<String> top(int k) {
        int[] order = order();
        return IntStream.of(order).limit(k).mapToObj(features::get).toList();
    }

    /** Reads a table written by {@link #writeCsv} (columns feature and importance). */
    public static Importance readCsv(String method, Path file) {
        CsvTable t = CsvTable.read(file);
        int feature = t.columnIndex("feature");
        List<String> names = IntStream.range(0, t.rowCount()).mapToObj(r -> t.text(r, feature)).toList();
        return new Importance(method, names, t.column("importance"));
    }

    /** Writes {@code feature,importance,rank}, sorted by rank. */
    public void writeCsv(Path file) {
        int[] order = order();
        AtomicFiles.writeText(file, w -> {
            CsvTable.writeRow(w, List.of("feature", "importance", "rank"));
            for (int r = 0; r < order.length; r++) {
                CsvTable.writeRow(w, List.of(features.get(order[r]), CsvTable.format(values[order[r]]),
                        Integer.toString(r + 1)));
            }
        });
    }

    /** A bar chart of the {@code k} most important features. */
    public void writeChart(Path file, int k, String valueLabel) {
        int[] order = order();
        int n = Math.min(k, order.length);
        String[] labels = new String[n];
        double[] v = new double[n];
        for (int r = 0; r < n; r++) {
            labels[r] = features.get(order[r]);
            v[r] = values[order[r]];
        }
        new BarChart("Feature importance (" + method + "), top " + n, valueLabel, labels, v).writePng(file, 640, 0);
    }
}

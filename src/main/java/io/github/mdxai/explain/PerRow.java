package io.github.mdxai.explain;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Parallel;
import io.github.mdxai.util.Progress;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Per-row explanations: computed independently on a pool of threads, written as one table row each. Each row draws from its own random stream, so results do not
 * depend on the thread count; callers serialize calls into the model themselves.
 */
final class PerRow {

    private PerRow() {
    }

    /** {@code explain.apply(i)} for i in [0, count), in order, on up to {@code threads} threads. */
    static <T> List<T> map(int count, int threads, Progress progress, IntFunction<T> explain) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(null);
        }
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            Parallel.runAll(pool, count, index -> {
                progress.checkCancelled();
                T result = explain.apply(index);
                synchronized (out) {
                    out.set(index, result);
                }
                progress.fraction((double) done.incrementAndGet() / count);
            });
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(out);
    }

    /**
     * A per-row table: the {@code leading} columns, then one column per feature; {@code cells(i)} gives row i's
     * leading cells and {@code values(i)} its per-feature values.
     */
    static void writeTable(Path file, List<String> leading, List<String> features, int rows,
                           IntFunction<List<String>> cells, IntFunction<double[]> values) {
        AtomicFiles.writeText(file, w -> {
            List<String> header = new ArrayList<>(leading);
            header.addAll(features);
            CsvTable.writeRow(w, header);
            for (int i = 0; i < rows; i++) {
                List<String> row = new ArrayList<>(cells.apply(i));
                for (double v : values.apply(i)) {
                    row.add(CsvTable.format(v));
                }
                CsvTable.writeRow(w, row);
            }
        });
    }
}

package io.github.mdxai.explain;

import io.github.mdxai.util.CancelledException;
import io.github.mdxai.util.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Explains rows independently on a pool of threads. Each row draws from its own random stream, so results do not
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
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                jobs.add(pool.submit(() -> {
                    progress.checkCancelled();
                    T result = explain.apply(index);
                    synchronized (out) {
                        out.set(index, result);
                    }
                    progress.fraction((double) done.incrementAndGet() / count);
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(out);
    }
}

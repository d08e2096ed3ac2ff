package io.github.mdxai.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Per-item work in fixed chunks, so that results never depend on the number of threads. */
public final class Parallel {

    /** Items per chunk of {@link #forChunks}. */
    public static final int CHUNK = 256;

    private Parallel() {
    }

    /** Work on items [from, to) of chunk number {@code chunk}. */
    public interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    public static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    /** Runs every chunk of [0, n) once, on up to {@code threads} threads, reporting progress per chunk. */
    public static void forChunks(int n, int threads, Progress progress, ChunkBody body) {
        if (threads < 1) {
            throw new InputException("threads: expected at least 1, got " + threads);
        }
        int chunks = chunks(n);
        AtomicInteger done = new AtomicInteger();
        Runnable[] work = new Runnable[chunks];
        for (int c = 0; c < chunks; c++) {
            int chunk = c;
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            work[c] = () -> {
                if (progress.cancelled()) {
                    return;
                }
                body.run(chunk, from, to);
                progress.fraction(done.addAndGet(to - from) / (double) n);
            };
        }
        if (threads == 1 || chunks <= 1) {
            for (Runnable r : work) {
                r.run();
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks));
            try {
                runAll(pool, chunks, c -> work[c].run());
            } finally {
                pool.shutdownNow();
            }
        }
        progress.checkCancelled();
    }

    /**
     * Runs tasks 0 ... count - 1 on the pool and waits for all of them. A task's exception is rethrown as itself (an
     * unchecked one) on the calling thread; an interrupted wait ends in {@link CancelledException}.
     */
    public static void runAll(ExecutorService pool, int count, IntConsumer task) {
        List<Future<?>> futures = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int index = k;
            futures.add(pool.submit(() -> task.accept(index)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

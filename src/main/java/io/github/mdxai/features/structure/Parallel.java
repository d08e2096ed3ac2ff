package io.github.mdxai.features.structure;

import io.github.mdxai.util.CancelledException;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Per-particle work in fixed chunks, so that results never depend on the number of threads. */
final class Parallel {

    static final int CHUNK = 256;

    private Parallel() {
    }

    /** Work on particles [from, to) of chunk number {@code chunk}. */
    interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    /** Runs every chunk of [0, n) once, on up to {@code threads} threads, reporting progress per chunk. */
    static void forChunks(int n, int threads, Progress progress, ChunkBody body) {
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
                List<Future<?>> futures = new ArrayList<>();
                for (Runnable r : work) {
                    futures.add(pool.submit(r));
                }
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
            } finally {
                pool.shutdownNow();
            }
        }
        progress.checkCancelled();
    }
}

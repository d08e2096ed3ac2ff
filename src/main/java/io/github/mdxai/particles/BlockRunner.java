package io.github.mdxai.particles;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code body(block)} for blocks 0..n-1 on a fixed set of threads (the caller included) and returns when all
 * are done. Threads stay alive between calls, so a force evaluation per MD step costs two barrier crossings,
 * not a task submission. Which thread runs a block does not matter: callers give each block its own output.
 */
final class BlockRunner implements AutoCloseable {

    /** Work for one block. */
    interface Body {
        void run(int block);
    }

    private final int threads;
    private final Phaser phaser;
    private final AtomicInteger nextBlock = new AtomicInteger();
    private volatile Body body;
    private volatile int blocks;
    private volatile boolean closed;
    private volatile RuntimeException failure;
    private final List<Thread> workers = new ArrayList<>();

    BlockRunner(int threads) {
        this.threads = Math.max(1, threads);
        this.phaser = new Phaser(this.threads);
        for (int t = 1; t < this.threads; t++) {
            Thread worker = new Thread(this::workerLoop, "mdxai-pair-forces-" + t);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /** CPU time the worker threads (not the caller) have used so far, for benchmarks on a shared machine. */
    long workerCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread w : workers) {
            sum += Math.max(0, mx.getThreadCpuTime(w.getId()));
        }
        return sum;
    }

    int threads() {
        return threads;
    }

    void run(int blockCount, Body work) {
        if (threads == 1) {
            for (int b = 0; b < blockCount; b++) {
                work.run(b);
            }
            return;
        }
        body = work;
        blocks = blockCount;
        nextBlock.set(0);
        failure = null;
        phaser.arriveAndAwaitAdvance(); // start
        claimBlocks();
        phaser.arriveAndAwaitAdvance(); // all done
        body = null;
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private void claimBlocks() {
        Body work = body;
        int n = blocks;
        int b;
        while ((b = nextBlock.getAndIncrement()) < n) {
            try {
                work.run(b);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    private void workerLoop() {
        while (true) {
            phaser.arriveAndAwaitAdvance();
            if (closed) {
                phaser.arriveAndDeregister();
                return;
            }
            claimBlocks();
            phaser.arriveAndAwaitAdvance();
        }
    }

    @Override
    public void close() {
        if (threads > 1 && !closed) {
            closed = true;
            phaser.arriveAndDeregister(); // releases the workers waiting at the start barrier
        }
    }
}

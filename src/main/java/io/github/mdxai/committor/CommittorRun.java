package io.github.mdxai.committor;

import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CancelledException;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Committor shooting over many configurations: parallel over configurations and shots, deterministic whatever the
 * thread count (a shot depends on (seed, config, shot) only), resumable and shardable.
 *
 * <p>Files: while running, every finished configuration is appended as one complete line to the journal
 * {@code committors.csv.journal} (one write call, so a kill leaves at most a torn last line, which a rerun drops);
 * when the shard is complete, the sorted results file is written atomically and the journal removed. Rerunning
 * with the same inputs and parameters continues from the journal; the final file is byte-identical to an
 * uninterrupted run. Existing files of a different run are refused and left as they are.
 */
public final class CommittorRun {

    /** What a run did: its results file, configurations in the shard, those computed now, shots and time. */
    public record Summary(Path results, int configurations, int computedNow, long shotsNow, long stepsNow, double seconds) {

        public double shotsPerSecond() {
            return seconds > 0 ? shotsNow / seconds : 0;
        }
    }

    private final List<double[]> configs;
    private final ShootingParameters parameters;
    private final ShardSpec shard;
    private final int threads;
    private final ForceField forceField;
    private final Topology topology;
    private final CommittorStates states;
    private final CommittorFile.Header header;
    private final Path results;
    private final Path journal;

    /**
     * Checks the inputs and any files already in {@code folder} (they must come from this very run) without
     * writing anything.
     */
    public CommittorRun(Topology topology, List<double[]> configs, CommittorStates states, ShootingParameters parameters,
                        ShardSpec shard, int threads, Path folder) {
        InputException.require(!configs.isEmpty(), "configs: no configurations");
        InputException.require(threads >= 1 && threads <= 1024, "threads: expected 1..1024, got " + threads);
        InputException.require(shard.count() <= configs.size(), "shard: " + shard + " splits " + configs.size()
                + " configurations into more parts than there are configurations");
        for (int k = 0; k < configs.size(); k++) {
            InputException.require(configs.get(k).length == 3 * topology.atomCount(),
                    "configs: configuration " + k + " has " + configs.get(k).length / 3 + " atoms, the topology " + topology.atomCount());
        }
        this.topology = topology;
        this.configs = configs;
        this.states = states;
        this.parameters = parameters;
        this.shard = shard;
        this.threads = threads;
        states.classifier(topology); // fails now, before any file is touched, if a state CV does not fit the topology
        this.forceField = ForceField.of(topology);
        String run = "configs=" + configs.size() + " configs_sha256=" + Fingerprints.configurations(configs)
                + " topology_sha256=" + Fingerprints.topology(topology) + " " + states.describe() + " " + parameters.describe();
        this.header = new CommittorFile.Header(run, shard, configs.size());
        this.results = CommittorFile.resultsIn(folder, shard);
        this.journal = CommittorFile.journal(results);
        if (Files.exists(results)) {
            requireSameRun(CommittorFile.read(results, false).header(), results);
        }
        if (Files.exists(journal)) {
            requireSameRun(CommittorFile.read(journal, true).header(), journal);
        }
    }

    private void requireSameRun(CommittorFile.Header found, Path file) {
        if (!found.text().equals(header.text())) {
            throw InputException.at(file, 2, "holds results of a different run (run_id " + found.runId() + ", this run "
                    + header.runId() + ": " + CommittorFile.difference(header.run(), found.run())
                    + "); choose another output folder or remove the file; it was left as it is");
        }
    }

    public CommittorFile.Header header() {
        return header;
    }

    public Path resultsFile() {
        return results;
    }

    /** Runs the shots this shard still lacks; throws {@link CancelledException} on cancel, leaving the journal consistent. */
    public Summary process(Progress progress) {
        long start = System.nanoTime();
        int shardSize = header.to() - header.from();
        if (Files.exists(results) && CommittorFile.read(results, false).complete()) {
            progress.status("Committors: all " + shardSize + " configurations of " + results.getFileName() + " were already done");
            progress.fraction(1);
            deleteJournal(); // left over if a kill came between writing the results and removing the journal
            return new Summary(results, shardSize, 0, 0, 0, 0);
        }
        TreeMap<Integer, String> done = resumeJournal();
        int[] pending = new int[shardSize - done.size()];
        int p = 0;
        for (int c = header.from(); c < header.to(); c++) {
            if (!done.containsKey(c)) {
                pending[p++] = c;
            }
        }
        Shooting shooting = new Shooting(pending, done);
        shooting.run(progress, shardSize, start);
        CommittorFile.write(results, header, done);
        deleteJournal();
        double seconds = (System.nanoTime() - start) * 1e-9;
        progress.fraction(1);
        progress.status(String.format(Locale.ROOT, "Committors: %d configurations done (%d now, %.0f shots/s), %s",
                shardSize, pending.length, pending.length * (double) parameters.shots() / Math.max(seconds, 1e-9), results));
        return new Summary(results, shardSize, pending.length, (long) pending.length * parameters.shots(),
                shooting.steps.get(), seconds);
    }

    private void deleteJournal() {
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + journal + ": " + e.getMessage(), e);
        }
    }

    /** Rows already in the journal; a torn last line is cut off. A new journal starts with the header. */
    private TreeMap<Integer, String> resumeJournal() {
        if (!Files.exists(journal)) {
            AtomicFiles.writeString(journal, header.text());
            return new TreeMap<>();
        }
        CommittorFile.Content content = CommittorFile.read(journal, true);
        StringBuilder intact = new StringBuilder(header.text());
        for (String row : content.rows().values()) {
            intact.append(row).append('\n');
        }
        byte[] bytes = intact.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.size(journal) != bytes.length) {
                // a torn last line: rewrite with whole lines only, so appends start on a fresh line
                AtomicFiles.write(journal, out -> out.write(bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal + ": " + e.getMessage(), e);
        }
        return new TreeMap<>(content.rows());
    }

    /** The parallel part: workers take (configuration, shot) tasks in order from one counter. */
    private final class Shooting {

        private final int[] pending;
        private final Map<Integer, String> done;
        private final int shots;
        private final AtomicLong nextTask = new AtomicLong();
        private final AtomicLong shotsDone = new AtomicLong();
        private final AtomicLong steps = new AtomicLong();
        private final AtomicInteger configsDone = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Map<Integer, Tally> tallies = new ConcurrentHashMap<>();
        private volatile boolean stop;
        private FileChannel journalChannel;

        Shooting(int[] pending, Map<Integer, String> done) {
            this.pending = pending;
            this.done = done;
            this.shots = parameters.shots();
        }

        void run(Progress progress, int shardSize, long start) {
            if (pending.length == 0) {
                return;
            }
            long totalShots = (long) pending.length * shots;
            int alreadyDone = shardSize - pending.length;
            try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                journalChannel = ch;
                List<Thread> workers = new ArrayList<>();
                int count = (int) Math.min(threads, totalShots);
                for (int t = 0; t < count; t++) {
                    Thread w = new Thread(this::work, "committor-" + t);
                    w.setDaemon(true);
                    workers.add(w);
                    w.start();
                }
                progress.status("Committors: " + alreadyDone + "/" + shardSize + " configurations done, starting "
                        + count + " thread(s)");
                boolean watched = false;
                try {
                    watch(workers, progress, shardSize, alreadyDone, totalShots, start);
                    watched = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                } finally {
                    if (!watched) {
                        stop = true;
                    }
                    // workers finish their shot and stop; the journal closes only after them
                    joinUninterruptibly(workers);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + journal + ": " + e.getMessage(), e);
            }
            Throwable t = failure.get();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            if (t instanceof IOException io) {
                throw new UncheckedIOException("cannot append to " + journal + ": " + io.getMessage(), io);
            }
            if (stop) {
                throw new CancelledException();
            }
        }

        private void watch(List<Thread> workers, Progress progress, int shardSize, int alreadyDone, long totalShots, long start)
                throws InterruptedException {
            while (!allStopped(workers, 50)) {
                if (progress.cancelled()) {
                    stop = true;
                }
                long shotsNow = shotsDone.get();
                double seconds = (System.nanoTime() - start) * 1e-9;
                double rate = shotsNow / Math.max(seconds, 1e-9);
                progress.fraction((alreadyDone + (double) shotsNow / shots) / shardSize);
                progress.status(String.format(Locale.ROOT, "Committors: %d/%d configurations done, %.0f shots/s, %s left",
                        alreadyDone + configsDone.get(), shardSize, rate,
                        rate > 0 ? duration((totalShots - shotsNow) / rate) : "?"));
            }
        }

        private void joinUninterruptibly(List<Thread> workers) {
            boolean interrupted = false;
            for (Thread w : workers) {
                while (w.isAlive()) {
                    try {
                        w.join();
                    } catch (InterruptedException e) {
                        stop = true;
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean allStopped(List<Thread> workers, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000;
            for (Thread w : workers) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left > 0) {
                    w.join(left);
                }
                if (w.isAlive()) {
                    return false;
                }
            }
            return true;
        }

        private void work() {
            try {
                Shooter shooter = new Shooter(parameters, forceField, topology, states);
                long total = (long) pending.length * shots;
                long stepsBefore = 0;
                for (long task = nextTask.getAndIncrement(); task < total && !stop; task = nextTask.getAndIncrement()) {
                    int config = pending[(int) (task / shots)];
                    int shot = (int) (task % shots);
                    shooter.shoot(configs.get(config), config, shot);
                    steps.addAndGet(shooter.stepsDone() - stepsBefore);
                    stepsBefore = shooter.stepsDone();
                    Tally tally = tallies.computeIfAbsent(config, c -> new Tally(shots));
                    tally.outcome[shot] = (byte) shooter.outcome();
                    tally.time[shot] = shooter.commitTime();
                    shotsDone.incrementAndGet();
                    // the decrement publishes this shot's entries to whichever thread finishes the configuration
                    if (tally.remaining.decrementAndGet() == 0) {
                        tallies.remove(config);
                        record(config, tally.estimate());
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                stop = true;
            }
        }

        private synchronized void record(int config, CommittorEstimate estimate) throws IOException {
            String row = CommittorFile.row(config, estimate);
            ByteBuffer line = ByteBuffer.wrap((row + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                journalChannel.write(line);
            }
            done.put(config, row);
            configsDone.incrementAndGet();
        }
    }

    /** Outcomes of one configuration's shots, filled by any thread in any order. */
    private static final class Tally {
        final byte[] outcome;
        final double[] time;
        final AtomicInteger remaining;

        Tally(int shots) {
            outcome = new byte[shots];
            time = new double[shots];
            remaining = new AtomicInteger(shots);
        }

        /** Counts and mean commit time summed in shot order, so the value is the same whatever the thread order. */
        CommittorEstimate estimate() {
            int nA = 0, nB = 0, undecided = 0;
            double sum = 0;
            for (int s = 0; s < outcome.length; s++) {
                switch (outcome[s]) {
                    case CommittorStates.IN_A -> nA++;
                    case CommittorStates.IN_B -> nB++;
                    default -> undecided++;
                }
                if (outcome[s] != CommittorStates.NONE) {
                    sum += time[s];
                }
            }
            return new CommittorEstimate(nA, nB, undecided, nA + nB == 0 ? Double.NaN : sum / (nA + nB));
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}

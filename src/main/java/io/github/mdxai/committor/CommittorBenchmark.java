package io.github.mdxai.committor;

import io.github.mdxai.cv.Dihedral;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.LangevinBaoab;
import io.github.mdxai.molecules.State;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.molecules.Velocities;
import io.github.mdxai.util.Benchmark;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The paper-scale committor run (seed: 2000 configurations x 100 shots x 1 ps) timed on this machine.
 * Configurations near the C7eq/C7ax transition state come from Langevin MD with phi restrained (harmonic,
 * 2000 kJ/mol/rad^2) to targets between -10 and +5 degrees, where shooting gives p_B spread over 0..1
 * (found by scanning phi: at -20 deg p_B ~ 0, at +20 deg p_B ~ 1, psi relaxes to about -40 deg).
 *
 * <pre>
 * bin/mdxai bench committor [TOPOLOGY START.gro OUTDIR [configs shots tmax_ps threads]]
 * </pre>
 * Prints a table: configurations, shots, threads, wall time, shots/s, steps/s, mean shot length, p_B histogram,
 * peak heap. Writes OUTDIR/transition.gro and OUTDIR/committors.csv.
 */
public final class CommittorBenchmark extends Benchmark {

    public CommittorBenchmark() {
        super("committor", "the paper-scale committor run (2000 configurations x 100 shots x 1 ps, 2 threads)");
    }

    /** phi targets (degrees) of the restrained sampling, cycled over the configurations. */
    static final double[] PHI_TARGETS = {-10, -5, 0, 5};

    /**
     * {@code count} configurations near the transition state from {@code start} (C7eq): per target, 5 ps of
     * dragging phi from its value to the target, then one frame every 0.2 ps of restrained MD at 300 K.
     */
    public static List<double[]> transitionConfigurations(Topology top, double[] start, int count, long seed) {
        Dihedral phi = Dihedral.phi();
        double[] target = {0};
        double[] grad = new double[start.length];
        double k = 2000;
        ForceField restrained = ForceField.of(top).plus((x, f) -> {
            double d = Math.IEEEremainder(phi.valueAndGradient(x, grad) - target[0], 2 * Math.PI);
            for (int c = 0; c < f.length; c++) {
                f[c] -= k * d * grad[c];
            }
            return 0.5 * k * d * d;
        });
        List<double[]> out = new ArrayList<>();
        int perTarget = (count + PHI_TARGETS.length - 1) / PHI_TARGETS.length;
        for (int t = 0; t < PHI_TARGETS.length && out.size() < count; t++) {
            LangevinBaoab md = new LangevinBaoab(restrained, top.masses(), 300, 5, 0.001, null);
            SplittableRandom random = Rng.stream(seed, "transition-sampling", t);
            State s = new State(start, null);
            Velocities.maxwellBoltzmann(top.masses(), 300, random, s.v);
            double from = phi.value(start), to = Math.toRadians(PHI_TARGETS[t]);
            target[0] = from;
            md.prime(s);
            for (int step = 1; step <= 5000; step++) {
                target[0] = from + Math.IEEEremainder(to - from, 2 * Math.PI) * step / 5000.0;
                md.step(s, random);
            }
            for (int f = 0; f < perTarget && out.size() < count; f++) {
                md.run(s, 200, random);
                out.add(s.x.clone());
            }
        }
        return out;
    }

    /** CPU time of this whole process (all threads, JIT and GC included), ns. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    @Override
    protected void run(String[] args) throws Exception {
        // no arguments: the paper-scale run on the bundled alanine dipeptide
        if (args.length == 0) {
            args = new String[] {"test-data/ala2/processed.top", "test-data/ala2/conformations.gro", "target/bench-committor"};
        }
        InputException.require(args.length >= 3,
                "usage: bench committor [TOPOLOGY START.gro OUTDIR [configs=2000 shots=100 tmax_ps=1 threads=2]]");
        Topology top = GromacsTopology.read(Path.of(args[0]));
        double[] start = GroFile.read(Path.of(args[1])).get(args[1].contains("conformations") ? 1 : 0).x();
        Path outDir = Path.of(args[2]);
        int configs = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int shots = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        double tmax = args.length > 5 ? Double.parseDouble(args[5]) : 1.0;
        int threads = args.length > 6 ? Integer.parseInt(args[6]) : 2;
        Files.createDirectories(outDir);

        long t0 = System.nanoTime();
        List<double[]> frames = transitionConfigurations(top, start, configs, 2024);
        double sampling = (System.nanoTime() - t0) * 1e-9;
        List<String> titles = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            titles.add(String.format(Locale.ROOT, "transition config %d phi=%.1f psi=%.1f", k,
                    Math.toDegrees(Dihedral.phi().value(frames.get(k))), Math.toDegrees(Dihedral.psi().value(frames.get(k)))));
        }
        GroFile.write(outDir.resolve("transition.gro"), top, titles, frames, null, new double[]{3, 3, 3}, 6);

        ShootingParameters parameters = new ShootingParameters(shots, tmax, 300, 1, "langevin", 1.0, 0.001, "none", 5);
        Path results = CommittorFile.resultsIn(outDir, ShardSpec.WHOLE);
        Files.deleteIfExists(results);
        Files.deleteIfExists(CommittorFile.journal(results));
        CommittorRun run = new CommittorRun(top, frames, CommittorStates.alanineDipeptide(), parameters, ShardSpec.WHOLE,
                threads, outDir);
        long[] peakHeap = {0};
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap[0] = Math.max(peakHeap[0], rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long cpuBefore = processCpuNanos();
        CommittorRun.Summary s = run.process(new Progress() {
            private long lastPrint = System.nanoTime();

            @Override
            public void fraction(double done) {
            }

            @Override
            public void status(String text) {
                if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.err.println(text);
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        double cpuSeconds = (processCpuNanos() - cpuBefore) * 1e-9;
        sampler.interrupt();

        CommittorFile.Content content = CommittorFile.read(results, false);
        int[] histogram = new int[10];
        int undecidedShots = 0;
        for (String row : content.rows().values()) {
            String[] c = row.split(",");
            undecidedShots += Integer.parseInt(c[4]);
            if (!c[1].equals("NaN")) {
                histogram[Math.min(9, (int) (Double.parseDouble(c[1]) * 10))]++;
            }
        }
        long totalShots = (long) configs * shots;
        out.printf(Locale.ROOT, "%-28s %s%n", "what", "value");
        out.printf(Locale.ROOT, "%-28s %.1f s (%d configurations, phi targets %s deg)%n", "transition sampling",
                sampling, frames.size(), Arrays.toString(PHI_TARGETS));
        out.printf(Locale.ROOT, "%-28s %d x %d shots x %s ps, %d threads%n", "committor run", configs, shots, CsvTable.format(tmax), threads);
        out.printf(Locale.ROOT, "%-28s %.1f s%n", "wall time", s.seconds());
        out.printf(Locale.ROOT, "%-28s %.1f s (%.0f%% of %d cores: the machine's other load took the rest)%n",
                "process CPU time", cpuSeconds, 100 * cpuSeconds / (threads * s.seconds()), threads);
        out.printf(Locale.ROOT, "%-28s %.1f s (CPU time / %d threads: independent shots scale linearly)%n",
                "wall on idle cores (est.)", cpuSeconds / threads, threads);
        out.printf(Locale.ROOT, "%-28s %.0f%n", "shots/s", s.shotsPerSecond());
        out.printf(Locale.ROOT, "%-28s %.3g (%.2f us of CPU per step)%n", "steps/s", s.stepsNow() / s.seconds(),
                1e6 * cpuSeconds / s.stepsNow());
        out.printf(Locale.ROOT, "%-28s %.3f ps%n", "mean shot length", s.stepsNow() * parameters.dt() / totalShots);
        out.printf(Locale.ROOT, "%-28s %d of %d%n", "undecided shots", undecidedShots, totalShots);
        out.printf(Locale.ROOT, "%-28s %s%n", "pB histogram (10 bins)", Arrays.toString(histogram));
        out.printf(Locale.ROOT, "%-28s %.0f MB (max heap %d MB)%n", "peak heap in use", peakHeap[0] / 1e6,
                Runtime.getRuntime().maxMemory() / 1_000_000);
        out.printf(Locale.ROOT, "%-28s %s%n", "results", results);
    }
}

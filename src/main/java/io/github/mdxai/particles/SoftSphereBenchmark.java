package io.github.mdxai.particles;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.util.Benchmark;
import io.github.mdxai.util.Progress;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * NVE energy drift and speed of the Bernu-Hansen mixture in our engine and in LAMMPS, side by side in one run: both
 * start from the same configuration (LAMMPS's reference N = 1000 one, replicated for larger N) with the settings of
 * LAMMPS's reference benchmark (dt = 0.005, skin 0.3, list checked every step, rebuilt after a half-skin move;
 * energy shifted to zero at rc = 3 sigma_ab, force not), run 200 warm-up steps and then the measured steps with the
 * total energy per atom sampled every 10 steps. Prints per engine the fitted drift slope with its standard error
 * ({@link EnergyDrift}: autocorrelation of the residuals included), the difference in units of the combined error,
 * list builds, and CPU and wall time per atom-step (CPU time of the computing threads, or LAMMPS's loop time times
 * its CPU share, because the machine may be shared). All sizes and both engines run at the same time (LAMMPS as
 * separate processes with 1 MPI task, ours one thread per size), so that the long runs fit in a working session on a
 * busy machine; without {@code lmp} on the PATH only our rows are printed. Our two-thread speed is then measured on
 * a shorter run whose end state is compared bit for bit with the one-thread trajectory.
 * Arguments: [reference directory (default ../shared/reference/softsphere)] [steps (default 100000)]
 * [sizes (default 1000,8000; each 1000 k^3)].
 */
public final class SoftSphereBenchmark extends Benchmark {

    static final double DT = 0.005;
    static final double SKIN = 0.3;
    static final int WARM_UP = 200;
    static final int SAMPLE_EVERY = 10;

    public SoftSphereBenchmark() {
        super("softsphere", "soft-sphere NVE energy drift (slope +- standard error) and speed, ours and LAMMPS side by side, N = 1000 and 8000");
    }

    /** One engine's measured run: samples of (time since the warm-up, Etot/atom) and its costs. */
    record EngineRun(String engine, int threads, long steps, int n, double[] time, double[] totalEnergy,
                     double cpuSeconds, double wallSeconds, long listBuilds) {
        EnergyDrift drift() {
            return EnergyDrift.fit(time, totalEnergy);
        }

        double cpuMicrosPerAtomStep() {
            return cpuSeconds * 1e6 / ((double) n * steps);
        }

        double wallMicrosPerAtomStep() {
            return wallSeconds * 1e6 / ((double) n * steps);
        }
    }

    @Override
    protected void run(String[] args) throws Exception {
        Path ref = Path.of(args.length > 0 ? args[0] : "../shared/reference/softsphere");
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        int[] sizes = Arrays.stream((args.length > 2 ? args[2] : "1000,8000").split(",")).mapToInt(Integer::parseInt).toArray();
        Path referenceData = ref.resolve("config_N1000.data");
        Configuration base = startConfiguration(referenceData);
        Path work = Files.createTempDirectory("mdxai-softsphere-bench");
        LammpsNve lammps = LammpsNve.installed() ? LammpsNve.prepare(work, SoftSphereMixture.BERNU_HANSEN,
                ref.resolve("inputs/make_table.py"), DT, SKIN, WARM_UP, SAMPLE_EVERY) : null;
        out.printf(Locale.ROOT, "soft-sphere NVE: dt %.3g, skin %.2g, list checked every step, %d warm-up + %d steps, Etot/atom sampled every %d steps%n",
                DT, SKIN, WARM_UP, steps, SAMPLE_EVERY);
        out.println(lammps == null
                ? "LAMMPS: lmp not found on the PATH: our engine only"
                : "LAMMPS: " + LammpsNve.version() + ", pair_style " + lammps.style() + ", 1 MPI task, run at the same time as ours");
        // CPU costs measured with both engines running (10^5 steps, N = 1000 and 8000): ours 1.8-2.1, LAMMPS
        // 2.8-3.4 us/atom-step on one core of a 2-core AMD EPYC (Zen 3, 2.45 GHz) virtual machine
        double atomSteps = Arrays.stream(sizes).asDoubleStream().sum() * steps;
        out.printf(Locale.ROOT, "expected: about %.0f min on an idle 2-core machine like the CI's (Zen 3, 2.45 GHz), longer on a busy one%n",
                atomSteps * ((lammps == null ? 0 : 3.1) + 2.0) * 1e-6 / 2 / 60);
        out.println("slope and its standard error in eps/atom per tau; n/n_eff = samples per independent one (block averaging); times per atom-step");
        out.printf(Locale.ROOT, "%6s %-7s %7s %12s %10s %8s %11s %7s %9s %9s%n", "N", "engine", "threads", "slope", "std_err",
                "n/n_eff", "rms", "builds", "cpu_us", "wall_us");
        out.flush();
        // all LAMMPS runs start now, in parallel with ours: on a shared machine the comparison is by CPU time
        Configuration[] configurations = new Configuration[sizes.length];
        Process[] lammpsRuns = new Process[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            int n = sizes[i];
            int k = (int) Math.round(Math.cbrt(n / (double) base.size()));
            if (k * k * k * base.size() != n) {
                throw new IllegalArgumentException("sizes must be 1000 k^3 (replicas of the reference configuration), was " + n);
            }
            configurations[i] = k == 1 ? base : base.replicated(k, k, k);
            if (lammps != null) {
                Path data = work.resolve("config_N" + n + ".data");
                LammpsData.write(data, configurations[i], SoftSphereMixture.BERNU_HANSEN.masses());
                lammpsRuns[i] = lammps.start(data, "N" + n, steps);
            }
        }
        // our one-thread runs of all sizes in parallel too (each measured by its own thread's CPU time)
        long shortSteps = Math.max(SAMPLE_EVERY, Math.min(steps, (steps / 20) / SAMPLE_EVERY * SAMPLE_EVERY));
        double[][] positionsAtShort = new double[sizes.length][];
        List<Future<EngineRun>> oneThread = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(sizes.length);
        try {
            for (int i = 0; i < sizes.length; i++) {
                int index = i;
                oneThread.add(pool.submit(() -> runOurs(configurations[index], steps, 1, shortSteps, positionsAtShort, index)));
            }
            for (int i = 0; i < sizes.length; i++) {
                int n = sizes[i];
                EngineRun ours = oneThread.get(i).get();
                print(ours, ours.drift());
                double[][] twoThreadEnd = new double[1][];
                EngineRun two = runOurs(configurations[i], shortSteps, 2, shortSteps, twoThreadEnd, 0);
                print(two, null);
                out.printf(Locale.ROOT, "%6d two threads, %d steps: trajectory bit-identical to one thread: %s; cpu/wall speed-up %.2f / %.2f%n",
                        n, shortSteps, Arrays.equals(positionsAtShort[i], twoThreadEnd[0]) ? "yes" : "NO",
                        ours.cpuMicrosPerAtomStep() / two.cpuMicrosPerAtomStep(), ours.wallMicrosPerAtomStep() / two.wallMicrosPerAtomStep());
                if (lammpsRuns[i] != null) {
                    EngineRun theirs = lammps.finish(lammpsRuns[i], "N" + n, n, steps, DT);
                    EnergyDrift d = theirs.drift();
                    print(theirs, d);
                    EnergyDrift o = ours.drift();
                    double combined = Math.hypot(o.standardError(), d.standardError());
                    out.printf(Locale.ROOT, "%6d ours - LAMMPS slope: %.3e +- %.3e eps/atom/tau (%.1f standard errors); "
                                    + "|ours| - |LAMMPS|: %.1f standard errors; cpu time ratio ours/LAMMPS %.2f, wall %.2f%n",
                            n, o.slope() - d.slope(), combined, (o.slope() - d.slope()) / combined,
                            (Math.abs(o.slope()) - Math.abs(d.slope())) / combined,
                            ours.cpuMicrosPerAtomStep() / theirs.cpuMicrosPerAtomStep(),
                            ours.wallMicrosPerAtomStep() / theirs.wallMicrosPerAtomStep());
                }
                out.flush();
            }
        } finally {
            pool.shutdownNow();
        }
        deleteRecursively(work);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void print(EngineRun r, EnergyDrift d) {
        if (d == null) {
            out.printf(Locale.ROOT, "%6d %-7s %7d %12s %10s %8s %11s %7d %9.4f %9.4f%n", r.n(), r.engine(), r.threads(), "-", "-", "-", "-",
                    r.listBuilds(), r.cpuMicrosPerAtomStep(), r.wallMicrosPerAtomStep());
        } else {
            out.printf(Locale.ROOT, "%6d %-7s %7d %12.3e %10.3e %8.2f %11.3e %7d %9.4f %9.4f%n", r.n(), r.engine(), r.threads(), d.slope(),
                    d.standardError(), d.inefficiency(), d.residualRms(), r.listBuilds(), r.cpuMicrosPerAtomStep(), r.wallMicrosPerAtomStep());
        }
        out.flush();
    }

    /**
     * Our NVE run from {@code c}: warm-up, then {@code steps} measured steps with Etot/atom every {@link #SAMPLE_EVERY}
     * steps; the positions after {@code markStep} measured steps go to {@code positionsAtMark[markIndex]}.
     */
    static EngineRun runOurs(Configuration c, long steps, int threads, long markStep, double[][] positionsAtMark, int markIndex) {
        ParticleState s = new ParticleState(c, SoftSphereMixture.BERNU_HANSEN.masses());
        try (PairForces f = new PairForces(SoftSphereMixture.BERNU_HANSEN.potential(), s.types(), s.box(), SKIN, threads)) {
            VelocityVerlet vv = new VelocityVerlet(s, f, DT);
            vv.run(WARM_UP, Long.MAX_VALUE, null, Progress.NONE);
            int n = s.size();
            long startStep = s.step();
            double startTime = s.time();
            int samples = (int) (steps / SAMPLE_EVERY) + 1;
            double[] t = new double[samples];
            double[] e = new double[samples];
            t[0] = 0;
            e[0] = vv.observe().totalEnergy() / n;
            int[] count = {1};
            long progressEvery = Math.max(SAMPLE_EVERY, steps / 10 / SAMPLE_EVERY * SAMPLE_EVERY);
            int builds0 = f.listBuilds();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime() + f.workerCpuNanos();
            long wall0 = System.nanoTime();
            vv.run(steps, SAMPLE_EVERY, (st, o) -> {
                t[count[0]] = st.time() - startTime;
                e[count[0]++] = o.totalEnergy() / n;
                if (st.step() - startStep == markStep) {
                    positionsAtMark[markIndex] = st.positions().clone();
                }
                long done = st.step() - startStep;
                if (done % progressEvery == 0 && count[0] >= 16) {
                    // a long run on a shared machine: progress and the drift so far on stderr
                    EnergyDrift d = EnergyDrift.fit(Arrays.copyOf(t, count[0]), Arrays.copyOf(e, count[0]));
                    System.err.printf(Locale.ROOT, "N = %d, %d threads: %d of %d steps, slope so far %.3e +- %.3e%n",
                            n, threads, done, steps, d.slope(), d.standardError());
                }
            }, Progress.NONE);
            long wall1 = System.nanoTime();
            long cpu1 = mx.getCurrentThreadCpuTime() + f.workerCpuNanos();
            return new EngineRun("MD_XAI", threads, steps, n, Arrays.copyOf(t, count[0]), Arrays.copyOf(e, count[0]),
                    (cpu1 - cpu0) / 1e9, (wall1 - wall0) / 1e9, f.listBuilds() - builds0);
        }
    }

    private static Configuration startConfiguration(Path data) {
        if (Files.exists(data)) {
            return LammpsData.read(data);
        }
        System.err.println("no " + data + ": melting a lattice instead");
        SoftSphereMixture m = SoftSphereMixture.BERNU_HANSEN;
        return LiquidProtocol.prepare(m, 1000, m.density(), 1.0, DT, 4000, 1, 12345L, Progress.NONE).configuration();
    }
}

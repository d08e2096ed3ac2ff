package io.github.mdxai.particles;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.util.Benchmark;
import io.github.mdxai.util.Progress;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NVE energy drift and speed of the Bernu-Hansen mixture in our engine and in LAMMPS, side by side in one run: both
 * start from the same configuration (LAMMPS's reference N = 1000 one, replicated for larger N) with the settings of
 * LAMMPS's reference benchmark (dt = 0.005, skin 0.3, list checked every step, rebuilt after a half-skin move;
 * energy shifted to zero at rc = 3 sigma_ab, force not), run 200 warm-up steps and then the measured steps with the
 * total energy per atom sampled every 10 steps. Prints per engine the fitted drift slope with its standard error
 * ({@link EnergyDrift}: autocorrelation of the residuals included), the difference in units of the combined error,
 * list builds, and CPU and wall time per atom-step (CPU time of the computing threads, or LAMMPS's loop time times
 * its CPU share, because the machine may be shared). LAMMPS runs as a separate process at the same time as our run
 * (1 MPI task); without {@code lmp} on the PATH only our rows are printed. Our two-thread speed is measured on a
 * shorter run whose end state is compared bit for bit with the one-thread trajectory.
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
        String lammpsStyle = onPath("lmp") ? prepareLammps(ref.resolve("inputs"), work) : null;
        out.printf(Locale.ROOT, "soft-sphere NVE: dt %.3g, skin %.2g, list checked every step, %d warm-up + %d steps, Etot/atom sampled every %d steps%n",
                DT, SKIN, WARM_UP, steps, SAMPLE_EVERY);
        out.println(lammpsStyle == null
                ? "LAMMPS: lmp not found on the PATH (or its inputs missing): our engine only"
                : "LAMMPS: " + lmpVersion() + ", pair_style " + lammpsStyle + ", 1 MPI task, run at the same time as ours");
        out.println("slope and its standard error in eps/atom per tau; tau_int = autocorrelation time of the residuals in samples; times per atom-step");
        out.printf(Locale.ROOT, "%6s %-7s %7s %12s %10s %8s %11s %7s %9s %9s%n", "N", "engine", "threads", "slope", "std_err",
                "tau_int", "rms", "builds", "cpu_us", "wall_us");
        out.flush();
        for (int n : sizes) {
            int k = (int) Math.round(Math.cbrt(n / (double) base.size()));
            if (k * k * k * base.size() != n) {
                throw new IllegalArgumentException("sizes must be 1000 k^3 (replicas of the reference configuration), was " + n);
            }
            Configuration c = k == 1 ? base : base.replicated(k, k, k);
            Process lammps = null;
            Path data = referenceData.toAbsolutePath();
            if (lammpsStyle != null) {
                if (k > 1) {
                    data = work.resolve("config_N" + n + ".data");
                    LammpsData.write(data, c, SoftSphereMixture.BERNU_HANSEN.masses());
                }
                lammps = startLammps(work, data, n, steps);
            }
            long shortSteps = Math.max(SAMPLE_EVERY, Math.min(steps, (steps / 20) / SAMPLE_EVERY * SAMPLE_EVERY));
            double[][] positionsAtShort = new double[1][];
            EngineRun ours = runOurs(c, steps, 1, shortSteps, positionsAtShort);
            print(ours, ours.drift());
            double[][] twoThreadEnd = new double[1][];
            EngineRun two = runOurs(c, shortSteps, 2, shortSteps, twoThreadEnd);
            print(two, null);
            out.printf(Locale.ROOT, "%6d two threads, %d steps: trajectory bit-identical to one thread: %s; cpu/wall speed-up %.2f / %.2f%n",
                    n, shortSteps, Arrays.equals(positionsAtShort[0], twoThreadEnd[0]) ? "yes" : "NO",
                    ours.cpuMicrosPerAtomStep() / two.cpuMicrosPerAtomStep(), ours.wallMicrosPerAtomStep() / two.wallMicrosPerAtomStep());
            if (lammps != null) {
                EngineRun theirs = finishLammps(lammps, work, n, steps);
                if (theirs != null) {
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
            }
            out.flush();
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
            out.printf(Locale.ROOT, "%6d %-7s %7d %12.3e %10.3e %8.1f %11.3e %7d %9.4f %9.4f%n", r.n(), r.engine(), r.threads(), d.slope(),
                    d.standardError(), d.autocorrelationTime(), d.residualRms(), r.listBuilds(), r.cpuMicrosPerAtomStep(), r.wallMicrosPerAtomStep());
        }
        out.flush();
    }

    /**
     * Our NVE run from {@code c}: warm-up, then {@code steps} measured steps with Etot/atom every {@link #SAMPLE_EVERY}
     * steps; the positions after {@code markStep} measured steps go to {@code positionsAtMark[0]}.
     */
    static EngineRun runOurs(Configuration c, long steps, int threads, long markStep, double[][] positionsAtMark) {
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
            int builds0 = f.listBuilds();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime() + f.workerCpuNanos();
            long wall0 = System.nanoTime();
            vv.run(steps, SAMPLE_EVERY, (st, o) -> {
                t[count[0]] = st.time() - startTime;
                e[count[0]++] = o.totalEnergy() / n;
                if (st.step() - startStep == markStep) {
                    positionsAtMark[0] = st.positions().clone();
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

    /**
     * Copies the reference pair-style include files to {@code work} and generates the spline table (as the reference
     * benchmark) when python3 is there, else uses the exact lj/cut + born overlay. Returns the style, or null when
     * the inputs are missing.
     */
    private static String prepareLammps(Path inputs, Path work) throws IOException, InterruptedException {
        if (!Files.exists(inputs.resolve("pair_table_spline.inc")) || !Files.exists(inputs.resolve("pair_ljborn.inc"))) {
            return null;
        }
        for (String f : List.of("pair_ljborn.inc", "pair_table_spline.inc", "make_table.py")) {
            Files.copy(inputs.resolve(f), work.resolve(f));
        }
        String tag = "ljborn";
        if (onPath("python3")) {
            Process p = new ProcessBuilder("python3", "make_table.py", "20000", "ss_20000.table").directory(work.toFile())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0) {
                tag = "table_spline";
            }
        }
        // the reference benchmark's settings (inputs/in.bench) with Etot/atom printed every SAMPLE_EVERY steps
        Files.writeString(work.resolve("in.drift"), String.join("\n",
                "units           lj",
                "atom_style      atomic",
                "boundary        p p p",
                "read_data       ${data}",
                "include         pair_" + tag + ".inc",
                "pair_modify     tail no",
                "neighbor        " + SKIN + " bin",
                "neigh_modify    every 1 delay 0 check yes",
                "timestep        " + DT,
                "fix             nve all nve",
                "thermo_style    custom step pe ke etotal",
                "thermo_modify   norm yes format float %.15g",
                "thermo          " + WARM_UP,
                "run             " + WARM_UP,
                "thermo          " + SAMPLE_EVERY,
                "run             ${nsteps}",
                ""));
        return tag.equals("ljborn") ? "hybrid/overlay lj/cut + born (exact r^-12, shift yes)" : "table spline 20000 (reference)";
    }

    private static Process startLammps(Path work, Path data, int n, long steps) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("lmp", "-log", "lammps_N" + n + ".log", "-screen", "none", "-in", "in.drift",
                "-var", "data", data.toString(), "-var", "nsteps", Long.toString(steps),
                "-var", "tab", "ss_20000.table", "-var", "tabN", "20000")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("lammps_N" + n + ".out").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    /** Waits for LAMMPS and reads its measured run from the log; null (with a message) if it failed. */
    private static EngineRun finishLammps(Process p, Path work, int n, long steps) throws IOException, InterruptedException {
        Path logFile = work.resolve("lammps_N" + n + ".log");
        if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
            p.destroy();
            System.err.println("lmp failed; see " + logFile + " and " + work.resolve("lammps_N" + n + ".out"));
            return null;
        }
        return parseLammpsLog(Files.readString(logFile), n, steps);
    }

    /** The last run of a LAMMPS log: thermo rows (step pe ke etotal), loop time, CPU share and list builds. */
    static EngineRun parseLammpsLog(String log, int n, long steps) {
        Matcher loop = Pattern.compile("Loop time of ([0-9.eE+-]+) on \\d+ procs for (\\d+) steps with (\\d+) atoms").matcher(log);
        int lastLoop = -1;
        double seconds = Double.NaN;
        while (loop.find()) {
            lastLoop = loop.start();
            seconds = Double.parseDouble(loop.group(1));
        }
        int header = log.lastIndexOf("Step ", lastLoop);
        if (lastLoop < 0 || header < 0) {
            throw new IllegalStateException("no measured run in the LAMMPS log");
        }
        String rest = log.substring(lastLoop);
        double cpuShare = firstDouble(rest, "([0-9.]+)% CPU use with") / 100;
        long builds = (long) firstDouble(rest, "Neighbor list builds = (\\d+)");
        List<double[]> rows = new ArrayList<>();
        Matcher t = Pattern.compile("(?m)^\\s*(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$").matcher(log.substring(header, lastLoop));
        long first = -1;
        while (t.find()) {
            long step = Long.parseLong(t.group(1));
            first = first < 0 ? step : first;
            rows.add(new double[]{(step - first) * DT, Double.parseDouble(t.group(4))});
        }
        double[] time = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] etot = rows.stream().mapToDouble(r -> r[1]).toArray();
        return new EngineRun("LAMMPS", 1, steps, n, time, etot, seconds * cpuShare, seconds, builds);
    }

    private static double firstDouble(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static String lmpVersion() {
        try {
            Process p = new ProcessBuilder("lmp", "-h").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            Matcher m = Pattern.compile("Simulator - ([^\\n]+)").matcher(text);
            return "lmp " + (m.find() ? m.group(1).trim() : "(version unknown)");
        } catch (IOException e) {
            return "lmp";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "lmp";
        }
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }
}

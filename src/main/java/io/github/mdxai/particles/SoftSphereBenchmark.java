package io.github.mdxai.particles;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.util.Benchmark;
import io.github.mdxai.util.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NVE speed of the Bernu-Hansen mixture as LAMMPS's reference benchmark runs it (dt = 0.005, skin 0.3, list
 * checked every step): microseconds per atom-step for N = 1000 and 8000 on 1 and 2 threads, NVE energy drift, and
 * LAMMPS's numbers, measured when {@code lmp} is on the PATH, else the stored reference ones.
 * Prints CSV rows {@code case,threads,metric,value,unit}.
 * Arguments: [reference directory (default ../shared/reference/softsphere)] [repetitions (default 3)].
 */
public final class SoftSphereBenchmark extends Benchmark {

    /** LAMMPS 29Sep2021, 1 core, best of 5 (reference bench_summary.txt). */
    private static final double LAMMPS_US_N1000 = 1.1785;
    private static final double LAMMPS_US_N8000 = 1.2522;
    private static final double LAMMPS_DRIFT_N1000 = 5.523428645 - 5.523473334;
    private static final double LAMMPS_DRIFT_N8000 = 5.441993798 - 5.442001049;

    /** Our one-thread wall and CPU times by N, for the ratio to a LAMMPS run made in the same conditions. */
    private static final java.util.Map<Integer, double[]> OURS_ONE_THREAD = new java.util.HashMap<>();

    public SoftSphereBenchmark() {
        super("softsphere", "soft-sphere NVE speed and energy drift, N = 1000 and 8000, against LAMMPS");
    }

    @Override
    protected void run(String[] args) throws Exception {
        Path ref = Path.of(args.length > 0 ? args[0] : "../shared/reference/softsphere");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Configuration base = startConfiguration(ref);
        out.println("case,threads,metric,value,unit");
        for (int n : new int[]{1000, 8000}) {
            Configuration c = n == 1000 ? base : base.replicated(2, 2, 2);
            int steps = n == 1000 ? 10000 : 3000;
            for (int threads : new int[]{1, 2}) {
                double best = Double.POSITIVE_INFINITY;
                double bestCpu = Double.POSITIVE_INFINITY;
                double[] drift = null;
                for (int rep = 0; rep < reps; rep++) {
                    double[] r = run(c, steps, threads);
                    best = Math.min(best, r[0]);
                    bestCpu = Math.min(bestCpu, r[4]);
                    drift = r;
                }
                String name = "N" + n;
                row(name, threads, "us_per_atom_step", best, "us");
                row(name, threads, "steps_per_s", 1e6 / (best * n), "1/s");
                if (threads == 1) {
                    // CPU time of the (only) thread: robust to other jobs on a shared machine
                    row(name, threads, "cpu_us_per_atom_step", bestCpu, "us");
                    OURS_ONE_THREAD.put(n, new double[]{best, bestCpu});
                }
                row(name, threads, "etot_per_atom_start", drift[1], "eps");
                row(name, threads, "etot_per_atom_drift", drift[2] - drift[1], "eps");
                row(name, threads, "list_builds", drift[3], "count");
                row(name, threads, "etot_per_atom_slope", drift[5], "eps_per_1000tau");
                row(name, threads, "etot_per_atom_rms_fluctuation", drift[6], "eps");
                row(name, threads, "ratio_to_lammps_reference_1core", best / (n == 1000 ? LAMMPS_US_N1000 : LAMMPS_US_N8000), "1");
            }
            row("N" + n, 1, "lammps_reference_us_per_atom_step", n == 1000 ? LAMMPS_US_N1000 : LAMMPS_US_N8000, "us");
            row("N" + n, 1, "lammps_reference_etot_per_atom_drift", n == 1000 ? LAMMPS_DRIFT_N1000 : LAMMPS_DRIFT_N8000, "eps");
        }
        runLammpsIfInstalled(ref, base.replicated(2, 2, 2));
    }

    private void row(String name, int threads, String metric, double value, String unit) {
        out.printf(Locale.ROOT, "%s,%d,%s,%.6g,%s%n", name, threads, metric, value, unit);
        out.flush();
    }

    /**
     * [us per atom-step (wall), Etot/atom at start, at end, list builds, CPU us per atom-step of the calling thread,
     * least-squares slope of Etot/atom per 1000 tau, rms deviation of Etot/atom from that line] over a timed NVE run
     * after a 200-step warm-up, with Etot sampled every 100 steps.
     */
    static double[] run(Configuration c, int steps, int threads) {
        ParticleState s = new ParticleState(c, SoftSphereMixture.BERNU_HANSEN.masses());
        try (PairForces f = new PairForces(SoftSphereMixture.BERNU_HANSEN.potential(), s.types(), s.box(), 0.3, threads)) {
            VelocityVerlet vv = new VelocityVerlet(s, f, 0.005);
            vv.run(200, Long.MAX_VALUE, null, Progress.NONE);
            VelocityVerlet.Observation o0 = vv.observe();
            int builds0 = f.listBuilds();
            int n = s.size();
            List<double[]> samples = new ArrayList<>();
            samples.add(new double[]{o0.time(), o0.totalEnergy() / n});
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            vv.run(steps, 100, (st, o) -> samples.add(new double[]{o.time(), o.totalEnergy() / n}), Progress.NONE);
            long t1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            double[] line = drift(samples);
            return new double[]{(t1 - t0) / 1e3 / ((double) n * steps), samples.get(0)[1], samples.get(samples.size() - 1)[1],
                    f.listBuilds() - builds0, (c1 - c0) / 1e3 / ((double) n * steps), line[0], line[1]};
        }
    }

    /** Least-squares slope (per 1000 tau) and rms residual of (time, Etot/atom) samples. */
    static double[] drift(List<double[]> samples) {
        org.apache.commons.math3.stat.regression.SimpleRegression r = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (double[] p : samples) {
            r.addData(p[0], p[1]);
        }
        return new double[]{r.getSlope() * 1000, Math.sqrt(r.getSumSquaredErrors() / samples.size())};
    }

    private static Configuration startConfiguration(Path ref) {
        Path data = ref.resolve("config_N1000.data");
        if (Files.exists(data)) {
            return LammpsData.read(data);
        }
        System.err.println("no " + data + ": melting a lattice instead");
        SoftSphereMixture m = SoftSphereMixture.BERNU_HANSEN;
        LiquidProtocol.Result r = LiquidProtocol.prepare(m, 1000, m.density(), 1.0, 0.005, 4000, 1, 12345L, Progress.NONE);
        return r.configuration();
    }

    /** Runs LAMMPS's own benchmark input (1 process) when {@code lmp} and the inputs are available. */
    private void runLammpsIfInstalled(Path ref, Configuration n8000) throws IOException, InterruptedException {
        Path inputs = ref.resolve("inputs");
        if (!onPath("lmp") || !Files.exists(inputs.resolve("in.bench")) || !Files.exists(ref.resolve("config_N1000.data"))) {
            System.err.println("lmp or the reference inputs not found: LAMMPS rows are the stored reference numbers");
            return;
        }
        Path work = Files.createTempDirectory("mdxai-lmp-bench");
        for (String f : List.of("in.bench", "pair_ljborn.inc", "pair_table_spline.inc", "make_table.py")) {
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
        // LAMMPS's benchmark input with Etot printed every 100 steps for the drift fit
        String input = Files.readString(work.resolve("in.bench")).replace("thermo          $(v_nsteps/10)", "thermo          100");
        Files.writeString(work.resolve("in.bench"), input);
        LammpsData.write(work.resolve("config_N8000.data"), n8000, SoftSphereMixture.BERNU_HANSEN.masses());
        runLammps(work, tag, ref.resolve("config_N1000.data").toAbsolutePath(), 10000);
        runLammps(work, tag, work.resolve("config_N8000.data"), 3000);
    }

    private void runLammps(Path work, String tag, Path data, int nsteps) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("lmp", "-log", "none", "-screen", "log.screen", "-in", "in.bench",
                "-var", "data", data.toString(), "-var", "tag", tag,
                "-var", "nsteps", Integer.toString(nsteps), "-var", "tab", "ss_20000.table", "-var", "tabN", "20000"));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            System.err.println("lmp failed; see " + work.resolve("log.screen"));
            return;
        }
        String log = Files.readString(work.resolve("log.screen"));
        Matcher m = Pattern.compile("Loop time of ([0-9.eE+-]+) on \\d+ procs for (\\d+) steps with (\\d+) atoms").matcher(log);
        double seconds = 0;
        long steps = 0;
        long atoms = 0;
        int lastLoop = 0;
        while (m.find()) { // the last match is the timed run
            seconds = Double.parseDouble(m.group(1));
            steps = Long.parseLong(m.group(2));
            atoms = Long.parseLong(m.group(3));
            lastLoop = m.start();
        }
        if (steps == 0) {
            return;
        }
        String name = "N" + atoms + "_lammps_" + tag;
        double lmpWall = seconds * 1e6 / (atoms * steps);
        row(name, 1, "us_per_atom_step", lmpWall, "us");
        double[] ours = OURS_ONE_THREAD.getOrDefault((int) atoms, new double[]{Double.NaN, Double.NaN});
        row("N" + atoms, 1, "ratio_to_lammps_same_conditions_wall", ours[0] / lmpWall, "1");
        Matcher cpu = Pattern.compile("([0-9.]+)% CPU use with 1 MPI tasks").matcher(log);
        double cpuShare = Double.NaN;
        while (cpu.find()) {
            cpuShare = Double.parseDouble(cpu.group(1)) / 100;
        }
        if (!Double.isNaN(cpuShare)) {
            row(name, 1, "cpu_us_per_atom_step", lmpWall * cpuShare, "us");
            row("N" + atoms, 1, "ratio_to_lammps_same_conditions_cpu", ours[1] / (lmpWall * cpuShare), "1");
        }
        // thermo lines of the timed run: step temp pe ke etotal press; the timed run starts at step 200
        List<double[]> samples = new ArrayList<>();
        Matcher t = Pattern.compile("(?m)^\\s*(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$")
                .matcher(log.substring(0, lastLoop));
        while (t.find()) {
            long step = Long.parseLong(t.group(1));
            if (step >= 200) {
                samples.add(new double[]{(step - 200) * 0.005, Double.parseDouble(t.group(5))});
            }
        }
        // the warm-up run also prints step 200: keep one sample per step
        samples.removeIf(x -> samples.indexOf(x) > 0 && x[0] == 0);
        if (samples.size() > 2) {
            double[] line = drift(samples);
            row(name, 1, "etot_per_atom_drift", samples.get(samples.size() - 1)[1] - samples.get(0)[1], "eps");
            row(name, 1, "etot_per_atom_slope", line[0], "eps_per_1000tau");
            row(name, 1, "etot_per_atom_rms_fluctuation", line[1], "eps");
        }
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }
}

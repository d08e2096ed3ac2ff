package io.github.mdxai.molecules;

import io.github.mdxai.io.AlanineDipeptide;
import io.github.mdxai.util.Benchmark;
import io.github.mdxai.util.Rng;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Speed and validation of the MD engine on alanine dipeptide in vacuum, printed as {@code case,threads,metric,value,unit}
 * rows. Speed: Langevin (BAOAB) at 300 K, 1 fs without constraints and 2 fs with h-bond constraints, one thread,
 * best of 5 runs of 100 ps, against GROMACS 2022 on the same system: run when {@code gmx} is on the PATH and
 * {@code ../shared/reference/ala2} is there, else the numbers stored in that folder's bench/bench_summary.txt.
 * Validation ({@code --validate}): NVE energy drift at 0.5 fs over 100 ps, Langevin mean temperature over 1 ns,
 * constrained bond lengths. Usage: {@code bin/mdxai bench md [--quick] [--validate]}.
 */
public final class MdBenchmark extends Benchmark {

    /** GROMACS 2022.5, 1 thread, best of 5, from ../shared/reference/ala2/bench/bench_summary.txt (us/step). */
    private static final double GMX_NOCONSTR_DT1FS_US = 15.28;
    private static final double GMX_HBONDS_DT2FS_US = 20.74;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public MdBenchmark() {
        super("md", "alanine dipeptide MD speed (Langevin 1 fs, 2 fs with h-bond constraints) against GROMACS; --quick, --validate");
    }

    @Override
    protected void run(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        boolean validate = List.of(args).contains("--validate");
        Topology top = AlanineDipeptide.topology();
        double[] x0 = AlanineDipeptide.conformations().get(0).x();
        out.println("case,threads,metric,value,unit");
        int repeats = quick ? 2 : 5;
        long steps1 = quick ? 20_000 : 100_000;
        forceEvaluation(top, x0, quick ? 100_000 : 1_000_000);
        speed("ala2_langevin_dt1fs_noconstr", top, x0, 0.001, false, steps1, repeats,
                gromacs("nvt_noconstr_dt1fs.mdp", 0.001, GMX_NOCONSTR_DT1FS_US));
        speed("ala2_langevin_dt2fs_hbonds", top, x0, 0.002, true, steps1 / 2, repeats,
                gromacs("nvt_hbonds_dt2fs.mdp", 0.002, GMX_HBONDS_DT2FS_US));
        if (validate) {
            validate(top, x0, quick);
        }
    }

    private void row(String name, String metric, double value, String unit) {
        out.println(String.format(Locale.ROOT, "%s,1,%s,%.6g,%s", name, metric, value, unit));
    }

    private void forceEvaluation(Topology top, double[] x0, int calls) {
        ForceField ff = ForceField.of(top);
        double[] f = new double[x0.length];
        double sink = 0;
        double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                sink += ff.energyAndForces(x0, f, null);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / calls);
            bestCpu = Math.min(bestCpu, (CPU.getCurrentThreadCpuTime() - c0) / 1e3 / calls);
        }
        row("ala2_energy_and_forces", "us_per_call", best, "us");
        row("ala2_energy_and_forces", "cpu_us_per_call", bestCpu, "us");
        if (sink == 42) {
            out.println();
        }
    }

    private void speed(String name, Topology top, double[] x0, double dt, boolean hbonds, long steps,
                              int repeats, double[] gromacs) {
        ForceField ff = ForceField.of(top);
        Constraints c = Constraints.of(top, hbonds);
        LangevinBaoab md = new LangevinBaoab(ff, top.masses(), 300, 1.0, dt, c);
        State s = new State(x0, null);
        Velocities.maxwellBoltzmann(top.masses(), 300, Rng.stream(1, "velocities"), s.v);
        md.prime(s);
        SplittableRandom random = Rng.stream(1, "langevin");
        md.run(s, steps, random); // warm-up: JIT and equilibration
        double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        for (int rep = 0; rep < repeats; rep++) {
            long t0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
            md.run(s, steps, random);
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / steps);
            bestCpu = Math.min(bestCpu, (CPU.getCurrentThreadCpuTime() - c0) / 1e3 / steps);
        }
        row(name, "us_per_step", best, "us");
        // thread CPU time leaves out the time other processes held the core: the wall time of a quiet machine
        row(name, "cpu_us_per_step", bestCpu, "us");
        row(name, "ns_per_day", nsPerDay(dt, best), "ns/day");
        row(name, gromacs[1] > 0 ? "gromacs_us_per_step_measured" : "gromacs_us_per_step_stored", gromacs[0], "us");
        row(name, "speedup_vs_gromacs", gromacs[0] / best, "x");
        row(name, "cpu_ns_per_day", nsPerDay(dt, bestCpu), "ns/day");
        row(name, "cpu_speedup_vs_gromacs", gromacs[0] / bestCpu, "x");
        // the paper-scale committor study: 2e8 steps in all, shared by two threads
        row(name, "committor_2e8_steps_2_threads", bestCpu * PAPER_COMMITTOR_STEPS / 2 / 3.6e9, "h");
    }

    /** Total MD steps of the paper-scale committor study (issue 5). */
    private static final double PAPER_COMMITTOR_STEPS = 2e8;

    private static double nsPerDay(double dtPs, double usPerStep) {
        return dtPs * 1e-3 * 86400e6 / usPerStep;
    }

    /**
     * GROMACS us/step and whether it was measured now (1) or taken from the stored table (0). Runs gmx grompp and
     * mdrun -ntmpi 1 -ntomp 1 with the reference mdp when both gmx and ../shared/reference/ala2 are there.
     */
    private static double[] gromacs(String mdp, double dt, double stored) {
        Path ref = Path.of("..", "shared", "reference", "ala2");
        if (!Files.isDirectory(ref) || !onPath("gmx")) {
            return new double[]{stored, 0};
        }
        try {
            Path work = Files.createTempDirectory("mdxai-gmx");
            run(work, "gmx", "grompp", "-f", ref.resolve("mdp").resolve(mdp).toAbsolutePath().toString(),
                    "-c", ref.resolve("em.gro").toAbsolutePath().toString(),
                    "-p", ref.resolve("processed.top").toAbsolutePath().toString(), "-o", "bench.tpr", "-maxwarn", "5");
            run(work, "gmx", "mdrun", "-s", "bench.tpr", "-ntmpi", "1", "-ntomp", "1", "-pin", "on", "-deffnm", "bench");
            for (String line : Files.readAllLines(work.resolve("bench.log"))) {
                if (line.startsWith("Performance:")) {
                    double nsDay = Double.parseDouble(line.trim().split("\\s+")[1]);
                    return new double[]{dt * 1e-3 * 86400e6 / nsDay, 1};
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("gmx run failed (" + e.getMessage() + "); using the stored GROMACS timing");
        }
        return new double[]{stored, 0};
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while (r.readLine() != null) {
                // drain gmx's chatter
            }
        }
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    private void validate(Topology top, double[] x0, boolean quick) {
        ForceField ff = ForceField.of(top);
        double[] masses = top.masses();

        // NVE, 0.5 fs, 100 ps after 10 ps of Langevin equilibration at 300 K
        State s = new State(x0, null);
        Velocities.maxwellBoltzmann(masses, 300, Rng.stream(2, "velocities"), s.v);
        LangevinBaoab equilibrate = new LangevinBaoab(ff, masses, 300, 1.0, 0.001, null);
        equilibrate.prime(s);
        equilibrate.run(s, 10_000, Rng.stream(2, "langevin"));
        VelocityVerlet nve = new VelocityVerlet(ff, masses, 0.0005, null);
        nve.prime(s);
        long nveSteps = quick ? 20_000 : 200_000;
        SimpleRegression fit = new SimpleRegression();
        double e0 = s.potentialEnergy() + nve.kineticEnergy(s);
        double sumT = 0;
        for (long k = 1; k <= nveSteps; k++) {
            nve.step(s, null);
            if (k % 10 == 0) {
                fit.addData(s.time, s.potentialEnergy() + nve.kineticEnergy(s) - e0);
            }
            sumT += nve.temperature(s);
        }
        String nveCase = "ala2_nve_dt0.5fs_" + Math.round(nveSteps * 0.0005) + "ps";
        row(nveCase, "energy_drift", fit.getSlope() * 1000, "kJ/mol/ns");
        row(nveCase, "energy_rms_fluctuation", Math.sqrt(fit.getMeanSquareError()), "kJ/mol");
        row(nveCase, "mean_temperature", sumT / nveSteps, "K");

        // Langevin, 300 K, 1 fs, gamma 1/ps, 1 ns after 20 ps equilibration
        long langevinSteps = quick ? 100_000 : 1_000_000;
        String lCase = "ala2_langevin_300K_dt1fs_" + Math.round(langevinSteps * 0.001) + "ps";
        double[] mean = meanTemperature(ff, masses, x0, 0.001, null, langevinSteps);
        row(lCase, "mean_temperature", mean[0], "K");
        row(lCase, "relative_deviation", mean[0] / 300 - 1, "1");
        row(lCase, "end_of_step_mean_temperature", mean[1], "K");

        // constrained: 2 fs, h-bonds
        Constraints c = Constraints.hydrogenBonds(top);
        long constrainedSteps = quick ? 50_000 : 500_000;
        String cCase = "ala2_langevin_300K_dt2fs_hbonds_" + Math.round(constrainedSteps * 0.002) + "ps";
        double[] cm = meanTemperature(ff, masses, x0, 0.002, c, constrainedSteps);
        row(cCase, "mean_temperature", cm[0], "K");
        row(cCase, "max_relative_bond_deviation", cm[2], "1");
    }

    /** Mean mid-step and end-of-step temperature and the largest relative constraint deviation seen. */
    private static double[] meanTemperature(ForceField ff, double[] masses, double[] x0, double dt, Constraints c,
                                            long steps) {
        LangevinBaoab md = new LangevinBaoab(ff, masses, 300, 1.0, dt, c);
        State s = new State(x0, null);
        Velocities.maxwellBoltzmann(masses, 300, Rng.stream(3, "velocities"), s.v);
        md.prime(s);
        SplittableRandom random = Rng.stream(3, "langevin");
        md.run(s, Math.round(0.02 / dt), random);
        double sum = 0, sumEnd = 0, worst = 0;
        for (long k = 0; k < steps; k++) {
            md.step(s, random);
            sum += md.temperature(s);
            sumEnd += Velocities.temperature(masses, s.v, md.degreesOfFreedom());
            if (c != null && k % 10 == 0) {
                for (int b = 0; b < c.size(); b++) {
                    int i = 3 * c.i(b), j = 3 * c.j(b);
                    double dx = s.x[i] - s.x[j], dy = s.x[i + 1] - s.x[j + 1], dz = s.x[i + 2] - s.x[j + 2];
                    worst = Math.max(worst, Math.abs(Math.sqrt(dx * dx + dy * dy + dz * dz) / c.length(b) - 1));
                }
            }
        }
        return new double[]{sum / steps, sumEnd / steps, worst};
    }
}

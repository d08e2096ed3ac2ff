package io.github.mdxai.particles;

import java.io.File;
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
 * LAMMPS ({@code lmp}, 1 MPI task) running the NVE benchmark of the LAMMPS soft-sphere reference on a data file, for
 * comparisons with our engine: {@code neighbor <skin> bin}, {@code neigh_modify every 1 delay 0 check yes},
 * {@code fix nve}, a warm-up run, then the measured run with Etot/atom printed every few steps. The pair style is
 * either the reference's {@code table spline 20000} (table made by the reference's {@code make_table.py}) or the
 * exact {@code hybrid/overlay lj/cut + born} sum (eps/4 [(s/r)^12 - (s/r)^6] + (s/r)^6 = (s/r)^12, each part shifted
 * to zero at rc by {@code pair_modify shift yes}, force not shifted), written from the mixture's parameters.
 */
final class LammpsNve {

    private final Path work;
    private final String style;

    private LammpsNve(Path work, String style) {
        this.work = work;
        this.style = style;
    }

    /** True if {@code lmp} is on the PATH. */
    static boolean installed() {
        return onPath("lmp");
    }

    /**
     * Writes the input to {@code work}. With {@code tableScript} (the reference's make_table.py) and python3, the
     * reference's spline table; otherwise the exact overlay.
     */
    static LammpsNve prepare(Path work, SoftSphereMixture m, Path tableScript, double dt, double skin, long warmUp,
                             long sampleEvery) throws IOException, InterruptedException {
        double[][] sigma = m.sigma();
        int types = sigma.length;
        List<String> pair = new ArrayList<>();
        String style = null;
        if (tableScript != null && Files.exists(tableScript) && onPath("python3")) {
            Process p = new ProcessBuilder("python3", tableScript.toAbsolutePath().toString(), "20000", "ss_20000.table")
                    .directory(work.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0 && types == 2) {
                style = "table spline 20000 (the reference's)";
                pair.add("pair_style      table spline 20000");
                String[] sections = {"AA", "AB", "BB"};
                for (int a = 0, s = 0; a < types; a++) {
                    for (int b = a; b < types; b++, s++) {
                        pair.add(String.format(Locale.ROOT, "pair_coeff      %d %d ss_20000.table %s %.15g", a + 1, b + 1,
                                sections[s], m.cutoffFactor() * sigma[a][b]));
                    }
                }
            }
        }
        if (style == null) {
            style = "hybrid/overlay lj/cut + born (exact r^-12, shift yes)";
            double maxCut = m.potential().maxCutoff();
            pair.add(String.format(Locale.ROOT, "pair_style      hybrid/overlay lj/cut %.17g born %.17g", maxCut, maxCut));
            for (int a = 0; a < types; a++) {
                for (int b = a; b < types; b++) {
                    double s = sigma[a][b];
                    double rc = m.cutoffFactor() * s;
                    pair.add(String.format(Locale.ROOT, "pair_coeff      %d %d lj/cut 0.25 %.17g %.17g", a + 1, b + 1, s, rc));
                    pair.add(String.format(Locale.ROOT, "pair_coeff      %d %d born 0.0 1.0 0.0 %.17g 0.0 %.17g", a + 1, b + 1,
                            -Math.pow(s, 6), rc));
                }
            }
            pair.add("pair_modify     shift yes");
        }
        List<String> input = new ArrayList<>(List.of(
                "units           lj",
                "atom_style      atomic",
                "boundary        p p p",
                "read_data       ${data}"));
        input.addAll(pair);
        input.addAll(List.of(
                "pair_modify     tail no",
                "neighbor        " + skin + " bin",
                "neigh_modify    every 1 delay 0 check yes",
                "timestep        " + dt,
                "fix             nve all nve",
                "thermo_style    custom step pe ke etotal",
                "thermo_modify   norm yes format float %.15g",
                "thermo          " + Math.max(1, warmUp),
                "run             " + warmUp,
                "thermo          " + sampleEvery,
                "run             ${nsteps}",
                ""));
        Files.write(work.resolve("in.nve"), input);
        return new LammpsNve(work, style);
    }

    /** The pair style in words. */
    String style() {
        return style;
    }

    /** Starts the run on a LAMMPS data file; the log goes to {@code lammps_<label>.log} in the work folder. */
    Process start(Path data, String label, long steps) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("lmp", "-log", "lammps_" + label + ".log", "-screen", "none", "-in", "in.nve",
                "-var", "data", data.toAbsolutePath().toString(), "-var", "nsteps", Long.toString(steps))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("lammps_" + label + ".out").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    /** Waits for the run and reads it; throws with the log's place if LAMMPS failed. */
    SoftSphereBenchmark.EngineRun finish(Process p, String label, int n, long steps, double dt) throws IOException, InterruptedException {
        Path log = work.resolve("lammps_" + label + ".log");
        if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
            p.destroy();
            throw new IOException("lmp failed; see " + log + " and " + work.resolve("lammps_" + label + ".out"));
        }
        return parseLog(Files.readString(log), n, steps, dt);
    }

    /** The last run of a LAMMPS log: thermo rows (step pe ke etotal), loop time, CPU share and list builds. */
    static SoftSphereBenchmark.EngineRun parseLog(String log, int n, long steps, double dt) {
        Matcher loop = Pattern.compile("Loop time of ([0-9.eE+-]+) on \\d+ procs for (\\d+) steps with (\\d+) atoms").matcher(log);
        int lastLoop = -1;
        double seconds = Double.NaN;
        while (loop.find()) {
            lastLoop = loop.start();
            seconds = Double.parseDouble(loop.group(1));
        }
        int header = lastLoop < 0 ? -1 : log.lastIndexOf("Step ", lastLoop);
        if (header < 0) {
            throw new IllegalStateException("no measured run in the LAMMPS log");
        }
        String rest = log.substring(lastLoop);
        double cpuShare = firstNumber(rest, "([0-9.]+)% CPU use with") / 100;
        long builds = (long) firstNumber(rest, "Neighbor list builds = (\\d+)");
        List<double[]> rows = new ArrayList<>();
        Matcher t = Pattern.compile("(?m)^\\s*(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$").matcher(log.substring(header, lastLoop));
        long first = -1;
        while (t.find()) {
            long step = Long.parseLong(t.group(1));
            first = first < 0 ? step : first;
            rows.add(new double[]{(step - first) * dt, Double.parseDouble(t.group(4))});
        }
        return new SoftSphereBenchmark.EngineRun("LAMMPS", 1, steps, n, rows.stream().mapToDouble(r -> r[0]).toArray(),
                rows.stream().mapToDouble(r -> r[1]).toArray(), seconds * cpuShare, seconds, builds);
    }

    private static double firstNumber(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** "lmp" and its version line. */
    static String version() {
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

    private static boolean onPath(String exe) {
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

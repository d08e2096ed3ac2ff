package io.github.mdxai.commands;

import io.github.mdxai.util.CsvTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.*;

class SoftSphereCommandsTest {

    static final Path DATA = Path.of("test-data/softsphere/config_N1000.data");
    static Context context;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        context = new Context();
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    static void run(Class<? extends org.scijava.command.Command> command, Map<String, Object> inputs) throws Exception {
        // through ModuleService: CommandService.run returns null for a DynamicCommand
        org.scijava.module.Module m = context.service(org.scijava.module.ModuleService.class).run(
                context.service(CommandService.class).getCommand(command), true, inputs).get();
        if (m instanceof org.scijava.Cancelable c && c.isCanceled()) {
            throw new AssertionError("command was cancelled: " + c.getCancelReason());
        }
    }

    /** The message of the exception a command run ends with. */
    static String failure(Class<? extends org.scijava.command.Command> command, Map<String, Object> inputs) {
        Throwable t = assertThrows(Throwable.class, () -> run(command, inputs));
        if (t instanceof AssertionError) {
            fail(t.getMessage());
        }
        while ((t instanceof ExecutionException || t.getCause() != null) && t.getCause() != null
                && !(t instanceof io.github.mdxai.util.InputException)) {
            t = t.getCause();
        }
        assertInstanceOf(io.github.mdxai.util.InputException.class, t);
        return t.getMessage();
    }

    @Test
    void energyCommandReproducesLammps() throws Exception {
        File out = tmp.resolve("energy.csv").toFile();
        File forces = tmp.resolve("forces.csv").toFile();
        run(SoftSphereEnergy.class, Map.of("input", DATA.toFile(), "out", out, "forces", forces));
        CsvTable t = CsvTable.read(out.toPath());
        assertEquals(List.of("n", "pe_per_atom_eps", "pressure_virial_eps_per_sigma3", "pressure_total_eps_per_sigma3", "temperature_eps_per_kB"), t.columns());
        assertEquals(1000, t.column("n")[0]);
        assertEquals(3.983134801290754, t.column("pe_per_atom_eps")[0], 1e-12);
        assertEquals(12.74639744503127, t.column("pressure_virial_eps_per_sigma3")[0], 1e-10);
        assertEquals(13.56788246198513, t.column("pressure_total_eps_per_sigma3")[0], 1e-10);
        assertEquals(1.027884155347663, t.column("temperature_eps_per_kB")[0], 1e-12);
        CsvTable f = CsvTable.read(forces.toPath());
        assertEquals(1000, f.rowCount());
        // atom 1 in forces_N1000.dump: 8.0408180036793357 -1.2165381796466908 -12.695548760396797
        assertEquals(1, f.column("id")[0]);
        assertEquals(8.0408180036793357, f.column("fx_eps_per_sigma")[0], 1e-8);
        assertEquals(-12.695548760396797, f.column("fz_eps_per_sigma")[0], 1e-8);
    }

    /** The Kob-Andersen model through the same command, on a dump named like a data file (read by content). */
    @Test
    void energyCommandEvaluatesKobAndersenAsLammps() throws Exception {
        Path dump = tmp.resolve("kob-andersen.lmp");
        Files.copy(Path.of("test-data/kob-andersen/forces_N1000.dump"), dump);
        File out = tmp.resolve("ka.csv").toFile();
        Map<String, Object> in = new HashMap<>(Map.of("input", dump.toFile(), "model", "kob-andersen", "out", out));
        in.put("forces", null);
        run(SoftSphereEnergy.class, in);
        CsvTable t = CsvTable.read(out.toPath());
        assertEquals(-6.0443525108756928, t.column("pe_per_atom_eps")[0], 1e-10 * 6.05);
        assertEquals(8.5396592851139665, t.column("pressure_virial_eps_per_sigma3")[0], 1e-10 * 8.54);

        in.put("model", "lj");
        String m = failure(SoftSphereEnergy.class, in);
        assertTrue(m.contains("soft-sphere") && m.contains("kob-andersen"), m);
        in.put("model", "kob-andersen");
        in.put("input", DATA.toFile()); // masses 1 and 2 in the data file: not the Kob-Andersen model's
        m = failure(SoftSphereEnergy.class, in);
        assertTrue(m.contains("mass of type 2 is 2.0") && m.contains("Kob-Andersen"), m);
    }

    @Test
    void energyCommandRejectsShortAtomsSectionAndOverlaps() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA));
        lines.remove(lines.indexOf("Atoms # atomic") + 2);
        Path bad = tmp.resolve("short.data");
        Files.write(bad, lines);
        Map<String, Object> in = new HashMap<>();
        in.put("input", bad.toFile());
        in.put("out", tmp.resolve("e.csv").toFile());
        in.put("forces", null); // an unresolved optional input would make SciJava prompt for it
        String m = failure(SoftSphereEnergy.class, in);
        assertTrue(m.contains("short.data") && m.contains("999 entries, expected 1000"), m);

        StringBuilder xyz = new StringBuilder("500\nLattice=\"9 0 0 0 9 0 0 0 9\" Properties=species:S:1:pos:R:3\n");
        for (int i = 0; i < 500; i++) {
            int j = Math.min(i, 498); // particles 499 and 500 sit on the same spot
            xyz.append(i % 2 == 0 ? "A " : "B ").append(j % 8 * 1.1).append(' ').append(j / 8 % 8 * 1.1).append(' ')
                    .append(j / 64 * 1.1).append('\n');
        }
        Path overlap = tmp.resolve("overlap.xyz");
        Files.writeString(overlap, xyz);
        in.put("input", overlap.toFile());
        m = failure(SoftSphereEnergy.class, in);
        assertTrue(m.contains("particles 499 and 500 overlap"), m);
    }

    @Test
    void simulateRefusesDensityThatDoesNotFitN() {
        Map<String, Object> in = new HashMap<>(Map.of("n", 100, "density", 0.8, "gamma", 1.15, "temperature", 0.0,
                "out", tmp.toFile()));
        String m = failure(SimulateSoftSphereLiquid.class, in);
        assertTrue(m.contains("box edge") && m.contains("use at least"), m);
        in.put("temperature", 1.0);
        m = failure(SimulateSoftSphereLiquid.class, in);
        assertTrue(m.contains("either gamma"), m);
    }

    @Test
    void simulateRefusesGammaForAModelSetByTemperature() {
        Map<String, Object> in = new HashMap<>(Map.of("model", "kob-andersen", "n", 500, "density", 0.0,
                "gamma", 1.15, "temperature", 0.0, "out", tmp.toFile()));
        String m = failure(SimulateSoftSphereLiquid.class, in);
        assertTrue(m.contains("gamma") && m.contains("Kob-Andersen"), m);
    }

    @Test
    void simulateThenAnalyseRelaxation() throws Exception {
        Path sim = tmp.resolve("sim");
        Map<String, Object> in = new HashMap<>();
        in.put("n", 500);
        in.put("density", 0.8);
        in.put("gamma", 0.0);
        in.put("temperature", 1.0);
        in.put("dt", 0.005);
        in.put("equilibration", 2010L); // not a multiple of the interval: frames still every 20 steps of production
        in.put("production", 400L);
        in.put("interval", 20L);
        in.put("seed", 7L);
        in.put("threads", 2);
        in.put("out", sim.toFile());
        run(SimulateSoftSphereLiquid.class, in);
        for (String f : List.of("trajectory.xyz", "thermo.csv", "final.data", "summary.csv")) {
            assertTrue(Files.exists(sim.resolve(f)), f);
        }
        CsvTable thermo = CsvTable.read(sim.resolve("thermo.csv"));
        double[] phase = thermo.column("phase");
        double[] temp = thermo.column("temperature_eps_per_kB");
        double[] etot = thermo.column("etot_per_atom_eps");
        double sum = 0;
        int count = 0;
        double eFirst = Double.NaN;
        double eLast = Double.NaN;
        for (int r = 0; r < phase.length; r++) {
            if (phase[r] == 2) {
                sum += temp[r];
                count++;
                eFirst = Double.isNaN(eFirst) ? etot[r] : eFirst;
                eLast = etot[r];
            }
        }
        assertTrue(count >= 4);
        assertEquals(1.0, sum / count, 0.1, "production temperature");
        assertEquals(eFirst, eLast, 2e-4, "NVE production conserves energy");
        CsvTable summary = CsvTable.read(sim.resolve("summary.csv"));
        assertEquals("gamma_eff", summary.text(3, 0));
        assertEquals(1.078, Double.parseDouble(summary.text(3, 1)), 1e-12);

        Path rel = tmp.resolve("rel");
        run(RelaxationDynamics.class, Map.of("input", sim.resolve("trajectory.xyz").toFile(), "out", rel.toFile(),
                "timestep", 0.005, "k", 0.0, "rmax", 0.0, "grbins", 100));
        CsvTable tau = CsvTable.read(rel.resolve("tau_alpha.csv"));
        double kPeak = tau.column("k_peak_SAA_inv_sigma")[0];
        assertTrue(kPeak > 6 && kPeak < 8, "first peak of S_AA at " + kPeak);
        double tauAlpha = tau.column("tau_alpha_tau")[0];
        assertTrue(tauAlpha > 0.05 && tauAlpha < 1.5, "tau_alpha at T = 1 (Gamma 1.08): " + tauAlpha);
        assertEquals(21, CsvTable.read(rel.resolve("fs.csv")).rowCount());
        for (String f : List.of("gr.csv", "sk.csv", "msd.csv", "gr.png", "fs.png", "msd.png")) {
            assertTrue(Files.size(rel.resolve(f)) > 100, f);
        }
    }

    /**
     * A run continued from another's final configuration skips the melt; its log-spaced dynamics.xyz samples F_s
     * from one MD step, and tau_alpha from it agrees with the one from equally spaced frames.
     */
    @Test
    void continueFromAConfigurationAndSampleFsAtLogSpacedTimes() throws Exception {
        Path first = tmp.resolve("first");
        Map<String, Object> in = new HashMap<>();
        in.put("n", 500);
        in.put("gamma", 1.08);
        in.put("equilibration", 1000L);
        in.put("production", 0L);
        in.put("seed", 3L);
        in.put("threads", 2);
        in.put("out", first.toFile());
        run(SimulateSoftSphereLiquid.class, in);
        Path second = tmp.resolve("second");
        in.put("start", first.resolve("final.data").toFile());
        in.put("equilibration", 400L);
        in.put("production", 1600L);
        in.put("interval", 20L);
        in.put("dynamics_origins", 4);
        in.put("out", second.toFile());
        run(SimulateSoftSphereLiquid.class, in);
        CsvTable summary = CsvTable.read(second.resolve("summary.csv"));
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int r = 0; r < summary.rowCount(); r++) {
            values.put(summary.text(r, 0), summary.text(r, 1));
        }
        assertEquals("0", values.get("melt_steps"));
        assertEquals("given configuration", values.get("started_from"));
        CsvTable thermo = CsvTable.read(second.resolve("thermo.csv"));
        for (double phase : thermo.column("phase")) {
            assertTrue(phase > 0, "no melting phase in a continued run");
        }
        assertEquals(io.github.mdxai.particles.LiquidProtocol.dynamicsSchedule(1600, 4).length,
                io.github.mdxai.io.ParticleFiles.read(second.resolve("dynamics.xyz")).size());

        Path logRel = tmp.resolve("rel_log");
        Path linRel = tmp.resolve("rel_lin");
        run(RelaxationDynamics.class, Map.of("input", second.resolve("dynamics.xyz").toFile(), "out", logRel.toFile()));
        run(RelaxationDynamics.class, Map.of("input", second.resolve("trajectory.xyz").toFile(), "out", linRel.toFile()));
        double[] t = CsvTable.read(logRel.resolve("fs.csv")).column("t_tau");
        assertEquals(0.005, t[1], 1e-9, "first lag: one MD step");
        double tauLog = CsvTable.read(logRel.resolve("tau_alpha.csv")).column("tau_alpha_tau")[0];
        double tauLin = CsvTable.read(linRel.resolve("tau_alpha.csv")).column("tau_alpha_tau")[0];
        assertTrue(tauLog > 0.1 && tauLog < 1.5, "tau_alpha at T = 1 from log-spaced frames: " + tauLog);
        assertTrue(t[1] < 0.1 * tauLog, "F_s sampled from well below tau_alpha");
        assertEquals(tauLin, tauLog, 0.15 * tauLin, "log-spaced and equally spaced tau_alpha");
    }
}

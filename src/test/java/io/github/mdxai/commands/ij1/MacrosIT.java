package io.github.mdxai.commands.ij1;

import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.commands.host.GridImages;
import io.github.mdxai.util.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every macro in macros/ runs headless in ImageJ (batch mode, Xvfb) on small inputs and writes what it promises. */
class MacrosIT {

    private static ImageJHost.Result runMacro(ImageJHost host, Path dir, String macro, String args) throws Exception {
        Path log = dir.resolve(macro + ".log");
        return host.run(log, 300, false, "ij.ImageJ", "-batch", Path.of("macros", macro).toAbsolutePath().toString(), args);
    }

    @Test
    void freeEnergyOfMyTrajectory(@TempDir Path dir) throws Exception {
        Path csv = ImageJMacroIT.samples(dir);
        Path out = dir.resolve("fes");
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = runMacro(host, dir, "Free_energy_of_my_trajectory.ijm",
                    "input=[" + csv + "] x=phi_deg y=psi_deg weights=weight bins=30 out=[" + out + "]");
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("Free energy written to"), r.output());
        }
        Grid2D g = GridImages.readTiff(out.resolve("free_energy_phi_psi.tif"));
        assertEquals(30, g.x().bins());
        assertEquals(0.0, g.finiteMin(), 1e-9);
    }

    @Test
    void structureOfMyConfiguration(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("structure");
        Path config = Path.of("test-data/softsphere/config_N1000.data").toAbsolutePath();
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = runMacro(host, dir, "Structure_of_my_configuration.ijm",
                    "input=[" + config + "] neighbors=nearest k=12 out=[" + out + "]");
            assertEquals(0, r.exitCode(), r.output());
        }
        CsvTable t = CsvTable.read(out.resolve("structure_descriptors.csv"));
        assertEquals(1000, t.rowCount());
        for (double q6 : t.column("q6")) {
            assertTrue(q6 > 0 && q6 < 1);
        }
    }

    @Test
    void committorsForMyConfigurations(@TempDir Path dir) throws Exception {
        // Frames 1 (C7eq) and 2 (C7ax) of the GROMACS reference conformations: deep in A and deep in B.
        java.util.List<String> lines = Files.readAllLines(Path.of("test-data/ala2/conformations.gro"));
        int frame = 25;
        Path configs = dir.resolve("two.gro");
        Files.write(configs, new java.util.ArrayList<>(lines.subList(frame, 3 * frame)));
        Path topology = Path.of("test-data/ala2/processed.top").toAbsolutePath();
        Path out = dir.resolve("committors");
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = runMacro(host, dir, "Committors_for_my_configurations.ijm",
                    "configs=[" + configs + "] topology=[" + topology + "] out=[" + out + "] shots=4 tmax=0.05 seed=3 threads=1");
            assertEquals(0, r.exitCode(), r.output());
        }
        CsvTable committors = CsvTable.read(out.resolve("committors.csv"));
        assertEquals(2, committors.rowCount());
        double[] pB = committors.column("pB");
        assertEquals(0.0, pB[0]);
        assertEquals(1.0, pB[1]);
        CsvTable features = CsvTable.read(out.resolve("features.csv"));
        assertEquals(2, features.rowCount());
        assertTrue(features.hasColumnAnyUnit("r6-10"));
    }

    /**
     * Runs a study's macro in batch mode (no ImageJ window: none may open), then once more in a session with ImageJ's
     * window: every step is done, so the rerun takes seconds and shows the study's results. Returns the session's
     * output (WINDOWS and IMAGE lines).
     */
    private static String headlessThenShown(Path dir, String macro, String args, Path out) throws Exception {
        String call = "runMacro(\"" + Path.of("macros", macro).toAbsolutePath() + "\", \"" + args + "\");\n";
        Path batch = dir.resolve("batch.ijm");
        Files.writeString(batch, call + "titles = getList(\"window.titles\");\n"
                + "print(\"IMAGES \" + nImages + \" WINDOWS \" + titles.length);\n");
        Path shown = dir.resolve("shown.ijm");
        Files.writeString(shown, call);
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = host.run(dir.resolve(macro + ".log"), 300, false, "ij.ImageJ", "-batch", batch.toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains(macro.replace(".ijm", "").replace('_', ' ') + " finished"), r.output());
            assertTrue(r.output().contains("IMAGES 0 WINDOWS 0"), "batch mode opens no window: " + r.output());
            assertTrue(Files.exists(out.resolve("summary.json")), r.output());
            ImageJHost.Result again = host.run(dir.resolve("shown.log"), 240, true, ImageJSessionDriver.class.getName(),
                    "windows", shown.toString());
            assertEquals(0, again.exitCode(), again.output());
            return again.output();
        }
    }

    private static java.util.List<String> windows(String output) {
        return output.lines().filter(l -> l.startsWith("WINDOWS ")).findFirst().map(l -> java.util.Arrays.asList(
                l.substring(8).split(" \\| "))).orElseThrow(() -> new AssertionError(output));
    }

    @Test
    void reproduceStudyAAtSmokeScale(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("study a");
        String shown = headlessThenShown(dir, "Reproduce_Study_A.ijm", "out=[" + out + "] preset=smoke seed=1 threads=2", out);
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"n_configurations\" : 40") && summary.contains("lime_top_features"), summary);
        assertTrue(Files.readString(out.resolve("report.html")).contains("data:image/png;base64,"));
        java.util.List<String> windows = windows(shown);
        assertTrue(windows.contains("free_energy_phi_psi.tif") && windows.contains("pmf.tif") && windows.contains("Log"),
                "a finished study shows its surfaces when rerun: " + windows);
        assertTrue(shown.lines().filter(l -> l.startsWith("IMAGE ") && l.contains("bits=32"))
                .allMatch(l -> l.contains("defaultLut=false")), shown);
    }

    @Test
    void reproduceStudyBAtSmokeScale(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("study_b");
        String shown = headlessThenShown(dir, "Reproduce_Study_B.ijm", "out=[" + out + "] preset=smoke seed=1 threads=2", out);
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("tau_alpha") && summary.contains("accuracy") && summary.contains("attention_q6_spearman"), summary);
        java.util.List<String> windows = windows(shown);
        assertTrue(windows.stream().anyMatch(w -> w.startsWith("attention_voxels_0")) && windows.contains("Log"),
                "a finished study shows its attention maps when rerun: " + windows);
    }
}

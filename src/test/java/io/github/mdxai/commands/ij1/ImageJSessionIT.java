package io.github.mdxai.commands.ij1;

import io.github.mdxai.commands.host.GridImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ImageJ 1.54 with its window on Xvfb, used as a person would: progress, Esc, Cancel, remembered dialogs. */
class ImageJSessionIT {

    private static String line(String output, String tag) {
        return output.lines().filter(l -> l.startsWith(tag + " ")).findFirst().map(l -> l.substring(tag.length() + 1))
                .orElseThrow(() -> new AssertionError("no " + tag + " line in\n" + output));
    }

    private static ImageJHost.Result session(ImageJHost host, Path dir, String scenario, String macro, String... more) throws Exception {
        Path file = dir.resolve(scenario + ".ijm");
        Files.writeString(file, macro);
        String[] args = Stream.concat(Stream.of(ImageJSessionDriver.class.getName(), scenario, file.toString()),
                Arrays.stream(more)).toArray(String[]::new);
        ImageJHost.Result r = host.run(dir.resolve(scenario + ".log"), 240, true, args);
        assertEquals(0, r.exitCode(), r.output());
        return r;
    }

    @Test
    void longCommandShowsProgressAndStatusAndEscCancelsWithinASecond(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("liquid");
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = session(host, dir, "progress", "run(\"Simulate Soft-Sphere Liquid\", \"n=500 gamma=1 "
                    + "equilibration=2000 production=2000000 interval=1000 threads=1 out=[" + out + "]\");\n");
            String statuses = line(r.output(), "STATUS");
            assertTrue(statuses.contains("Simulate Soft-Sphere Liquid: ") && statuses.contains("(Esc cancels)"), statuses);
            long ours = Arrays.stream(statuses.split(" \\| ")).filter(s -> s.startsWith("Simulate Soft-Sphere Liquid: ")).count();
            assertTrue(ours >= 2, "the status text changes while the command runs: " + statuses);
            List<Double> bar = Arrays.stream(line(r.output(), "PROGRESS").replaceAll("[\\[\\] ]", "").split(","))
                    .map(Double::parseDouble).toList();
            assertTrue(bar.size() >= 5, "the progress bar moves: " + bar);
            long cancelMs = Long.parseLong(line(r.output(), "CANCEL_MS"));
            assertTrue(cancelMs >= 0 && cancelMs < 1000, "Esc stops the command within a second: " + cancelMs + " ms");
            assertTrue(line(r.output(), "LOG").contains("Simulate Soft-Sphere Liquid: cancelled"), r.output());
        }
        try (Stream<Path> files = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.contains("trajectory.xyz"), "no trajectory from a cancelled run: " + names);
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp")), "no half-written file: " + names);
        }
    }

    @Test
    void cancelledDialogAbortsTheMacro(@TempDir Path dir) throws Exception {
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = session(host, dir, "cancel-dialog",
                    "print(\"BEFORE_DIALOG\");\nrun(\"Free Energy from Samples\");\nprint(\"AFTER_CANCEL\");\n");
            assertEquals("Free Energy from Samples", line(r.output(), "DIALOG"));
            assertEquals("true", line(r.output(), "MACRO_THREAD_ENDED"));
            String log = line(r.output(), "LOG");
            assertTrue(log.contains("BEFORE_DIALOG"), log);
            assertFalse(log.contains("AFTER_CANCEL"), "the macro stops at the cancelled dialog: " + log);
        }
    }

    @Test
    void dialogRemembersButMacroUsesOnlyItsKeysAndDefaults(@TempDir Path dir) throws Exception {
        Path csv = ImageJMacroIT.samples(dir);
        Path out = dir.resolve("fes");
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = session(host, dir, "remember", "run(\"Free Energy from Samples\", \"input=[" + csv
                    + "] x=phi_deg y=psi_deg out=[" + out + "]\");\n", csv.toString());
            assertTrue(line(r.output(), "REOPENED").startsWith("[" + csv + ", , , 24,"), r.output());
        }
        // The dialog's remembered 24 bins never reach the macro, which left bins out: the documented 60.
        assertEquals(60, GridImages.readTiff(out.resolve("free_energy_phi_psi.tif")).x().bins());
    }

    /** Commands over the shared test data, each as a macro line; the windows they should leave. */
    private static String resultsMacro(Path dir, Path samples) {
        Path data = Path.of("test-data").toAbsolutePath();
        // 36 bins: a small grid, shown at 1300 %, still with its colour bar
        return "run(\"Free Energy from Samples\", \"input=[" + samples + "] x=phi_deg y=psi_deg bins=36 xrange=[-180 180] "
                + "yrange=[-180 180] weights=weight out=[" + dir.resolve("fes") + "]\");\n"
                + "run(\"Compute Energy\", \"structure=[" + data.resolve("ala2/conformations.gro") + "] topology=["
                + data.resolve("ala2/processed.top") + "] out=[" + dir.resolve("energies.csv") + "]\");\n"
                + "run(\"Soft-Sphere Energy\", \"input=[" + data.resolve("softsphere/config_N1000.data") + "] out=["
                + dir.resolve("ss_energy.csv") + "]\");\n"
                + "run(\"Structure Descriptors\", \"input=[" + data.resolve("softsphere/config_N1000.data") + "] out=["
                + dir.resolve("structure") + "]\");\n"
                + "run(\"Simulate Soft-Sphere Liquid\", \"n=400 gamma=1 equilibration=500 production=1000 interval=50 out=["
                + dir.resolve("liquid") + "]\");\n"
                + "run(\"Relaxation Dynamics\", \"input=[" + dir.resolve("liquid/trajectory.xyz") + "] out=["
                + dir.resolve("relax") + "]\");\n";
    }

    @Test
    void macroRunsLeaveTablesPlotsAndCalibratedColourImages(@TempDir Path dir) throws Exception {
        Path samples = ImageJMacroIT.samples(dir);
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = session(host, dir, "windows", resultsMacro(dir, samples));
            List<String> windows = Arrays.asList(line(r.output(), "WINDOWS").split(" \\| "));
            for (String expected : List.of("free_energy_phi_psi.tif", "free_energy_phi_psi.csv", "energies.csv", "energies",
                    "ss_energy.csv", "structure_descriptors.csv", "histograms: q6", "thermo.csv", "thermo", "fs.csv", "fs",
                    "gr", "msd", "Log")) {
                assertTrue(windows.contains(expected), "window '" + expected + "' in " + windows);
            }
            assertFalse(windows.contains("Structure descriptor histograms"), "live plots, not a stack of pictures");
            String image = r.output().lines().filter(l -> l.startsWith("IMAGE free_energy_phi_psi.tif")).findFirst().orElseThrow();
            assertTrue(image.contains("bits=32 defaultLut=false") && image.contains("unit=deg") && image.contains("overlay=true"),
                    "calibrated 32-bit image in colour with a colour bar: " + image);
            String log = line(r.output(), "LOG");
            assertTrue(log.matches(".*Free Energy from Samples: \\d+ of 3000 samples inside the ranges.*"),
                    "command messages reach the Log: " + log);
            assertTrue(log.contains("Relaxation Dynamics: wrote"), log);
        }
    }

    @Test
    void batchRunsOpenNoWindows(@TempDir Path dir) throws Exception {
        Path samples = ImageJMacroIT.samples(dir);
        Path macro = dir.resolve("batch.ijm");
        String lines = resultsMacro(dir, samples).lines().limit(4).reduce("", (a, b) -> a + b + "\n");
        Files.writeString(macro, lines + "titles = getList(\"window.titles\");\n"
                + "print(\"IMAGES \" + nImages + \" WINDOWS \" + titles.length);\n");
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = host.run(dir.resolve("batch.log"), 240, false, "ij.ImageJ", "-batch", macro.toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("IMAGES 0 WINDOWS 0"), r.output());
        }
        assertTrue(Files.exists(dir.resolve("structure/histograms.csv")));
    }

    /** Fiji runs commands through SciJava, not our launcher: a postprocessor still shows the results in ImageJ. */
    @Test
    void commandRunBySciJavaAsInFijiShowsItsResultsToo(@TempDir Path dir) throws Exception {
        Path data = Path.of("test-data/ala2").toAbsolutePath();
        try (ImageJHost host = new ImageJHost(dir)) {
            Path file = dir.resolve("empty.ijm");
            Files.writeString(file, "");
            ImageJHost.Result r = host.run(dir.resolve("scijava.log"), 240, true, ImageJSessionDriver.class.getName(),
                    "scijava", file.toString(), data.resolve("conformations.gro").toString(), data.resolve("processed.top").toString());
            assertEquals(0, r.exitCode(), r.output());
            List<String> windows = Arrays.asList(line(r.output(), "WINDOWS").split(" \\| "));
            assertTrue(windows.contains("scijava_energies.csv") && windows.contains("scijava_energies"), "table and plot: " + windows);
            assertTrue(line(r.output(), "LOG").contains("Compute Energy: wrote 1 file"), r.output());
        }
    }
}

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
}

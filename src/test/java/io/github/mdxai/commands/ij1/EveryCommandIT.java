package io.github.mdxai.commands.ij1;

import io.github.mdxai.commands.host.CommandCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command, run from a macro in ImageJ 1.54 on Xvfb, leaves its results in ImageJ windows (tables titled after
 * their files, live plots, calibrated colour images) and a summary in the Log; its TIFFs reopen calibrated and in
 * colour; the same macro in batch mode (no ImageJ window) opens none. The two studies are checked in {@link MacrosIT}.
 */
class EveryCommandIT {

    /** The windows each command leaves, as kind and title stem ("table committors" matches committors-1.csv too). */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("Compute Energy", List.of("table ce_energies", "plot ce_energies")),
            Map.entry("Run MD", List.of("table energies", "plot energies")),
            Map.entry("Metadynamics", List.of("table colvar", "table hills", "table bias", "plot colvar", "plot hills")),
            Map.entry("Free Energy Surface", List.of("image free_energy_phi_psi", "table free_energy_phi_psi", "table path",
                    "table saddle")),
            Map.entry("Free Energy from Samples", List.of("image free_energy_phi_psi", "table free_energy_phi_psi")),
            Map.entry("Sample Transition Region", List.of("table transition_configs", "plot transition_configs")),
            Map.entry("Compute Committors", List.of("table committors")),
            Map.entry("Merge Committor Shards", List.of("table committors")),
            Map.entry("Build Distance Features", List.of("table features")),
            Map.entry("Committor Test", List.of("table committor_test", "table surface_configs", "plot committor_test")),
            Map.entry("Train Committor Network", List.of("table loss", "table predictions", "plot loss")),
            Map.entry("Predict Committor", List.of("table committor-predictions")),
            Map.entry("Explain Committor Network", List.of("table importance_lime", "table lime_weights")),
            Map.entry("PMF in Features", List.of("image pmf", "table pmf", "table model_pB")),
            Map.entry("Soft-Sphere Energy", List.of("table ss_energy")),
            Map.entry("Simulate Soft-Sphere Liquid", List.of("table thermo", "table summary", "plot thermo")),
            Map.entry("Relaxation Dynamics", List.of("table fs", "table gr", "table msd", "plot fs", "plot gr", "plot msd")),
            Map.entry("Structure Descriptors", List.of("table structure_descriptors", "table histograms", "plot histograms: q6")),
            // a binary graph set: its summary goes to the Log (checked for every command below)
            Map.entry("Build Graph Dataset", List.of()),
            Map.entry("Train Graph Attention Classifier", List.of("table curves", "plot curves")),
            Map.entry("Attention Analysis", List.of("image attention_voxels_0", "image attention_q6_histogram",
                    "table particles", "table correlations", "table heterogeneity")));

    private static final Pattern NEW = Pattern.compile("NEW (\\d+) (table|plot|image|text) (.+?)( \\| (.*))?");

    private static boolean matches(String expected, String kind, String title) {
        String[] parts = expected.split(" ", 2);
        String stem = title.replaceAll("\\.(csv|tif)$", "").replaceAll("-\\d+$", "");
        return parts[0].equals(kind) && parts[1].equals(stem);
    }

    @Test
    void everyCommandFromAMacroLeavesItsWindowsAndTiffsThatReopenInColour(@TempDir Path dir) throws Exception {
        List<EveryCommandMacro.Line> lines = EveryCommandMacro.write(dir);
        Set<String> titles = lines.stream().map(EveryCommandMacro.Line::title).collect(Collectors.toSet());
        try (Context context = new Context()) {
            Set<String> all = CommandCatalog.all(context).stream().map(CommandCatalog::title).collect(Collectors.toSet());
            all.removeAll(List.of("Reproduce Study A", "Reproduce Study B"));
            assertEquals(all, titles, "the macro runs every command");
        }
        assertEquals(titles, EXPECTED.keySet());
        Path macro = dir.resolve("every-command.ijm");
        Files.writeString(macro, lines.stream().map(EveryCommandMacro.Line::macro).collect(Collectors.joining("\n")));
        ImageJHost.Result r;
        try (ImageJHost host = new ImageJHost(dir)) {
            r = host.run(dir.resolve("each.log"), 540, true, ImageJSessionDriver.class.getName(), "each", macro.toString());
        }
        assertEquals(0, r.exitCode(), r.output());
        Map<Integer, List<String[]>> opened = new HashMap<>();
        for (String line : r.output().lines().toList()) {
            Matcher m = NEW.matcher(line);
            if (m.matches()) {
                opened.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
                        .add(new String[] {m.group(2), m.group(3), m.group(5) == null ? "" : m.group(5)});
            }
        }
        Set<String> checked = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String title = lines.get(i).title();
            List<String[]> windows = opened.getOrDefault(i, List.of());
            int index = i;
            assertTrue(r.output().lines().anyMatch(l -> l.startsWith("LOGGED " + index + " " + title)),
                    title + " writes its summary to the Log:\n" + r.output());
            for (String[] w : windows) {
                if (w[0].equals("image") && w[2].contains("bits=32")) {
                    assertTrue(w[2].contains("defaultLut=false") && !w[2].contains("unit=pixel"),
                            title + ": image " + w[1] + " calibrated and in colour: " + w[2]);
                }
            }
            if (!checked.add(title)) {
                continue; // a second run of a command (shards, a second liquid) only feeds later commands
            }
            for (String expected : EXPECTED.get(title)) {
                if (windows.stream().noneMatch(w -> matches(expected, w[0], w[1]))) {
                    missing.add(title + ": " + expected + " (opened " + windows.stream().map(w -> w[0] + " " + w[1]).toList() + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "windows every command leaves");
        // Every TIFF written reopens (as ImageJ opens a file) calibrated, with its colour table.
        List<Path> tiffs;
        try (Stream<Path> files = Files.walk(dir)) {
            tiffs = files.filter(p -> p.toString().endsWith(".tif") && !p.startsWith(dir.resolve("imagej"))).toList();
        }
        assertTrue(tiffs.size() >= 6, "TIFFs of both surfaces, the PMF and the attention maps: " + tiffs);
        for (Path tiff : tiffs) {
            ij.ImagePlus imp = ij.IJ.openImage(tiff.toString());
            assertFalse(imp.getProcessor().isDefaultLut(), tiff + " reopens with its LUT");
            assertTrue(imp.getCalibration().scaled() && !imp.getCalibration().getValueUnit().equals("Gray Value"),
                    tiff + " reopens calibrated: " + imp.getCalibration());
        }
    }

    @Test
    void everyCommandInBatchModeOpensNoWindow(@TempDir Path dir) throws Exception {
        List<EveryCommandMacro.Line> lines = EveryCommandMacro.write(dir);
        Path macro = dir.resolve("batch.ijm");
        Files.writeString(macro, lines.stream().map(EveryCommandMacro.Line::macro).collect(Collectors.joining("\n"))
                + "\ntitles = getList(\"window.titles\");\nprint(\"IMAGES \" + nImages + \" WINDOWS \" + titles.length);\n");
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = host.run(dir.resolve("batch.log"), 540, false, "ij.ImageJ", "-batch", macro.toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("IMAGES 0 WINDOWS 0"), r.output());
            for (EveryCommandMacro.Line line : lines) {
                assertTrue(r.output().contains(line.title() + ": wrote"), line.title() + " ran:\n" + r.output());
            }
        }
        assertTrue(Files.exists(dir.resolve("attention/attention_voxels_0.tif")), "the last command ran");
    }
}

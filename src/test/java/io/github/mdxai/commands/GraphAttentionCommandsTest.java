package io.github.mdxai.commands;

import io.github.mdxai.io.LammpsDump;
import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphAttentionCommandsTest {

    /** Class 1: jittered simple-cubic crystal; class 0: uniformly random particles in the same box. */
    private static List<Configuration> frames(boolean lattice, int count) {
        List<Configuration> out = new ArrayList<>();
        int side = 3;
        double spacing = 1.3;
        for (int f = 0; f < count; f++) {
            SplittableRandom rnd = Rng.stream(9, lattice ? "lattice" : "gas", f);
            int n = side * side * side;
            int[] types = new int[n];
            double[] pos = new double[3 * n];
            for (int i = 0; i < n; i++) {
                types[i] = i % 2;
                int[] cell = {i % side, (i / side) % side, i / (side * side)};
                for (int d = 0; d < 3; d++) {
                    pos[3 * i + d] = lattice ? (cell[d] + 0.5) * spacing + 0.05 * Rng.gaussian(rnd)
                            : rnd.nextDouble() * side * spacing;
                }
            }
            out.add(Configuration.of(types, pos, null, Box.cubic(side * spacing)).wrapped());
        }
        return out;
    }

    @Test
    void buildTrainAndAnalyse(@TempDir Path dir) throws Exception {
        Path hot = dir.resolve("hot.lammpstrj");
        Path cold = dir.resolve("cold.lammpstrj");
        LammpsDump.write(hot, frames(false, 10));
        LammpsDump.write(cold, frames(true, 10));
        Path graphs = dir.resolve("pair.graphs");
        Path trained = dir.resolve("trained");
        Path analysis = dir.resolve("analysis");
        Files.createDirectories(analysis);
        try (Context ctx = new Context()) {
            CommandService cs = ctx.service(CommandService.class);
            Map<String, Object> build = new HashMap<>();
            build.put("trajectory0", hot.toFile());
            build.put("temperature0", 0.8);
            build.put("trajectory1", cold.toFile());
            build.put("temperature1", 0.3);
            build.put("shells", "given");
            build.put("out", graphs.toFile());
            CommandModule m = cs.run(BuildGraphDataset.class, true, build).get();
            assertTrue(((String) m.getOutput("summary")).startsWith("20 graphs (12 train, 4 validation, 4 test)"));

            Map<String, Object> train = new HashMap<>();
            train.put("dataset", graphs.toFile());
            train.put("layers", 2);
            train.put("width", 8);
            train.put("heads", 2);
            train.put("epochs", 3);
            train.put("batch", 4);
            train.put("learning_rate", 0.01);
            train.put("seed", 5L);
            train.put("out", trained.toFile());
            cs.run(TrainGraphAttentionClassifier.class, true, train).get();
            assertTrue(Files.isRegularFile(trained.resolve("model").resolve("model.fb")));
            String metrics = Files.readString(trained.resolve("metrics.json"));
            assertTrue(metrics.contains("\"testAccuracy\"") && metrics.contains("\"testGraphs\" : 4"), metrics);
            assertEquals(3, CsvTable.read(trained.resolve("curves.csv")).rowCount());

            Map<String, Object> an = new HashMap<>();
            an.put("model", trained.resolve("model").toFile());
            an.put("dataset", graphs.toFile());
            an.put("snapshots", "all");
            an.put("voxel", 0.2);
            an.put("out", analysis.toFile());
            CommandModule a = cs.run(AnalyzeAttention.class, true, an).get();
            CsvTable particles = CsvTable.read(analysis.resolve("particles.csv"));
            assertEquals(20 * 27, particles.rowCount());
            assertEquals(List.of("frame", "id", "type", "x_sigma", "y_sigma", "z_sigma", "attention", "q6", "q6_avg",
                    "coordination", "voronoi_volume_sigma3"), particles.columns().subList(0, 11));
            assertEquals(2, CsvTable.read(analysis.resolve("heterogeneity.csv")).rowCount());
            assertTrue(Files.size(analysis.resolve("attention_slab_0.png")) > 1000);
            assertTrue(Files.isRegularFile(analysis.resolve("attention_voxels_1.tif")));
            assertTrue(Files.isRegularFile(analysis.resolve("attention_q6_histogram.tif")));
            assertTrue(a.getOutput("summary").toString().contains("entropy"));

            Map<String, Object> bad = new HashMap<>(train);
            bad.put("width", 7);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> cs.run(TrainGraphAttentionClassifier.class, true, bad).get());
            assertTrue(rootCause(e) instanceof InputException, String.valueOf(rootCause(e)));
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}

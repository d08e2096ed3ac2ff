package io.github.mdxai.learn.graph;

import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphDatasetTest {

    private static List<Configuration> frames(int count, long seed) {
        List<Configuration> out = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            SplittableRandom rnd = Rng.stream(seed, "frame", f);
            int n = 40;
            double length = Math.cbrt(n / 0.8);
            int[] types = new int[n];
            double[] pos = new double[3 * n];
            for (int i = 0; i < n; i++) {
                types[i] = i % 2;
                for (int d = 0; d < 3; d++) {
                    pos[3 * i + d] = rnd.nextDouble() * length;
                }
            }
            out.add(Configuration.of(types, pos, null, Box.cubic(length)));
        }
        return out;
    }

    @Test
    void edgesAreFirstShellNeighboursWithMinimumImageVectors() {
        Configuration c = frames(1, 3).get(0);
        double[][] shells = {{1.2, 1.3}, {1.3, 1.4}};
        ParticleGraph g = new GraphBuilder(shells).build(c, 0, 0, 1.0, ParticleGraph.Split.TRAIN);
        double length = c.box().lx();
        int expected = 0;
        for (int i = 0; i < c.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                if (i == j) {
                    continue;
                }
                double r2 = 0;
                for (int d = 0; d < 3; d++) {
                    double x = c.positions()[3 * j + d] - c.positions()[3 * i + d];
                    x -= length * Math.rint(x / length);
                    r2 += x * x;
                }
                double rc = shells[c.types()[i]][c.types()[j]];
                if (r2 < rc * rc) {
                    expected++;
                    boolean found = false;
                    for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                        if (g.neighbours()[e] == j) {
                            float[] v = g.edgeVectors();
                            assertEquals(r2, v[3 * e] * v[3 * e] + v[3 * e + 1] * v[3 * e + 1]
                                    + v[3 * e + 2] * v[3 * e + 2], 1e-5);
                            found = true;
                        }
                    }
                    assertTrue(found, "edge " + j + " -> " + i);
                }
            }
        }
        assertEquals(expected, g.edgeCount());
    }

    @Test
    void softSphereShellsFromGofRAreNearTheDefaults() {
        // LAMMPS-equilibrated Bernu-Hansen mixture, N = 1000, T = 1 (copied by the descriptor work)
        Configuration c = io.github.mdxai.io.LammpsData.read(Path.of("test-data/softsphere/config_N1000.data"));
        double[][] shells = GraphDatasetBuilder.shellsFromRdf(
                List.of(new GraphDatasetBuilder.ClassFrames("T=1", 1.0, List.of(c))), 2, Progress.NONE);
        double[][] defaults = GraphDatasetBuilder.softSphereShells();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                assertEquals(defaults[a][b], shells[a][b], 0.15, "shell " + a + "-" + b);
            }
        }
        ParticleGraph g = new GraphBuilder(shells).build(c, 0, 0, 1.0, ParticleGraph.Split.TEST);
        double meanDegree = g.edgeCount() / (double) g.nodeCount();
        System.out.printf("g(r) shells AA %.3f AB %.3f BB %.3f, mean degree %.2f%n", shells[0][0], shells[0][1],
                shells[1][1], meanDegree);
        assertTrue(meanDegree > 11 && meanDegree < 16, "mean first-shell coordination " + meanDegree);
    }

    @Test
    void roundTripsAndSplitsInTimeOrder(@TempDir Path dir) {
        GraphDataset data = GraphDatasetBuilder.build(List.of(
                        new GraphDatasetBuilder.ClassFrames("T=0.30", 0.30, frames(10, 1)),
                        new GraphDatasetBuilder.ClassFrames("T=0.77", 0.77, frames(10, 2))),
                GraphDatasetBuilder.softSphereShells(), 0.6, 0.2, Progress.NONE);
        assertEquals(12, data.split(ParticleGraph.Split.TRAIN).size());
        assertEquals(4, data.split(ParticleGraph.Split.TEST).size());
        for (ParticleGraph g : data.split(ParticleGraph.Split.TEST)) {
            assertTrue(g.frame() >= 8, "test frames come last in time");
        }
        Path file = dir.resolve("pair.graphs");
        data.write(file);
        GraphDataset back = GraphDataset.read(file);
        assertEquals(data.classNames(), back.classNames());
        assertArrayEquals(data.classTemperatures(), back.classTemperatures());
        assertEquals(data.graphs().size(), back.graphs().size());
        for (int k = 0; k < data.graphs().size(); k++) {
            ParticleGraph a = data.graphs().get(k);
            ParticleGraph b = back.graphs().get(k);
            assertEquals(a.label(), b.label());
            assertEquals(a.split(), b.split());
            assertArrayEquals(a.neighbours(), b.neighbours());
            assertArrayEquals(a.edgeVectors(), b.edgeVectors());
            assertArrayEquals(a.positions(), b.positions());
            assertTrue(Arrays.equals(a.offsets(), b.offsets()));
        }
    }

    @Test
    void truncatedOrForeignFilesAreInputErrors(@TempDir Path dir) throws IOException {
        GraphDataset data = GraphDatasetBuilder.build(List.of(
                        new GraphDatasetBuilder.ClassFrames("a", 0.3, frames(5, 1)),
                        new GraphDatasetBuilder.ClassFrames("b", 0.7, frames(5, 2))),
                GraphDatasetBuilder.softSphereShells(), 0.4, 0.2, Progress.NONE);
        Path file = dir.resolve("d.graphs");
        data.write(file);
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.graphs");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        InputException e = assertThrows(InputException.class, () -> GraphDataset.read(cut));
        assertTrue(e.getMessage().contains("cut.graphs"), e.getMessage());
        Path text = dir.resolve("text.graphs");
        Files.writeString(text, "id type x y z\n");
        assertThrows(InputException.class, () -> GraphDataset.read(text));
    }
}

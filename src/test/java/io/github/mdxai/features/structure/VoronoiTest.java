package io.github.mdxai.features.structure;

import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoronoiTest {

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void fccCellIsAQuarterOfTheCube() {
        double a = 1.7;
        Lattices fcc = Lattices.fcc(3, a);
        double[] v = Voronoi.volumes(fcc.positions, fcc.box, null, 1, Progress.NONE);
        for (double x : v) {
            assertEquals(a * a * a / 4, x, 1e-12);
        }
        assertEquals(27 * a * a * a, sum(v), 1e-9 * 27 * a * a * a);
    }

    @Test
    void bccAndHcpCells() {
        Lattices bcc = Lattices.bcc(3, 1.0);
        for (double x : Voronoi.volumes(bcc.positions, bcc.box, null, 1, Progress.NONE)) {
            assertEquals(0.5, x, 1e-12);
        }
        Lattices hcp = Lattices.hcp(2, 2, 2, 1.0);
        for (double x : Voronoi.volumes(hcp.positions, hcp.box, null, 1, Progress.NONE)) {
            assertEquals(1 / Math.sqrt(2), x, 1e-12); // a^3 / sqrt(2), as fcc at the same spacing
        }
    }

    @Test
    void fccUnitCellAndTwoParticlesStillTileTheirBox() {
        Lattices fcc = Lattices.fcc(1, 1.0);
        for (double x : Voronoi.volumes(fcc.positions, fcc.box, null, 1, Progress.NONE)) {
            assertEquals(0.25, x, 1e-12);
        }
        double[] two = Voronoi.volumes(new double[] {0.1, 0.2, 0.3, 1.9, 0.4, 2.2}, new double[] {2.5, 1.5, 3.0},
                null, 1, Progress.NONE);
        assertEquals(2.5 * 1.5 * 3.0, sum(two), 1e-12);
    }

    private static double[] randomPositions(int n, double[] box, long seed) {
        SplittableRandom rnd = Rng.stream(seed, "voronoi-test");
        double[] p = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            p[i] = (rnd.nextDouble() * 1.4 - 0.2) * box[i % 3]; // some outside the box: wrapping is ours to do
        }
        return p;
    }

    @Test
    void randomPointsTileTheBoxPlainAndRadical() {
        double[] box = {7.0, 5.5, 9.25};
        double volume = box[0] * box[1] * box[2];
        double[] p = randomPositions(400, box, 11);
        double[] plain = Voronoi.volumes(p, box, null, 1, Progress.NONE);
        assertEquals(volume, sum(plain), 1e-9 * volume);
        SplittableRandom rnd = Rng.stream(12, "radii");
        double[] radii = new double[400];
        for (int i = 0; i < radii.length; i++) {
            radii[i] = 0.2 + 0.5 * rnd.nextDouble();
        }
        double[] radical = Voronoi.volumes(p, box, radii, 1, Progress.NONE);
        assertEquals(volume, sum(radical), 1e-9 * volume);
        double[] parallel = Voronoi.volumes(p, box, radii, 2, Progress.NONE);
        assertArrayEquals(radical, parallel, 0.0);
        for (int i = 0; i < 400; i++) {
            assertTrue(plain[i] > 0 && radical[i] >= 0);
        }
    }

    /** Each cell's volume against the fraction of random points closest (in power distance) to its particle. */
    @Test
    void cellsHoldTheirClosestPoints() {
        double[] box = {4.0, 3.0, 5.0};
        int n = 30;
        double[] p = randomPositions(n, box, 5);
        double[] radii = new double[n];
        for (int i = 0; i < n; i++) {
            radii[i] = i % 3 == 0 ? 0.6 : 0.3;
        }
        for (double[] r : new double[][] {null, radii}) {
            double[] v = Voronoi.volumes(p, box, r, 1, Progress.NONE);
            int samples = 120_000;
            int[] hits = new int[n];
            SplittableRandom rnd = Rng.stream(7, "samples");
            for (int s = 0; s < samples; s++) {
                double x = rnd.nextDouble() * box[0];
                double y = rnd.nextDouble() * box[1];
                double z = rnd.nextDouble() * box[2];
                int best = -1;
                double bestPower = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double dx = x - p[3 * i];
                    double dy = y - p[3 * i + 1];
                    double dz = z - p[3 * i + 2];
                    dx -= box[0] * Math.rint(dx / box[0]);
                    dy -= box[1] * Math.rint(dy / box[1]);
                    dz -= box[2] * Math.rint(dz / box[2]);
                    double power = dx * dx + dy * dy + dz * dz - (r == null ? 0 : r[i] * r[i]);
                    if (power < bestPower) {
                        bestPower = power;
                        best = i;
                    }
                }
                hits[best]++;
            }
            double volume = box[0] * box[1] * box[2];
            for (int i = 0; i < n; i++) {
                double f = v[i] / volume;
                double sigma = Math.sqrt(f * (1 - f) / samples) * volume;
                assertEquals(v[i], hits[i] * volume / samples, 5 * sigma + 1e-9, "cell " + i);
            }
        }
    }

    @Test
    void matchesVoroPlusPlusInLammps() throws IOException {
        LammpsOrientOrderTest.Reference ref = LammpsOrientOrderTest.read();
        List<String> lines = Files.readAllLines(Path.of("test-data/structure/liquid_voronoi.dump"));
        int n = ref.positions().length / 3;
        double[] plain = new double[n];
        double[] radical = new double[n];
        double[] radii = new double[n];
        for (int k = 0; k < n; k++) {
            String[] f = lines.get(9 + k).trim().split("\\s+");
            int id = Integer.parseInt(f[0]);
            plain[id - 1] = Double.parseDouble(f[1]);
            radical[id - 1] = Double.parseDouble(f[3]);
            radii[id - 1] = 0.5 + 0.1 * (id % 2);
        }
        double[] mine = Voronoi.volumes(ref.positions(), ref.box(), null, 1, Progress.NONE);
        double[] mineRadical = Voronoi.volumes(ref.positions(), ref.box(), radii, 1, Progress.NONE);
        for (int i = 0; i < n; i++) {
            assertEquals(plain[i], mine[i], 1e-10, "plain cell of atom " + (i + 1));
            assertEquals(radical[i], mineRadical[i], 1e-10, "radical cell of atom " + (i + 1));
        }
    }
}

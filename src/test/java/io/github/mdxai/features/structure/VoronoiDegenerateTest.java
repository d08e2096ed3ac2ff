package io.github.mdxai.features.structure;

import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lattices where many bisecting planes pass through existing vertices, exactly or almost. */
class VoronoiDegenerateTest {

    private static double[] simpleCubic(int n, double a, double noise, long seed) {
        SplittableRandom rnd = Rng.stream(seed, "sc-noise");
        double[] p = new double[3 * n * n * n];
        int k = 0;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                for (int z = 0; z < n; z++) {
                    p[k++] = (x + noise * (rnd.nextDouble() - 0.5)) * a;
                    p[k++] = (y + noise * (rnd.nextDouble() - 0.5)) * a;
                    p[k++] = (z + noise * (rnd.nextDouble() - 0.5)) * a;
                }
            }
        }
        return p;
    }

    @Test
    void simpleCubicCellsAreCubes() {
        double[] box = {4 * 1.3, 4 * 1.3, 4 * 1.3};
        for (double v : Voronoi.volumes(simpleCubic(4, 1.3, 0, 1), box, null, 1, Progress.NONE)) {
            assertEquals(1.3 * 1.3 * 1.3, v, 1e-12);
        }
    }

    @Test
    void nearlyDegenerateLatticesStillTile() {
        for (double noise : new double[] {1e-13, 1e-10, 1e-7, 1e-4}) {
            double[] box = {5.0, 5.0, 5.0};
            double[] v = Voronoi.volumes(simpleCubic(5, 1.0, noise, 3), box, null, 1, Progress.NONE);
            double sum = 0;
            for (double x : v) {
                sum += x;
                assertEquals(1.0, x, 1e-3, "noise " + noise);
            }
            assertEquals(125.0, sum, 1e-9 * 125, "noise " + noise);
            Lattices fcc = Lattices.fcc(3, 1.0);
            SplittableRandom rnd = Rng.stream(4, "fcc-noise");
            double[] p = fcc.positions.clone();
            for (int i = 0; i < p.length; i++) {
                p[i] += noise * (rnd.nextDouble() - 0.5);
            }
            double total = 0;
            for (double x : Voronoi.volumes(p, fcc.box, null, 1, Progress.NONE)) {
                total += x;
            }
            assertEquals(27.0, total, 1e-9 * 27, "fcc noise " + noise);
        }
    }
}

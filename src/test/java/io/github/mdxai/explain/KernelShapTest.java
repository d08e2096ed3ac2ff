package io.github.mdxai.explain;

import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelShapTest {

    private static double[][] gaussianRows(int n, int d, long seed) {
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            SplittableRandom rnd = Rng.stream(seed, "kernel-shap-test", i);
            for (int j = 0; j < d; j++) {
                z[i][j] = 0.3 * j + (1 + 0.1 * j) * Rng.gaussian(rnd);
            }
        }
        return z;
    }

    private static QFunction linear(double[] w, double b) {
        return z -> {
            double[] q = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                q[i] = b;
                for (int j = 0; j < w.length; j++) {
                    q[i] += w[j] * z[i][j];
                }
            }
            return q;
        };
    }

    /** On f(x) = w.x + b the Shapley values are w_j (x_j - E[x_j]), E over the weighted background. */
    private static void assertLinearModelExact(int d, int coalitions) {
        double[][] data = gaussianRows(300, d, 1);
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = (j % 3 - 1) * (0.5 + j);
        }
        KernelShap.Background bg = KernelShap.kmeans(data, 12, 4);
        double[] mean = new double[d];
        for (int k = 0; k < bg.points().length; k++) {
            for (int j = 0; j < d; j++) {
                mean[j] += bg.weights()[k] * bg.points()[k][j];
            }
        }
        double[][] x = gaussianRows(5, d, 2);
        List<KernelShap.Explanation> ex = KernelShap.explain(linear(w, 0.7), bg, x, new int[]{0, 1, 2, 3, 4},
                coalitions, 9, 2, Progress.NONE);
        for (int i = 0; i < x.length; i++) {
            KernelShap.Explanation e = ex.get(i);
            double sum = 0;
            for (int j = 0; j < d; j++) {
                assertEquals(w[j] * (x[i][j] - mean[j]), e.values()[j], 1e-9, "row " + i + " feature " + j);
                sum += e.values()[j];
            }
            assertEquals(e.fx() - e.expected(), sum, 1e-9, "efficiency");
        }
    }

    @Test
    void linearModelGivesWeightTimesDistanceFromBackgroundMeanWithAllCoalitionsEnumerated() {
        assertLinearModelExact(8, KernelShap.AUTO); // 2^8 - 2 = 254 coalitions: every subset size enumerated
    }

    @Test
    void linearModelGivesWeightTimesDistanceFromBackgroundMeanWithSampledCoalitions() {
        assertLinearModelExact(20, 150); // 150 of 2^20 - 2: sizes 1 (40 subsets) enumerated, the rest drawn
    }

    /** sin(2 a) + a b + b^2 / 2 in features a = 3 and b = 11 of 20; the others do nothing. */
    private static double[] planted(double[][] z) {
        double[] q = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double a = z[i][3];
            double b = (z[i][11] - 3.3) / 2.1;
            q[i] = Math.sin(2 * a) + a * b + 0.5 * b * b;
        }
        return q;
    }

    @Test
    void plantedNonLinearFeaturesRankFirst() {
        int d = 20;
        double[][] data = gaussianRows(500, d, 5);
        KernelShap.Background bg = KernelShap.kmeans(data, 10, 1);
        double[][] x = gaussianRows(30, d, 6);
        int[] ids = new int[x.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        List<KernelShap.Explanation> ex = KernelShap.explain(KernelShapTest::planted, bg, x, ids, 300, 3, 2,
                Progress.NONE);
        double[] mean = new double[d];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("f" + j);
            for (KernelShap.Explanation e : ex) {
                mean[j] += Math.abs(e.values()[j]) / ex.size();
            }
        }
        Importance imp = new Importance("shap", names, mean);
        assertTrue(imp.top(2).containsAll(List.of("f3", "f11")), "top " + imp.top(5));
        double noise = 0;
        for (int j = 0; j < d; j++) {
            if (j != 3 && j != 11) {
                noise = Math.max(noise, mean[j]);
            }
        }
        assertTrue(Math.min(mean[3], mean[11]) > 5 * noise, "planted " + mean[3] + ", " + mean[11] + " vs " + noise);
    }

    @Test
    void resultsDoNotDependOnThreadCountAndReproduce() {
        double[][] data = gaussianRows(200, 12, 7);
        KernelShap.Background bg = KernelShap.kmeans(data, 10, 2);
        double[][] x = gaussianRows(4, 12, 8);
        int[] ids = {5, 6, 7, 8};
        List<KernelShap.Explanation> one = KernelShap.explain(KernelShapTest::planted12, bg, x, ids, 100, 3, 1,
                Progress.NONE);
        List<KernelShap.Explanation> two = KernelShap.explain(KernelShapTest::planted12, bg, x, ids, 100, 3, 2,
                Progress.NONE);
        for (int i = 0; i < ids.length; i++) {
            assertArrayEquals(one.get(i).values(), two.get(i).values(), 0.0);
            assertEquals(ids[i], two.get(i).row());
        }
        KernelShap.Background again = KernelShap.kmeans(data, 10, 2);
        assertArrayEquals(bg.weights(), again.weights(), 0.0);
    }

    private static double[] planted12(double[][] z) {
        double[] q = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            q[i] = Math.tanh(z[i][1] * z[i][4]) + 0.2 * z[i][9];
        }
        return q;
    }

    @Test
    void kmeansBackgroundHoldsDataValuesWeightedByClusterSize() {
        double[][] data = gaussianRows(150, 5, 3);
        KernelShap.Background bg = KernelShap.kmeans(data, 10, 1);
        assertEquals(10, bg.points().length);
        double total = 0;
        for (double w : bg.weights()) {
            assertTrue(w > 0);
            assertEquals(0, w * 150 - Math.rint(w * 150), 1e-9, "weight is a cluster size over n");
            total += w;
        }
        assertEquals(1, total, 1e-12);
        for (double[] p : bg.points()) {
            for (int j = 0; j < 5; j++) {
                boolean found = false;
                for (double[] row : data) {
                    found |= row[j] == p[j];
                }
                assertTrue(found, "coordinate " + j + " rounded to a value of its column");
            }
        }
        assertEquals(3, KernelShap.kmeans(new double[][]{{1}, {2}, {3}}, 10, 1).points().length);
    }

    @Test
    void aFeatureThatNeverVariesGetsZeroAndOneVaryingFeatureGetsEverything() {
        double[][] data = {{1, 5}, {2, 5}, {3, 5}};
        KernelShap.Background bg = new KernelShap.Background(data, new double[]{0.25, 0.25, 0.5});
        QFunction f = z -> {
            double[] q = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                q[i] = z[i][0] * z[i][0] + z[i][1];
            }
            return q;
        };
        KernelShap.Explanation e = KernelShap.explain(f, bg, new double[][]{{4, 5}}, new int[]{0}, 0, 1, 1,
                Progress.NONE).get(0);
        double expected = 0.25 * (1 + 5) + 0.25 * (4 + 5) + 0.5 * (9 + 5);
        assertEquals(expected, e.expected(), 1e-12);
        assertEquals(16 + 5 - expected, e.values()[0], 1e-12);
        assertEquals(0, e.values()[1], 0.0);
    }
}

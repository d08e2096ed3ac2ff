package io.github.mdxai.explain;

import io.github.mdxai.util.Percentiles;
import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimeTabularTest {

    /** q = 0.5 + 2 z0 - z1: LIME's local linear surrogate must find these slopes. */
    private static double[] linear(double[][] z) {
        double[] q = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            q[i] = 0.5 + 2 * z[i][0] - z[i][1];
        }
        return q;
    }

    private static double[][] rows(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] z = new double[n][d];
        for (double[] row : z) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return z;
    }

    @Test
    void continuousLimeFindsTheSlopesOfALinearModel() {
        LimeTabular lime = new LimeTabular(LimeTabularTest::linear, 6, 2000, false, null, 0, 1.0);
        assertEquals(0.75 * Math.sqrt(6), lime.kernelWidth(), 1e-12);
        List<LimeTabular.Explanation> ex = lime.explain(rows(3, 6, 1), new int[]{0, 1, 2}, 7, 2, Progress.NONE);
        for (LimeTabular.Explanation e : ex) {
            // alpha = 1 against sum of weights in the hundreds shrinks by well under 2 %
            assertEquals(2, e.weights()[0], 0.04);
            assertEquals(-1, e.weights()[1], 0.02);
            for (int j = 2; j < 6; j++) {
                assertEquals(0, e.weights()[j], 0.02);
            }
            assertEquals(1, e.r2(), 1e-3);
            assertEquals(e.q(), e.localQ(), 0.05);
        }
    }

    @Test
    void discretizedLimeRanksTheInformativeFeaturesFirst() {
        double[][] training = rows(400, 6, 2);
        LimeTabular lime = new LimeTabular(LimeTabularTest::linear, 6, 2000, true, training, 0, 1.0);
        List<LimeTabular.Explanation> ex = lime.explain(rows(4, 6, 3), new int[]{0, 1, 2, 3}, 7, 1, Progress.NONE);
        double[] mean = LimeTabular.meanAbsoluteWeights(ex, 6);
        Importance imp = new Importance("lime", List.of("a", "b", "c", "d", "e", "f"), mean);
        assertEquals(List.of("a", "b"), imp.top(2));
        assertTrue(mean[1] > 3 * mean[2], "b " + mean[1] + " vs noise " + mean[2]);
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        LimeTabular lime = new LimeTabular(LimeTabularTest::linear, 4, 500, false, null, 0, 1.0);
        double[][] z = rows(5, 4, 9);
        int[] ids = {10, 11, 12, 13, 14};
        List<LimeTabular.Explanation> one = lime.explain(z, ids, 3, 1, Progress.NONE);
        List<LimeTabular.Explanation> two = lime.explain(z, ids, 3, 2, Progress.NONE);
        for (int i = 0; i < ids.length; i++) {
            assertArrayEquals(one.get(i).weights(), two.get(i).weights(), 0.0);
            assertEquals(ids[i], two.get(i).row());
        }
    }

    @Test
    void quartileBinsFollowNumpyPercentileAndSearchsorted() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertEquals(2, Percentiles.ofSorted(sorted, 25), 1e-12);
        assertEquals(3.5, Percentiles.ofSorted(new double[]{1, 2, 3, 4, 5, 6}, 50), 1e-12);
        double[] cuts = {2, 3, 4};
        assertEquals(0, LimeTabular.Quartiles.bin(cuts, 2));
        assertEquals(1, LimeTabular.Quartiles.bin(cuts, 2.5));
        assertEquals(3, LimeTabular.Quartiles.bin(cuts, 4.1));
    }

    @Test
    void quartileSamplesStayBetweenTheCutPointsOfTheirBinAsInLime() {
        double[][] training = rows(400, 2, 4);
        LimeTabular.Quartiles quartiles = new LimeTabular.Quartiles(training);
        double[] column = new double[training.length];
        for (int r = 0; r < training.length; r++) {
            column[r] = training[r][1];
        }
        java.util.Arrays.sort(column);
        double[] bounds = {column[0], Percentiles.ofSorted(column, 25),
                Percentiles.ofSorted(column, 50), Percentiles.ofSorted(column, 75),
                column[column.length - 1]};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int bin = 0; bin < 4; bin++) {
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int s = 0; s < 2000; s++) {
                double v = quartiles.sampleValue(1, bin, rnd);
                assertTrue(v >= bounds[bin] && v <= bounds[bin + 1], "bin " + bin + " value " + v);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            // the bin's bounds are the cut points: samples come close to both ends
            double width = bounds[bin + 1] - bounds[bin];
            assertTrue(lo - bounds[bin] < 0.05 * width && bounds[bin + 1] - hi < 0.05 * width || bin == 0 || bin == 3,
                    "bin " + bin + " sampled [" + lo + ", " + hi + "] of [" + bounds[bin] + ", " + bounds[bin + 1] + "]");
        }
    }
}

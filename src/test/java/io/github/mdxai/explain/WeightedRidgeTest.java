package io.github.mdxai.explain;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WeightedRidgeTest {

    @Test
    void recoversAnExactLinearModelWithoutPenalty() {
        Random r = new Random(3);
        int n = 50;
        double[][] cols = new double[2][n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int s = 0; s < n; s++) {
            cols[0][s] = r.nextGaussian();
            cols[1][s] = r.nextGaussian();
            y[s] = 1.5 + 2 * cols[0][s] - 3 * cols[1][s];
            w[s] = 0.1 + r.nextDouble();
        }
        WeightedRidge.Fit fit = WeightedRidge.fit(cols, y, w, 0);
        assertArrayEquals(new double[]{2, -3}, fit.coefficients(), 1e-10);
        assertEquals(1.5, fit.intercept(), 1e-10);
        assertEquals(1.0, fit.r2(), 1e-12);
    }

    @Test
    void integerWeightsEqualRepeatedSamplesAndPenaltyShrinks() {
        // one feature: beta = Sxy / (Sxx + alpha) with weighted centred sums, checked by hand
        double[][] cols = {{0, 1, 2}};
        double[] y = {1, 2, 5};
        double[] w = {1, 2, 1};
        double mx = (0 + 2 + 2) / 4.0;
        double my = (1 + 4 + 5) / 4.0;
        double sxx = 1 * mx * mx + 2 * (1 - mx) * (1 - mx) + (2 - mx) * (2 - mx);
        double sxy = 1 * (0 - mx) * (1 - my) + 2 * (1 - mx) * (2 - my) + (2 - mx) * (5 - my);
        WeightedRidge.Fit fit = WeightedRidge.fit(cols, y, w, 1.0);
        assertEquals(sxy / (sxx + 1), fit.coefficients()[0], 1e-12);
        assertEquals(my - mx * sxy / (sxx + 1), fit.intercept(), 1e-12);
        WeightedRidge.Fit repeated = WeightedRidge.fit(new double[][]{{0, 1, 1, 2}}, new double[]{1, 2, 2, 5},
                new double[]{1, 1, 1, 1}, 1.0);
        assertEquals(fit.coefficients()[0], repeated.coefficients()[0], 1e-12);
        assertEquals(fit.r2(), repeated.r2(), 1e-12);
    }
}

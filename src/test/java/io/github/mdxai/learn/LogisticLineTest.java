package io.github.mdxai.learn;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticLineTest {

    /** Shot counts drawn from a known logistic committor: the fit recovers its coefficients within their noise. */
    @Test
    void recoversAKnownLogisticCommittor() {
        SplittableRandom random = new SplittableRandom(5);
        int rows = 2000;
        int shots = 50;
        double b0 = -3;
        double b1 = 40;
        double b2 = -25;
        double[][] x = new double[rows][2];
        double[] y = new double[rows];
        double[] n = new double[rows];
        for (int r = 0; r < rows; r++) {
            x[r][0] = 0.25 + 0.05 * random.nextGaussian();
            x[r][1] = 0.30 + 0.05 * random.nextGaussian();
            double p = 1 / (1 + Math.exp(-(b0 + b1 * x[r][0] + b2 * x[r][1])));
            int nB = 0;
            for (int s = 0; s < shots; s++) {
                nB += random.nextDouble() < p ? 1 : 0;
            }
            y[r] = (double) nB / shots;
            n[r] = shots;
        }
        LogisticLine line = LogisticLine.fit(List.of("r6-10", "r6-11"), x, y, n);
        assertEquals(b1, line.slopes()[0], 1.0);
        assertEquals(b2, line.slopes()[1], 1.0);
        assertEquals(b0, line.intercept(), 0.5);
        // on its own dividing value the coordinate q = (b.x) / 2 gives p_B = 1/2
        double[] onLine = {0.25, (0.5 * 0 - line.intercept() - line.slopes()[0] * 0.25) / line.slopes()[1]};
        assertEquals(0.5, line.pB(onLine), 1e-12);
        assertEquals(line.dividingValue(), 0.5 * (line.slopes()[0] * onLine[0] + line.slopes()[1] * onLine[1]), 1e-12);
    }

    /** Perfectly separated outcomes (all A on one side, all B on the other) still give finite, moderate slopes. */
    @Test
    void separableDataGiveFiniteSlopes() {
        double[][] x = new double[40][2];
        double[] y = new double[40];
        double[] n = new double[40];
        for (int r = 0; r < 40; r++) {
            x[r][0] = 0.2 + 0.1 * r / 39.0;
            x[r][1] = 0.3 + 0.01 * Math.sin(r);
            y[r] = x[r][0] > 0.25 ? 1 : 0;
            n[r] = 8;
        }
        LogisticLine line = LogisticLine.fit(List.of("r6-10", "r6-11"), x, y, n);
        double standardized = line.slopes()[0] * 0.1 / Math.sqrt(12);
        assertTrue(Double.isFinite(line.intercept()) && standardized > 1 && standardized < 20, "slope per std " + standardized);
        assertEquals(0.25, -(line.intercept() + line.slopes()[1] * 0.3) / line.slopes()[0], 0.01);
    }
}

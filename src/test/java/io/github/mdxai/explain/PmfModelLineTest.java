package io.github.mdxai.explain;

import io.github.mdxai.figures.LevelLines;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PmfModelLineTest {

    @Test
    void theModelsHalfLineIsOneCurveWhereCommittorDataLieAndAbsentElsewhere() {
        // committor configurations on [-1, 1]^2 every 0.1 nm; the model says p_B = sigmoid(5 x): dividing line x = 0
        int n = 21;
        double[] x = new double[n * n];
        double[] y = new double[n * n];
        double[] pB = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j] = -1 + 0.1 * i;
                y[i * n + j] = -1 + 0.1 * j;
                pB[i * n + j] = 1 / (1 + Math.exp(-5 * x[i * n + j]));
            }
        }
        Axis a = Axis.spanning("r1-2", "nm", -3, 3, 30);
        Grid2D field = PmfInFeaturesRun.modelOnData(x, y, pB, a, a);
        // far from every configuration (a basin corner) the model is not shown
        assertTrue(Float.isNaN(field.get(0, 0)) && Float.isNaN(field.get(29, 29)) && Float.isNaN(field.get(2, 15)));
        // bins centred at x = -0.1 and +0.1: sigmoid(-/+0.5) = 0.378 / 0.622, a light smoothing keeps them on their side
        assertTrue(field.get(14, 15) > 0.37 && field.get(14, 15) < 0.45, "x = -0.1: " + field.get(14, 15));
        assertEquals(1.0, field.get(14, 15) + field.get(15, 15), 1e-3, "symmetric about x = 0 (up to rounding of the grid)");
        List<double[][]> pieces = LevelLines.of(field, 0.5);
        assertEquals(1, pieces.size(), "one curve");
        double[][] line = pieces.get(0);
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < line[0].length; k++) {
            assertEquals(0, line[0][k], 0.02, "on x = 0");
            yMin = Math.min(yMin, line[1][k]);
            yMax = Math.max(yMax, line[1][k]);
        }
        // it spans the data (y in [-1, 1]) and at most the support radius (2 bins = 0.4 nm) beyond
        assertTrue(yMin < -0.9 && yMin > -1.5 && yMax > 0.9 && yMax < 1.5, yMin + " .. " + yMax);
    }
}

package io.github.mdxai.explain;

import io.github.mdxai.grid.Axis;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommittorLandscapeTest {

    private static double committor(double x, double y) {
        return 1 / (1 + Math.exp(-(x + y - 1.0) * 40));
    }

    /** Two basins at (0.3, 0.3) (A) and (0.7, 0.7) (B); the true committor changes across x + y = 1. */
    @Test
    void saddleLiesBetweenBasinsAndMidCommittorPointsLieNearIt() {
        SplittableRandom r = Rng.stream(3, "landscape");
        int n = 40000;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        boolean[] inA = new boolean[n];
        boolean[] inB = new boolean[n];
        double[] model = new double[n];
        for (int i = 0; i < n; i++) {
            boolean a = i % 2 == 0;
            double c = a ? 0.3 : 0.7;
            x[i] = c + 0.12 * Rng.gaussian(r);
            y[i] = c + 0.12 * Rng.gaussian(r);
            w[i] = 1;
            inA[i] = a && x[i] + y[i] < 0.8;
            inB[i] = !a && x[i] + y[i] > 1.2;
            model[i] = committor(x[i], y[i]);
        }
        int m = 3000;
        double[] px = new double[m];
        double[] py = new double[m];
        double[] pb = new double[m];
        for (int i = 0; i < m; i++) {
            px[i] = 0.2 + 0.6 * r.nextDouble();
            py[i] = 0.2 + 0.6 * r.nextDouble();
            pb[i] = committor(px[i], py[i]);
        }
        Axis ax = Axis.spanning("r1-2", "nm", 0, 1, 25);
        Axis ay = Axis.spanning("r3-4", "nm", 0, 1, 25);
        CommittorLandscape.Result result = CommittorLandscape.compute(
                new CommittorLandscape.Frames(x, y, w, inA, inB, model), new CommittorLandscape.Points(px, py, pb), ax, ay, 300);
        assertNotNull(result.path());
        assertEquals(1.0, result.path().saddleX() + result.path().saddleY(), 0.1, "saddle on the dividing line x + y = 1");
        assertEquals(0.5, result.meanModelPB().get(ax.bin(0.5), ay.bin(0.5)), 0.15);
        CommittorLandscape.SaddleProximity p = result.proximity();
        assertTrue(p.countMid() > 50 && p.countA() > 50 && p.countB() > 50);
        assertTrue(p.medianMid() < 0.6 * p.medianA() && p.medianMid() < 0.6 * p.medianB(),
                "p_B ~ 0.5 points lie closer to the saddle: " + p);
    }
}

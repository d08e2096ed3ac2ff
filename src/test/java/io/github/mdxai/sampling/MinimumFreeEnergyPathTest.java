package io.github.mdxai.sampling;

import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinimumFreeEnergyPathTest {

    static final StateRegion A = new StateRegion("A", List.of(new StateRegion.Bound("phi", "deg", -120, -60)));
    static final StateRegion B = new StateRegion("B", List.of(new StateRegion.Bound("phi", "deg", 60, 120)));

    /** Minima at cos(phi) = -1/8 (phi = +-97.2 deg), psi = 0, F = 4.69; saddles at phi = 180 (F = 20) and 0 (F = 30). */
    static Grid2D doubleWell() {
        Axis ax = Axis.spanning("phi", "deg", -180, 180, 72);
        Axis ay = Axis.spanning("psi", "deg", -180, 180, 72);
        Grid2D g = new Grid2D(ax, ay, "F", "kJ/mol", new float[72 * 72]);
        for (int iy = 0; iy < 72; iy++) {
            for (int ix = 0; ix < 72; ix++) {
                double x = Math.toRadians(ax.center(ix)), y = Math.toRadians(ay.center(iy));
                g.set(ix, iy, (float) (10 * (1 + Math.cos(2 * x)) + 5 * (1 + Math.cos(x)) + 8 * (1 - Math.cos(y))));
            }
        }
        return g;
    }

    @Test
    void findsTheLowerSaddleAcrossThePeriodicBoundary() {
        MinimumFreeEnergyPath.Path p = MinimumFreeEnergyPath.find(doubleWell(), A, B);
        assertEquals(180, Math.abs(p.saddleX()), 3, "saddle at phi = +-180");
        assertEquals(0, p.saddleY(), 3);
        assertEquals(15.31, p.barrierFromA(), 0.1);
        assertEquals(15.31, p.barrierFromB(), 0.1);
        assertEquals(-97.2, p.x()[0], 2.5);
        assertEquals(97.2, p.x()[p.x().length - 1], 2.5);
        for (int k = 1; k < p.x().length; k++) {
            double step = Math.abs(p.x()[k] - p.x()[k - 1]);
            assertTrue(step < 10 || step > 350, "neighbouring bins or a wrap, got a jump of " + step);
        }
    }

    @Test
    void unsampledBinsBlockThePath() {
        Grid2D g = doubleWell();
        for (int iy = 0; iy < 72; iy++) {
            g.set(0, iy, Float.NaN);
            g.set(71, iy, Float.NaN);
        }
        MinimumFreeEnergyPath.Path p = MinimumFreeEnergyPath.find(g, A, B);
        assertEquals(0, p.saddleX(), 3, "with phi = 180 unsampled the path crosses phi = 0");
        assertEquals(25.31, p.barrierFromA(), 0.1);
    }
}

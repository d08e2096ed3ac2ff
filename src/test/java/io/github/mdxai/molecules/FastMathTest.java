package io.github.mdxai.molecules;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastMathTest {

    @Test
    void atan2AgreesWithMathToAFewUlp() {
        SplittableRandom r = new SplittableRandom(7);
        for (int k = 0; k < 200_000; k++) {
            double y = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-3, 4));
            double x = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-3, 4));
            assertEquals(Math.atan2(y, x), FastMath.atan2(y, x), 4e-16 * Math.PI, y + ", " + x);
        }
        assertEquals(0, FastMath.atan2(0, 0));
        assertEquals(Math.PI, FastMath.atan2(0, -1), 1e-16);
        assertEquals(Math.PI / 2, FastMath.atan2(1, 0), 1e-16);
    }

    @Test
    void angleAgreesWithAtan2OverTheWholeRange() {
        SplittableRandom r = new SplittableRandom(11);
        double worst = 0;
        for (int n = 0; n < 200_000; n++) {
            double scaleA = Math.pow(10, r.nextInt(-2, 2)), scaleB = Math.pow(10, r.nextInt(-2, 2));
            double ax = scaleA * (r.nextDouble() - 0.5), ay = scaleA * (r.nextDouble() - 0.5), az = scaleA * (r.nextDouble() - 0.5);
            double bx = scaleB * (r.nextDouble() - 0.5), by = scaleB * (r.nextDouble() - 0.5), bz = scaleB * (r.nextDouble() - 0.5);
            if (n % 4 == 0) { // nearly parallel or antiparallel, where the table gives way to atan2
                double sign = n % 8 == 0 ? 1 : -1, tilt = Math.pow(10, r.nextInt(-8, 0));
                bx = sign * ax + tilt * bx;
                by = sign * ay + tilt * by;
                bz = sign * az + tilt * bz;
            }
            double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
            double cross = Math.sqrt(cx * cx + cy * cy + cz * cz);
            double dot = ax * bx + ay * by + az * bz;
            double lengths = Math.sqrt((ax * ax + ay * ay + az * az) * (bx * bx + by * by + bz * bz));
            double expected = Math.atan2(cross, dot);
            double actual = FastMath.angle(cross, dot, 1 / lengths);
            worst = Math.max(worst, Math.abs(actual - expected));
            assertEquals(expected, actual, 2e-15, cross + ", " + dot);
        }
        assertTrue(worst > 0, "the table path differs from atan2 by rounding somewhere");
        assertEquals(0, FastMath.angle(0, 0, Double.POSITIVE_INFINITY));
    }
}

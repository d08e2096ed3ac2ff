package io.github.mdxai.md;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

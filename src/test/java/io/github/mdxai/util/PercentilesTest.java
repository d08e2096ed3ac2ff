package io.github.mdxai.util;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** numpy.percentile's default (linear) interpolation. */
public class PercentilesTest {

    @Test
    void matchesNumpy() {
        // np.percentile([1, 2, 3, 4, 5], [0, 25, 99, 100]) = 1, 2, 4.96, 5; np.median([3, 1, 2, 4]) = 2.5
        double[] sorted = {1, 2, 3, 4, 5};
        assertEquals(1, Percentiles.ofSorted(sorted, 0), 1e-12);
        assertEquals(2, Percentiles.ofSorted(sorted, 25), 1e-12);
        assertEquals(4.96, Percentiles.ofSorted(sorted, 99), 1e-12);
        assertEquals(5, Percentiles.ofSorted(sorted, 100), 1e-12);
        double[] values = {3, 1, 2, 4, 99};
        assertEquals(2.5, Percentiles.of(values, 4, 50), 1e-12);
        assertArrayEquals(new double[]{3, 1, 2, 4, 99}, values, 0.0);
        assertTrue(Double.isNaN(Percentiles.of(values, 0, 50)));
    }
}

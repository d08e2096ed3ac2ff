package io.github.mdxai.commands.ij1;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which live plot axes are drawn on a log scale. */
public class ResultWindowsTest {

    @Test
    void logAxesOnlyForPositiveValuesOverTwoDecades() {
        // log-spaced MSD times and the MSD itself (NaN where a lag has no data)
        assertTrue(ResultWindows.spansDecades(List.of(new double[]{0.005, 0.05, 0.5, 5, 50})));
        assertTrue(ResultWindows.spansDecades(List.of(new double[]{1e-4, Double.NaN}, new double[]{0.02, 3.1})));
        // F_s decays through zero into noise: linear
        assertFalse(ResultWindows.spansDecades(List.of(new double[]{1, 0.5, 0.01, -0.002})));
        // equally spaced times from zero, and a narrow positive range: linear
        assertFalse(ResultWindows.spansDecades(List.of(new double[]{0, 1, 2, 3})));
        assertFalse(ResultWindows.spansDecades(List.of(new double[]{300, 310, 350})));
        assertFalse(ResultWindows.spansDecades(List.of(new double[]{Double.NaN})));
    }

    @Test
    void logTimeAxisOnlyForLogSpacedTimes() {
        double[] logSpaced = new double[40];
        double[] even = new double[10_000];
        for (int i = 0; i < logSpaced.length; i++) {
            logSpaced[i] = 0.005 * Math.pow(10, i / 8.0);
        }
        for (int i = 0; i < even.length; i++) {
            even[i] = 0.1 * (i + 1);
        }
        assertTrue(ResultWindows.logSpaced(logSpaced));
        // evenly spaced times over four decades (an MD log from its first output step) stay linear
        assertFalse(ResultWindows.logSpaced(even));
    }
}

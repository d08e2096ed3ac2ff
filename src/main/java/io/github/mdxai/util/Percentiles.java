package io.github.mdxai.util;

import java.util.Arrays;

/** Percentiles as numpy computes them by default: linear interpolation between the two nearest ranks. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percent} (0..100) percentile of values sorted in ascending order; NaN when there are none. */
    public static double ofSorted(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = percent / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The {@code percent} percentile of the first {@code n} values (left unchanged); NaN when n is 0. */
    public static double of(double[] values, int n, double percent) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return ofSorted(sorted, percent);
    }
}

package io.github.mdxai.features.structure;

/**
 * Counts of values in equal bins. Integer-valued data (coordination numbers) get one bin per integer.
 *
 * @param lower lower edge of each bin
 * @param width bin width
 * @param counts number of values per bin
 */
public record Histogram(double[] lower, double width, long[] counts) {

    /** Equal bins spanning [min, max] of the finite values (one bin if all are equal); NaN values are skipped. */
    public static Histogram of(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new Histogram(new double[0], 0, new long[0]);
        }
        if (hi == lo) {
            hi = lo + 1;
            bins = 1;
        }
        double width = (hi - lo) / bins;
        long[] counts = new long[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
            }
        }
        return new Histogram(edges(lo, width, bins), width, counts);
    }

    /** One bin per integer from the smallest to the largest value, each centred on its integer. */
    public static Histogram ofIntegers(int[] values) {
        if (values.length == 0) {
            return new Histogram(new double[0], 0, new long[0]);
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        long[] counts = new long[hi - lo + 1];
        for (int v : values) {
            counts[v - lo]++;
        }
        return new Histogram(edges(lo - 0.5, 1, counts.length), 1, counts);
    }

    private static double[] edges(double lo, double width, int bins) {
        double[] lower = new double[bins];
        for (int b = 0; b < bins; b++) {
            lower[b] = lo + b * width;
        }
        return lower;
    }

    /** Bin centres, e.g. for plotting. */
    public double[] centres() {
        double[] c = new double[lower.length];
        for (int b = 0; b < c.length; b++) {
            c[b] = lower[b] + width / 2;
        }
        return c;
    }
}

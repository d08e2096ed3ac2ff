package io.github.mdxai.figures;

/** "Nice" tick positions (1, 2, 5 x 10^k steps) covering a data range, shared by the chart renderers. */
public final class Ticks {

    private Ticks() {
    }

    /** A step of 1, 2 or 5 times a power of ten giving about {@code count} intervals over [lo, hi]. */
    public static double step(double lo, double hi, int count) {
        double span = hi - lo;
        if (!(span > 0)) {
            return 1;
        }
        double raw = span / Math.max(1, count);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * power;
    }

    /** Tick values inside [lo, hi] at multiples of {@code step}. */
    public static double[] values(double lo, double hi, double step) {
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        int n = (int) Math.max(0, Math.min(1000, last - first + 1));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (first + i) * step;
            if (Math.abs(v[i]) < step * 1e-9) {
                v[i] = 0;
            }
        }
        return v;
    }

    /** A tick label with as many decimals as the step needs. */
    public static String label(double value, double step) {
        int decimals = (int) Math.max(0, Math.min(8, -Math.floor(Math.log10(step) + 1e-9)));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }
}

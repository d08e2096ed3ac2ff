package io.github.mdxai.md;

/** Trigonometry for hot loops where {@link Math#atan2} (not a JIT intrinsic) dominates the cost. */
final class FastMath {

    private static final double[] ATAN_EIGHTHS = new double[9];

    static {
        for (int k = 0; k <= 8; k++) {
            ATAN_EIGHTHS[k] = Math.atan(k / 8.0);
        }
    }

    private FastMath() {
    }

    /**
     * atan2(y, x) to within a few ulp: reduce to t in [0, 1], split atan(t) = atan(c) + atan((t - c) / (1 + t c))
     * with c the nearest multiple of 1/8, so the Taylor series runs on |u| <= 1/16 (truncation below 2e-17).
     */
    static double atan2(double y, double x) {
        double ay = Math.abs(y), ax = Math.abs(x);
        boolean swap = ay > ax;
        double p = swap ? ax : ay, q = swap ? ay : ax; // t = p / q in [0, 1]
        if (q == 0) {
            return 0; // atan2(0, 0)
        }
        // the table index only needs t roughly: a float division is cheaper; u is exact in double
        int k = (int) ((float) p / (float) q * 8f + 0.5f);
        double c = k * 0.125;
        double u = (p - c * q) / (q + c * p);
        double u2 = u * u;
        double r = ATAN_EIGHTHS[k] + u * (1 - u2 * (1 / 3.0 - u2 * (1 / 5.0 - u2 * (1 / 7.0 - u2 * (1 / 9.0 - u2 * (1 / 11.0))))));
        if (swap) {
            r = 0.5 * Math.PI - r;
        }
        if (x < 0) {
            r = Math.PI - r;
        }
        return y < 0 ? -r : r;
    }
}

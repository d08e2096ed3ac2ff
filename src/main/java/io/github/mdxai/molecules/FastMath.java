package io.github.mdxai.molecules;

/** Trigonometry for hot loops where {@link Math#atan2} (not a JIT intrinsic) dominates the cost. */
final class FastMath {

    private static final double[] ATAN_EIGHTHS = new double[9];

    static {
        for (int k = 0; k <= 8; k++) {
            ATAN_EIGHTHS[k] = Math.atan(k / 8.0);
        }
    }

    /** Angle steps away from the table's nodes up to which the series in {@link #angle} is used. */
    private static final double SERIES_RANGE = 0.0025;

    /** Table of theta_k = acos(c_k) on c_k = -1 + k / ACOS_HALF_STEPS, k = 0 .. 2 ACOS_HALF_STEPS, with cos and sin. */
    static final int ACOS_HALF_STEPS = 1024;
    static final double[] ACOS_THETA = new double[2 * ACOS_HALF_STEPS + 1];
    static final double[] ACOS_COS = new double[ACOS_THETA.length];
    static final double[] ACOS_SIN = new double[ACOS_THETA.length];

    static {
        for (int k = 0; k < ACOS_THETA.length; k++) {
            double theta = Math.acos(Math.max(-1, Math.min(1, -1 + k / (double) ACOS_HALF_STEPS)));
            ACOS_THETA[k] = theta;
            ACOS_COS[k] = Math.cos(theta);
            ACOS_SIN[k] = Math.sin(theta);
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

    /**
     * The angle between two vectors, in [0, pi], from |a x b|, a.b and 1/(|a||b|), to about 1e-16 rad: theta =
     * theta_k + asin(sin(theta - theta_k)) with theta_k the table angle nearest in cos(theta), so
     * |theta - theta_k| <= 0.0025 except within 11 degrees of 0 or 180 (there: {@link #atan2}), and the series
     * s + s^3/6 + 3 s^5/40 is exact to 3e-20. No division on this path: it is much shorter than atan2's, which
     * matters in latency-bound loops.
     */
    static double angle(double cross, double dot, double invLengths) {
        double cosTheta = dot * invLengths, sinTheta = cross * invLengths;
        int k = (int) (cosTheta * ACOS_HALF_STEPS + (ACOS_HALF_STEPS + 0.5));
        if (k < 0 || k >= ACOS_THETA.length) {
            return atan2(cross, dot); // not finite
        }
        double sinDelta = sinTheta * ACOS_COS[k] - cosTheta * ACOS_SIN[k];
        if (!(Math.abs(sinDelta) <= SERIES_RANGE)) {
            return atan2(cross, dot);
        }
        double s2 = sinDelta * sinDelta;
        double s3 = s2 * sinDelta;
        return ACOS_THETA[k] + (sinDelta + s3 * (1 / 6.0 + s2 * (3 / 40.0)));
    }
}

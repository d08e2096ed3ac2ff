package io.github.mdxai.molecules;

/**
 * 1-4 pairs evaluated as GROMACS 2022 (double precision) evaluates them: through its pair table, a cubic Hermite
 * spline of 1/r, -1/r^6 and 1/r^12 with 2000 points per nm whose values and derivatives are exact at the points
 * (forcetable.cpp copy2table, pairs.cpp evaluate_single). Between the points the table differs from the analytic
 * functions, the forces by up to a few 1e-4 kJ/mol/nm where a 1-4 contact is short, so the analytic form would miss
 * GROMACS' numbers by more than 1e-4. The spline is linear in the point data, so each pair's summed LJ and Coulomb
 * function has its own spline: the same numbers as GROMACS' three tables to rounding. Each pair keeps that spline's
 * coefficients over the distances 1-4 pairs visit ({@link #FIRST}..{@link #LAST}), so the force costs one lookup
 * and a cubic (the price of the analytic form); elsewhere, and for pairs beyond the memory budget, the coefficients
 * are computed from the exact point values on the fly.
 */
final class Pairs14Table {

    /** GROMACS' table points per nm in double precision. */
    static final double SCALE = 2000.0;
    /** The point spacing (nm). */
    private static final double H = 1 / SCALE;
    /** 1 / r at the table points up to 2 nm (a 32 KB array instead of two divisions per pair). */
    private static final double[] INVERSE = new double[4002];
    /** The window of stored intervals, 0.18 to 0.46 nm: 1-4 distances of organic molecules at room temperature and well above. */
    static final int FIRST = 360, LAST = 920;
    private static final int INTERVALS = LAST - FIRST;
    /** At most 8 MB of stored coefficients (about 470 pairs); the other pairs are evaluated from the points. */
    private static final long BUDGET_DOUBLES = 1L << 20;

    static {
        for (int n = 1; n < INVERSE.length; n++) {
            INVERSE[n] = 1.0 / (n / SCALE);
        }
    }

    /**
     * The pairs as one flat list (3 * i, 3 * j), not grouped by first atom: with one or two 1-4 pairs per atom the
     * inner loops of a grouped list end in a mispredicted branch each, which stalls the latency-bound table lookups
     * (0.72-0.86 against 0.62 us for alanine dipeptide's 41 pairs, idle).
     */
    private final int[] first, second;
    private final double[] c6, c12, fqq;
    /** Y, F, G, H of pair p's spline on interval n at 4 * (p * INTERVALS + n - FIRST), for the first {@code stored} pairs. */
    private final double[] coefficients;
    private final int stored;
    /** Per-thread results of the distance passes, so that one instance serves many threads. */
    private final ThreadLocal<Work> scratch;

    Pairs14Table(Topology.Pairs p) {
        int count = p.size();
        first = new int[count];
        second = new int[count];
        c6 = p.c6.clone();
        c12 = p.c12.clone();
        fqq = new double[count];
        for (int k = 0; k < count; k++) {
            first[k] = 3 * p.i[k];
            second[k] = 3 * p.j[k];
            fqq[k] = Topology.COULOMB * p.qq[k];
        }
        stored = (int) Math.min(count, BUDGET_DOUBLES / (4 * INTERVALS));
        coefficients = new double[4 * INTERVALS * stored];
        for (int k = 0; k < stored; k++) {
            for (int n = FIRST; n < LAST; n++) {
                spline(k, n, coefficients, 4 * (k * INTERVALS + n - FIRST));
            }
        }
        scratch = ThreadLocal.withInitial(() -> new Work(count));
    }

    /**
     * copy2table's Hermite coefficients Y, F, G, H of pair p on interval n, from the exact values V and -dV/dr of
     * fqq/r + c12/r^12 - c6/r^6 at its two points.
     */
    private void spline(int p, int n, double[] out, int o) {
        double i0 = INVERSE[n], i1 = INVERSE[n + 1];
        double i06 = i0 * i0 * i0, i16 = i1 * i1 * i1;
        i06 *= i06;
        i16 *= i16;
        double ve0 = fqq[p] * i0, ve1 = fqq[p] * i1;
        double v0 = ve0 + (c12[p] * i06 - c6[p]) * i06, v1 = ve1 + (c12[p] * i16 - c6[p]) * i16;
        double f0 = (ve0 + (12 * c12[p] * i06 - 6 * c6[p]) * i06) * i0;
        double f1 = (ve1 + (12 * c12[p] * i16 - 6 * c6[p]) * i16) * i1;
        double d = v1 - v0;
        out[o] = v0;
        out[o + 1] = -f0 * H;
        out[o + 2] = 3 * d + (f1 + 2 * f0) * H;
        out[o + 3] = -2 * d - (f1 + f0) * H;
    }

    /** Below 0.5 pm GROMACS' first interval is linear, beyond 2 nm its table ends: no 1-4 pair gets there. */
    private static int interval(double rtab) {
        return Math.min(Math.max(1, (int) rtab), INVERSE.length - 2);
    }

    /**
     * LJ and Coulomb of the 1-4 pairs, forces added to f; the parts go to {@code terms} when it is not null. In
     * passes: separations, then distances (the same arithmetic for every pair, on flat arrays), then the table
     * look-ups and forces. One pair's chain from positions through the square root and the look-up to the force
     * is long; in small separate loops the processor works on many pairs at a time (alanine
     * dipeptide's 41 pairs: 0.62 us in one loop, 0.50 us so, 0.54-0.71 us with one array of 5 values per pair and
     * the first two passes merged; idle).
     */
    double evaluate(double[] x, double[] f, EnergyTerms terms) {
        int count = second.length;
        Work w = scratch.get();
        double[] wx = w.dx, wy = w.dy, wz = w.dz, wr = w.rtab, wf = w.toForce;
        for (int p = 0; p < count; p++) {
            int i = first[p], j = second[p];
            wx[p] = x[i] - x[j];
            wy[p] = x[i + 1] - x[j + 1];
            wz[p] = x[i + 2] - x[j + 2];
        }
        for (int p = 0; p < count; p++) {
            double dx = wx[p], dy = wy[p], dz = wz[p];
            double r2 = Math.fma(dx, dx, Math.fma(dy, dy, dz * dz));
            // division and square root side by side, not chained
            double rinv2 = 1.0 / r2;
            double r = Math.sqrt(r2);
            wr[p] = r * SCALE;
            wf[p] = -SCALE * r * rinv2;
        }
        double e = 0;
        double[] onTheFly = null;
        for (int p = 0; p < count; p++) {
            int i = first[p], j = second[p];
            double rtab = wr[p];
            int n = (int) rtab;
            double[] c = coefficients;
            int o = 4 * (p * INTERVALS + n - FIRST);
            if (n < FIRST || n >= LAST || p >= stored) {
                n = interval(rtab);
                onTheFly = onTheFly == null ? new double[4] : onTheFly;
                spline(p, n, onTheFly, 0);
                c = onTheFly;
                o = 0;
            }
            // evaluate_single's V = Y + eps (F + G eps + H eps^2) and -dV/dr = -(F + 2 G eps + 3 H eps^2) / h, in
            // Horner form (the same cubic to rounding, with a shorter chain to the force)
            double eps = rtab - n;
            double y = c[o], fc = c[o + 1], g = c[o + 2], h = c[o + 3];
            e += Math.fma(eps, Math.fma(eps, Math.fma(eps, h, g), fc), y);
            double s = Math.fma(eps, Math.fma(eps, 3 * h, 2 * g), fc) * wf[p];
            double dx = wx[p], dy = wy[p], dz = wz[p];
            f[i] = Math.fma(s, dx, f[i]);
            f[i + 1] = Math.fma(s, dy, f[i + 1]);
            f[i + 2] = Math.fma(s, dz, f[i + 2]);
            f[j] = Math.fma(-s, dx, f[j]);
            f[j + 1] = Math.fma(-s, dy, f[j + 1]);
            f[j + 2] = Math.fma(-s, dz, f[j + 2]);
        }
        if (terms != null) {
            double eCoul = coulombEnergy(x);
            terms.lj14 = e - eCoul;
            terms.coulomb14 = eCoul;
        }
        return e;
    }

    /** The Coulomb part of the 1-4 energy through its own spline (GROMACS' Coulomb table), for the per-term output. */
    private double coulombEnergy(double[] x) {
        double e = 0;
        for (int p = 0; p < second.length; p++) {
            int i = first[p], j = second[p];
            double dx = x[i] - x[j], dy = x[i + 1] - x[j + 1], dz = x[i + 2] - x[j + 2];
            double rtab = Math.sqrt(Math.fma(dx, dx, Math.fma(dy, dy, dz * dz))) * SCALE;
            int n = interval(rtab);
            double eps = rtab - n;
            double i0 = INVERSE[n], i1 = INVERSE[n + 1];
            double v0 = fqq[p] * i0, v1 = fqq[p] * i1, f0 = v0 * i0, f1 = v1 * i1, d = v1 - v0;
            e += v0 + eps * (-f0 * H + eps * (3 * d + (f1 + 2 * f0) * H) + eps * eps * (-2 * d - (f1 + f0) * H));
        }
        return e;
    }

    /** The distance passes' results: separations, r in table units and the factor from dV/dr to the force. */
    private static final class Work {
        final double[] dx, dy, dz, rtab, toForce;

        Work(int n) {
            dx = new double[n];
            dy = new double[n];
            dz = new double[n];
            rtab = new double[n];
            toForce = new double[n];
        }
    }
}

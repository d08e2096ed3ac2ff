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

    /** Pairs grouped by first atom (CSR) as in {@link PairList}: atom a's pairs are [start[a], start[a + 1]). */
    private final int[] start;
    private final int[] second; // 3 * j
    private final double[] c6, c12, fqq;
    /** Y, F, G, H of pair p's spline on interval n at 4 * (p * INTERVALS + n - FIRST), for the first {@code stored} pairs. */
    private final double[] coefficients;
    private final int stored;

    Pairs14Table(Topology.Pairs p, int atoms) {
        int count = p.size();
        start = new int[atoms + 1];
        for (int k = 0; k < count; k++) {
            start[p.i[k] + 1]++;
        }
        for (int a = 0; a < atoms; a++) {
            start[a + 1] += start[a];
        }
        int[] fill = java.util.Arrays.copyOf(start, atoms);
        second = new int[count];
        c6 = new double[count];
        c12 = new double[count];
        fqq = new double[count];
        for (int k = 0; k < count; k++) {
            int slot = fill[p.i[k]]++;
            second[slot] = 3 * p.j[k];
            c6[slot] = p.c6[k];
            c12[slot] = p.c12[k];
            fqq[slot] = Topology.COULOMB * p.qq[k];
        }
        stored = (int) Math.min(count, BUDGET_DOUBLES / (4 * INTERVALS));
        coefficients = new double[4 * INTERVALS * stored];
        for (int k = 0; k < stored; k++) {
            for (int n = FIRST; n < LAST; n++) {
                spline(k, n, coefficients, 4 * (k * INTERVALS + n - FIRST));
            }
        }
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

    /** LJ and Coulomb of the 1-4 pairs, forces added to f; the parts go to {@code terms} when it is not null. */
    double evaluate(double[] x, double[] f, EnergyTerms terms) {
        double e = 0;
        double[] onTheFly = null;
        for (int a = 0; a + 1 < start.length; a++) {
            int from = start[a], to = start[a + 1];
            if (from == to) {
                continue;
            }
            int i = 3 * a;
            double xi = x[i], yi = x[i + 1], zi = x[i + 2];
            double fxi = 0, fyi = 0, fzi = 0;
            for (int p = from; p < to; p++) {
                int j = second[p];
                double dx = xi - x[j], dy = yi - x[j + 1], dz = zi - x[j + 2];
                double r2 = Math.fma(dx, dx, Math.fma(dy, dy, dz * dz));
                // division and square root side by side, not chained
                double rinv2 = 1.0 / r2;
                double r = Math.sqrt(r2);
                double rtab = r * SCALE;
                int n = interval(rtab);
                double[] c = coefficients;
                int o = 4 * (p * INTERVALS + n - FIRST);
                if (p >= stored || n < FIRST || n >= LAST) {
                    onTheFly = onTheFly == null ? new double[4] : onTheFly;
                    spline(p, n, onTheFly, 0);
                    c = onTheFly;
                    o = 0;
                }
                // evaluate_single: V = Y + eps Fp and -dV/dr = -(Fp + G eps + 2 H eps^2) / h
                double eps = rtab - n;
                double geps = eps * c[o + 2], heps2 = eps * eps * c[o + 3], fp = c[o + 1] + geps + heps2;
                e += c[o] + eps * fp;
                double s = -(fp + geps + 2.0 * heps2) * SCALE * r * rinv2;
                fxi = Math.fma(s, dx, fxi);
                fyi = Math.fma(s, dy, fyi);
                fzi = Math.fma(s, dz, fzi);
                f[j] = Math.fma(-s, dx, f[j]);
                f[j + 1] = Math.fma(-s, dy, f[j + 1]);
                f[j + 2] = Math.fma(-s, dz, f[j + 2]);
            }
            f[i] += fxi;
            f[i + 1] += fyi;
            f[i + 2] += fzi;
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
        for (int a = 0; a + 1 < start.length; a++) {
            int i = 3 * a;
            for (int p = start[a]; p < start[a + 1]; p++) {
                int j = second[p];
                double dx = x[i] - x[j], dy = x[i + 1] - x[j + 1], dz = x[i + 2] - x[j + 2];
                double rtab = Math.sqrt(Math.fma(dx, dx, Math.fma(dy, dy, dz * dz))) * SCALE;
                int n = interval(rtab);
                double eps = rtab - n;
                double i0 = INVERSE[n], i1 = INVERSE[n + 1];
                double v0 = fqq[p] * i0, v1 = fqq[p] * i1, f0 = v0 * i0, f1 = v1 * i1, d = v1 - v0;
                e += v0 + eps * (-f0 * H + eps * (3 * d + (f1 + 2 * f0) * H) + eps * eps * (-2 * d - (f1 + f0) * H));
            }
        }
        return e;
    }
}

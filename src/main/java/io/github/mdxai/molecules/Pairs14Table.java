package io.github.mdxai.molecules;

/**
 * 1-4 pairs evaluated as GROMACS 2022 (double precision) evaluates them: through its pair table, a cubic Hermite
 * spline of 1/r, -1/r^6 and 1/r^12 with 2000 points per nm whose values and derivatives are exact at the points
 * (forcetable.cpp copy2table, pairs.cpp evaluate_single). Between the points the table differs from the analytic
 * functions, the forces by up to a few 1e-4 kJ/mol/nm where a 1-4 contact is short, so the analytic form would miss
 * GROMACS' numbers by more than 1e-4. The spline is linear in the point data, so each pair's LJ and Coulomb
 * functions are splined directly from their exact values at the two points around r: the same numbers as
 * GROMACS' three tables to rounding, without a table in memory.
 */
final class Pairs14Table {

    /** GROMACS' table points per nm in double precision. */
    static final double SCALE = 2000.0;
    /** The point spacing (nm). */
    private static final double H = 1 / SCALE;
    /** 1 / r at the table points up to 2 nm (a 32 KB array instead of two divisions per pair). */
    private static final double[] INVERSE = new double[4002];

    static {
        for (int n = 1; n < INVERSE.length; n++) {
            INVERSE[n] = 1.0 / (n / SCALE);
        }
    }

    private final int[] i, j;
    private final double[] c6, c12, fqq;

    Pairs14Table(Topology.Pairs p) {
        i = p.i.clone();
        j = p.j.clone();
        c6 = p.c6.clone();
        c12 = p.c12.clone();
        fqq = new double[p.size()];
        for (int k = 0; k < fqq.length; k++) {
            fqq[k] = Topology.COULOMB * p.qq[k];
        }
    }

    /** LJ and Coulomb of the 1-4 pairs, forces added to f; the parts go to {@code terms} when it is not null. */
    double evaluate(double[] x, double[] f, EnergyTerms terms) {
        double eLj = 0, eCoul = 0;
        for (int p = 0; p < i.length; p++) {
            int a = 3 * i[p], b = 3 * j[p];
            double dx = x[a] - x[b], dy = x[a + 1] - x[b + 1], dz = x[a + 2] - x[b + 2];
            double r = Math.sqrt(Math.fma(dx, dx, Math.fma(dy, dy, dz * dz)));
            double rinv = 1.0 / r;
            double rtab = r * SCALE;
            // below 0.5 pm GROMACS' first interval is linear, beyond 2 nm its table ends: no 1-4 pair gets there
            int n = Math.min(Math.max(1, (int) rtab), INVERSE.length - 2);
            double eps = rtab - n, eps2 = eps * eps;
            double i0 = INVERSE[n], i1 = INVERSE[n + 1];
            double i06 = i0 * i0 * i0, i16 = i1 * i1 * i1;
            i06 *= i06;
            i16 *= i16;
            // V and -dV/dr at both points, Coulomb (fqq/r) and all (plus c12/r^12 - c6/r^6): the spline is linear
            // in them, so the force needs one spline of the sum and the energy split one more of the Coulomb part
            double ve0 = fqq[p] * i0, ve1 = fqq[p] * i1;
            double v0 = ve0 + (c12[p] * i06 - c6[p]) * i06, v1 = ve1 + (c12[p] * i16 - c6[p]) * i16;
            double f0 = (ve0 + (12 * c12[p] * i06 - 6 * c6[p]) * i06) * i0;
            double f1 = (ve1 + (12 * c12[p] * i16 - 6 * c6[p]) * i16) * i1;
            // copy2table's Hermite coefficients F, G, H and evaluate_single's V and dV/deps
            double d = v1 - v0;
            double g = 3 * d + (f1 + 2 * f0) * H, hh = -2 * d - (f1 + f0) * H;
            double geps = eps * g, heps2 = eps2 * hh, fp = -f0 * H + geps + heps2;
            double v = v0 + eps * fp;
            double fe0 = ve0 * i0, fe1 = ve1 * i1, dE = ve1 - ve0;
            double fpE = -fe0 * H + eps * (3 * dE + (fe1 + 2 * fe0) * H) + eps2 * (-2 * dE - (fe1 + fe0) * H);
            double vE = ve0 + eps * fpE;
            eCoul += vE;
            eLj += v - vE;
            double s = -(fp + geps + 2.0 * heps2) * SCALE * rinv;
            f[a] += s * dx;
            f[a + 1] += s * dy;
            f[a + 2] += s * dz;
            f[b] -= s * dx;
            f[b + 1] -= s * dy;
            f[b + 2] -= s * dz;
        }
        if (terms != null) {
            terms.lj14 = eLj;
            terms.coulomb14 = eCoul;
        }
        return eLj + eCoul;
    }
}

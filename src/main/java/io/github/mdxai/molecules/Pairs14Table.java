package io.github.mdxai.molecules;

/**
 * 1-4 pairs evaluated as GROMACS 2022 (double precision) evaluates them: through its pair table, a cubic Hermite
 * spline of 1/r, -1/r^6 and 1/r^12 with 2000 points per nm whose values and derivatives are exact at the points
 * (forcetable.cpp copy2table, pairs.cpp evaluate_single). Between the points the table differs from the analytic
 * functions; the forces by up to a few 1e-4 kJ/mol/nm where a 1-4 contact is short, so the exact analytic form
 * would miss GROMACS' numbers. Beyond the table (2 nm, far beyond any 1-4 distance) the analytic form is used.
 */
final class Pairs14Table {

    static final double SCALE = 2000.0;
    private static final int POINTS = 4001;
    /** Per point: Y F G H of the Coulomb, dispersion and repulsion tables (GROMACS' stride 12). */
    private static final double[] TABLE = build();

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

    private static double[] build() {
        double[] x = new double[POINTS];
        double[][] v = new double[3][POINTS], force = new double[3][POINTS];
        for (int n = 1; n < POINTS; n++) {
            double r = n / SCALE;
            x[n] = r;
            double r6 = 1 / (r * r * r * r * r * r);
            v[0][n] = 1 / r;
            force[0][n] = 1 / (r * r);
            v[1][n] = -r6;
            force[1][n] = -6 * r6 / r;
            v[2][n] = r6 * r6;
            force[2][n] = 12 * r6 * r6 / r;
        }
        double[] t = new double[12 * POINTS];
        double h = 0;
        for (int n = 0; n < POINTS; n++) {
            for (int k = 0; k < 3; k++) {
                double f, g, hh;
                if (n < POINTS - 1) {
                    h = x[n + 1] - x[n];
                    f = -force[k][n] * h;
                    g = 3 * (v[k][n + 1] - v[k][n]) + (force[k][n + 1] + 2 * force[k][n]) * h;
                    hh = -2 * (v[k][n + 1] - v[k][n]) - (force[k][n + 1] + force[k][n]) * h;
                } else {
                    f = -force[k][n] * h;
                    g = 0;
                    hh = 0;
                }
                int o = 12 * n + 4 * k;
                t[o] = v[k][n];
                t[o + 1] = f;
                t[o + 2] = g;
                t[o + 3] = hh;
            }
        }
        return t;
    }

    /** LJ and Coulomb of the 1-4 pairs, forces added to f; the parts go to {@code terms} when it is not null. */
    double evaluate(double[] x, double[] f, EnergyTerms terms) {
        double eLj = 0, eCoul = 0;
        for (int p = 0; p < i.length; p++) {
            int a = 3 * i[p], b = 3 * j[p];
            double dx = x[a] - x[b], dy = x[a + 1] - x[b + 1], dz = x[a + 2] - x[b + 2];
            double r2 = dx * dx + dy * dy + dz * dz;
            double rinv = 1 / Math.sqrt(r2);
            double r = r2 * rinv;
            double rtab = r * SCALE;
            int n = (int) rtab;
            double s;
            if (n < POINTS - 1) {
                double eps = rtab - n, eps2 = eps * eps;
                int o = 12 * n;
                // Coulomb, dispersion, repulsion: V = Y + eps Fp, -dV/deps = -(Fp + G eps + 2 H eps^2)
                double gepsE = eps * TABLE[o + 2], heps2E = eps2 * TABLE[o + 3];
                double fpE = TABLE[o + 1] + gepsE + heps2E;
                double gepsD = eps * TABLE[o + 6], heps2D = eps2 * TABLE[o + 7];
                double fpD = TABLE[o + 5] + gepsD + heps2D;
                double gepsR = eps * TABLE[o + 10], heps2R = eps2 * TABLE[o + 11];
                double fpR = TABLE[o + 9] + gepsR + heps2R;
                eCoul += fqq[p] * (TABLE[o] + eps * fpE);
                eLj += c6[p] * (TABLE[o + 4] + eps * fpD) + c12[p] * (TABLE[o + 8] + eps * fpR);
                double ffE = fpE + gepsE + 2.0 * heps2E;
                double ffD = fpD + gepsD + 2.0 * heps2D;
                double ffR = fpR + gepsR + 2.0 * heps2R;
                s = -(fqq[p] * ffE + c6[p] * ffD + c12[p] * ffR) * SCALE * rinv;
            } else {
                double rinv6 = rinv * rinv * rinv * rinv * rinv * rinv;
                eCoul += fqq[p] * rinv;
                eLj += (c12[p] * rinv6 - c6[p]) * rinv6;
                s = (fqq[p] * rinv + (12 * c12[p] * rinv6 - 6 * c6[p]) * rinv6) * rinv * rinv;
            }
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

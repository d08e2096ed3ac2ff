package io.github.mdxai.molecules;

/** Two-body bonded terms of a {@link Topology.Bonds} list: harmonic (bonds, Urey-Bradley 1-3) or GROMOS quartic. */
final class BondList {

    private final int[] bi, bj;
    private final double[] b0, kb;

    BondList(Topology.Bonds b) {
        bi = b.i;
        bj = b.j;
        b0 = b.b0;
        kb = b.kb;
    }

    /** V = kb/2 (r - b0)^2. */
    double harmonic(double[] x, double[] f) {
        double e = 0;
        for (int b = 0; b < bi.length; b++) {
            int i = 3 * bi[b], j = 3 * bj[b];
            double dx = x[i] - x[j], dy = x[i + 1] - x[j + 1], dz = x[i + 2] - x[j + 2];
            double r2 = dx * dx + dy * dy + dz * dz;
            double r = Math.sqrt(r2);
            double invR = r * (1.0 / r2); // square root and division side by side, as in the loops below
            double dr = r - b0[b];
            e += 0.5 * kb[b] * dr * dr;
            double s = -kb[b] * dr * invR;
            f[i] += s * dx;
            f[i + 1] += s * dy;
            f[i + 2] += s * dz;
            f[j] -= s * dx;
            f[j + 1] -= s * dy;
            f[j + 2] -= s * dz;
        }
        return e;
    }

    /** GROMOS-96 bonds V = kb/4 (r^2 - b0^2)^2, F_i = -kb (r^2 - b0^2) r_ij (GROMACS g96bonds). */
    double quartic(double[] x, double[] f) {
        double e = 0;
        for (int b = 0; b < bi.length; b++) {
            int i = 3 * bi[b], j = 3 * bj[b];
            double dx = x[i] - x[j], dy = x[i + 1] - x[j + 1], dz = x[i + 2] - x[j + 2];
            double d = dx * dx + dy * dy + dz * dz - b0[b] * b0[b];
            e += 0.25 * kb[b] * d * d;
            double s = -kb[b] * d;
            f[i] += s * dx;
            f[i + 1] += s * dy;
            f[i + 2] += s * dz;
            f[j] -= s * dx;
            f[j + 1] -= s * dy;
            f[j + 2] -= s * dz;
        }
        return e;
    }
}

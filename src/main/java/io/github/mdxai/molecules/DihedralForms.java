package io.github.mdxai.molecules;

/**
 * The dihedral forms beside the periodic ones: Ryckaert-Bellemans (also Fourier after conversion) and harmonic
 * impropers, as GROMACS' rbdihs and idihs define them, plus the geometry every dihedral term shares (GROMACS
 * dih_angle and do_dih_fup). Stateless: the 12 force factors, cos and sin live in a per-call array.
 */
final class DihedralForms {

    private DihedralForms() {
    }

    /**
     * The geometry of i-j-k-l: in {@code g[0..11]} the forces on i, j, k, l (xyz each) per unit dV/dphi, so that a
     * term adds {@code dVdphi * g} to the forces, and cos(phi), sin(phi) (IUPAC sign, trans = pi) in g[12], g[13]:
     * cos = m.n / (|m||n|), sin = |rkj| rij.n / (|m||n|) since |m x n| = |rkj| |rij.n|, as in
     * {@link PeriodicTorsions}. Forms that need only cos and sin take them from here, without atan2, cos and sin.
     */
    static void geometry(double[] x, int ia, int ja, int ka, int la, double[] g) {
        int i = 3 * ia, j = 3 * ja, k = 3 * ka, l = 3 * la;
        double rijx = x[i] - x[j], rijy = x[i + 1] - x[j + 1], rijz = x[i + 2] - x[j + 2];
        double rkjx = x[k] - x[j], rkjy = x[k + 1] - x[j + 1], rkjz = x[k + 2] - x[j + 2];
        double rklx = x[k] - x[l], rkly = x[k + 1] - x[l + 1], rklz = x[k + 2] - x[l + 2];
        double mx = rijy * rkjz - rijz * rkjy, my = rijz * rkjx - rijx * rkjz, mz = rijx * rkjy - rijy * rkjx;
        double nx = rkjy * rklz - rkjz * rkly, ny = rkjz * rklx - rkjx * rklz, nz = rkjx * rkly - rkjy * rklx;
        double mm = mx * mx + my * my + mz * mz;
        double nn = nx * nx + ny * ny + nz * nz;
        double rkj2 = rkjx * rkjx + rkjy * rkjy + rkjz * rkjz;
        double rkj = Math.sqrt(rkj2);
        double invMn = 1 / Math.sqrt(mm * nn);
        g[12] = (mx * nx + my * ny + mz * nz) * invMn;
        g[13] = rkj * (rijx * nx + rijy * ny + rijz * nz) * invMn;
        double a = -rkj / mm, b = rkj / nn;
        double p = (rijx * rkjx + rijy * rkjy + rijz * rkjz) / rkj2;
        double q = (rklx * rkjx + rkly * rkjy + rklz * rkjz) / rkj2;
        g[0] = a * mx;
        g[1] = a * my;
        g[2] = a * mz;
        g[9] = b * nx;
        g[10] = b * ny;
        g[11] = b * nz;
        for (int d = 0; d < 3; d++) {
            double s = p * g[d] - q * g[9 + d];
            g[3 + d] = s - g[d];
            g[6 + d] = -(g[9 + d] + s);
        }
    }

    /** The dihedral angle of i-j-k-l in (-pi, pi], with {@link #geometry} in {@code g} (14 values). */
    static double angle(double[] x, int ia, int ja, int ka, int la, double[] g) {
        geometry(x, ia, ja, ka, la, g);
        return FastMath.atan2(g[13], g[12]);
    }

    /** Adds {@code dVdphi * g} to the forces of i, j, k, l. */
    static void spread(double[] f, int ia, int ja, int ka, int la, double[] g, double dVdphi) {
        int[] atoms = {3 * ia, 3 * ja, 3 * ka, 3 * la};
        for (int a = 0; a < 4; a++) {
            for (int d = 0; d < 3; d++) {
                f[atoms[a] + d] += dVdphi * g[3 * a + d];
            }
        }
    }

    /** V = sum C_n cos^n(psi), psi = phi - pi; dV/dphi = -sin(psi) sum n C_n cos^(n-1)(psi). */
    static double rb(RbTorsions t, double[] x, double[] f) {
        if (t.size() == 0) {
            return 0;
        }
        double[] g = new double[14];
        double e = 0;
        for (int q = 0; q < t.size(); q++) {
            geometry(x, t.i()[q], t.j()[q], t.k()[q], t.l()[q], g);
            double cos = -g[12], sin = -g[13]; // of psi = phi - pi
            int o = 6 * q;
            double[] c = t.c();
            double v = c[o], dv = 0, power = 1;
            for (int n = 1; n < 6; n++) {
                dv += n * c[o + n] * power;
                power *= cos;
                v += c[o + n] * power;
            }
            e += v;
            spread(f, t.i()[q], t.j()[q], t.k()[q], t.l()[q], g, -dv * sin);
        }
        return e;
    }

    /** V = k/2 dp^2 with dp = xi - xi0 in [-pi, pi) (GROMACS make_dp_periodic). */
    static double harmonic(HarmonicTorsions t, double[] x, double[] f) {
        if (t.size() == 0) {
            return 0;
        }
        double[] g = new double[14];
        double e = 0;
        for (int q = 0; q < t.size(); q++) {
            double dp = angle(x, t.i()[q], t.j()[q], t.k()[q], t.l()[q], g) - t.xi0()[q];
            if (dp >= Math.PI) {
                dp -= 2 * Math.PI;
            } else if (dp < -Math.PI) {
                dp += 2 * Math.PI;
            }
            e += 0.5 * t.force()[q] * dp * dp;
            spread(f, t.i()[q], t.j()[q], t.k()[q], t.l()[q], g, t.force()[q] * dp);
        }
        return e;
    }
}

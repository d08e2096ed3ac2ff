package io.github.mdxai.molecules;

/**
 * The dihedral forms beside the periodic ones: Ryckaert-Bellemans (also Fourier after conversion) and harmonic
 * impropers, as GROMACS' rbdihs and idihs define them, plus the geometry every dihedral term shares (GROMACS
 * dih_angle and do_dih_fup). Stateless: the 12 force factors live in a per-call array.
 */
final class DihedralForms {

    private DihedralForms() {
    }

    /**
     * The dihedral angle of i-j-k-l in (-pi, pi] (IUPAC sign, trans = pi), and in {@code g} the forces on i, j, k, l
     * (xyz each) per unit dV/dphi, so that a term adds {@code dVdphi * g} to the forces.
     */
    static double angle(double[] x, int ia, int ja, int ka, int la, double[] g) {
        int i = 3 * ia, j = 3 * ja, k = 3 * ka, l = 3 * la;
        double rijx = x[i] - x[j], rijy = x[i + 1] - x[j + 1], rijz = x[i + 2] - x[j + 2];
        double rkjx = x[k] - x[j], rkjy = x[k + 1] - x[j + 1], rkjz = x[k + 2] - x[j + 2];
        double rklx = x[k] - x[l], rkly = x[k + 1] - x[l + 1], rklz = x[k + 2] - x[l + 2];
        double mx = rijy * rkjz - rijz * rkjy, my = rijz * rkjx - rijx * rkjz, mz = rijx * rkjy - rijy * rkjx;
        double nx = rkjy * rklz - rkjz * rkly, ny = rkjz * rklx - rkjx * rklz, nz = rkjx * rkly - rkjy * rklx;
        double cx = my * nz - mz * ny, cy = mz * nx - mx * nz, cz = mx * ny - my * nx;
        double phi = Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), mx * nx + my * ny + mz * nz);
        if (rijx * nx + rijy * ny + rijz * nz < 0) {
            phi = -phi;
        }
        double mm = mx * mx + my * my + mz * mz;
        double nn = nx * nx + ny * ny + nz * nz;
        double rkj2 = rkjx * rkjx + rkjy * rkjy + rkjz * rkjz;
        double rkj = Math.sqrt(rkj2);
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
        return phi;
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
        double[] g = new double[12];
        double e = 0;
        for (int q = 0; q < t.size(); q++) {
            double phi = angle(x, t.i()[q], t.j()[q], t.k()[q], t.l()[q], g);
            double psi = phi < 0 ? phi + Math.PI : phi - Math.PI;
            double cos = Math.cos(psi), sin = Math.sin(psi);
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
        double[] g = new double[12];
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

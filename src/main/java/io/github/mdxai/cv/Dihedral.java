package io.github.mdxai.cv;

import java.util.Arrays;

/** Dihedral angle i-j-k-l in radians on (-pi, pi], IUPAC/GROMACS convention (trans = pi). Atom indices 0-based. */
public final class Dihedral implements CollectiveVariable {

    private final String name;
    private final int i, j, k, l;

    public Dihedral(String name, int i, int j, int k, int l) {
        this.name = name;
        this.i = i;
        this.j = j;
        this.k = k;
        this.l = l;
    }

    /** Alanine dipeptide phi = C5-N7-CA9-C15 (1-based). */
    public static Dihedral phi() {
        return new Dihedral("phi", 4, 6, 8, 14);
    }

    /** Alanine dipeptide psi = N7-CA9-C15-N17 (1-based). */
    public static Dihedral psi() {
        return new Dihedral("psi", 6, 8, 14, 16);
    }

    /** Alanine dipeptide theta = O6-C5-N7-CA9 (1-based). */
    public static Dihedral theta() {
        return new Dihedral("theta", 5, 4, 6, 8);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return "rad";
    }

    @Override
    public boolean periodic() {
        return true;
    }

    @Override
    public int[] atoms() {
        return new int[]{i, j, k, l};
    }

    @Override
    public double value(double[] x) {
        return compute(x, null);
    }

    @Override
    public double valueAndGradient(double[] x, double[] grad) {
        Arrays.fill(grad, 0.0);
        return compute(x, grad);
    }

    private double compute(double[] x, double[] grad) {
        int a = 3 * i, b = 3 * j, c = 3 * k, d = 3 * l;
        double rijx = x[a] - x[b], rijy = x[a + 1] - x[b + 1], rijz = x[a + 2] - x[b + 2];
        double rkjx = x[c] - x[b], rkjy = x[c + 1] - x[b + 1], rkjz = x[c + 2] - x[b + 2];
        double rklx = x[c] - x[d], rkly = x[c + 1] - x[d + 1], rklz = x[c + 2] - x[d + 2];
        double mx = rijy * rkjz - rijz * rkjy, my = rijz * rkjx - rijx * rkjz, mz = rijx * rkjy - rijy * rkjx;
        double nx = rkjy * rklz - rkjz * rkly, ny = rkjz * rklx - rkjx * rklz, nz = rkjx * rkly - rkjy * rklx;
        double rkj2 = rkjx * rkjx + rkjy * rkjy + rkjz * rkjz;
        double rkj = Math.sqrt(rkj2);
        double phi = Math.atan2(rkj * (rijx * nx + rijy * ny + rijz * nz), mx * nx + my * ny + mz * nz);
        if (grad != null) {
            double mm = mx * mx + my * my + mz * mz;
            double nn = nx * nx + ny * ny + nz * nz;
            double gi = -rkj / mm, gl = rkj / nn; // minus the gradient at i and l, as in GROMACS do_dih_fup
            double fix = gi * mx, fiy = gi * my, fiz = gi * mz;
            double flx = gl * nx, fly = gl * ny, flz = gl * nz;
            double p = (rijx * rkjx + rijy * rkjy + rijz * rkjz) / rkj2;
            double r = (rklx * rkjx + rkly * rkjy + rklz * rkjz) / rkj2;
            double svx = p * fix - r * flx, svy = p * fiy - r * fly, svz = p * fiz - r * flz;
            grad[a] -= fix;
            grad[a + 1] -= fiy;
            grad[a + 2] -= fiz;
            grad[b] += fix - svx;
            grad[b + 1] += fiy - svy;
            grad[b + 2] += fiz - svz;
            grad[c] += flx + svx;
            grad[c + 1] += fly + svy;
            grad[c + 2] += flz + svz;
            grad[d] -= flx;
            grad[d + 1] -= fly;
            grad[d + 2] -= flz;
        }
        return phi;
    }
}

package io.github.mdxai.particles;

/**
 * u_ab(r) = 4 eps_ab [(sigma_ab/r)^12 - (sigma_ab/r)^6] - u_ab(rc_ab) for r < rc_ab = cutoffFactor * sigma_ab: the
 * energy is shifted to zero at the cutoff, the force is not (LAMMPS's {@code lj/cut} with {@code pair_modify shift
 * yes}). Evaluated in LAMMPS's form, r^-6 (lj3 r^-6 - lj4) for the energy and r^-6 (lj1 r^-6 - lj2) / r^2 for -u'/r.
 */
public final class LennardJonesPotential extends CutoffPairPotential {

    private final double[] lj1;
    private final double[] lj2;
    private final double[] lj3;
    private final double[] lj4;
    private final double[] shift;

    /** @param eps symmetric eps[a][b]; @param sigma symmetric sigma[a][b]; @param cutoffFactor rc / sigma_ab */
    public LennardJonesPotential(double[][] eps, double[][] sigma, double cutoffFactor) {
        super(sigma.length, scaled(sigma, cutoffFactor));
        int kinds = types * types;
        lj1 = new double[kinds];
        lj2 = new double[kinds];
        lj3 = new double[kinds];
        lj4 = new double[kinds];
        shift = new double[kinds];
        for (int a = 0; a < types; a++) {
            for (int b = 0; b < types; b++) {
                if (sigma[a][b] != sigma[b][a] || !(sigma[a][b] > 0) || eps[a][b] != eps[b][a] || !(eps[a][b] > 0)) {
                    throw new IllegalArgumentException("eps and sigma must be symmetric and positive");
                }
                int k = a * types + b;
                double s6 = Math.pow(sigma[a][b], 6);
                lj1[k] = 48 * eps[a][b] * s6 * s6;
                lj2[k] = 24 * eps[a][b] * s6;
                lj3[k] = 4 * eps[a][b] * s6 * s6;
                lj4[k] = 4 * eps[a][b] * s6;
                double rc6 = Math.pow(sigma[a][b] / cutoff(a, b), 6);
                shift[k] = 4 * eps[a][b] * (rc6 * rc6 - rc6);
            }
        }
    }

    @Override
    public double energy(int kind, double r2) {
        double ir2 = 1.0 / r2;
        double ir6 = ir2 * ir2 * ir2;
        return ir6 * (lj3[kind] * ir6 - lj4[kind]) - shift[kind];
    }

    @Override
    public double forceOverR(int kind, double r2) {
        double ir2 = 1.0 / r2;
        double ir6 = ir2 * ir2 * ir2;
        return ir6 * (lj1[kind] * ir6 - lj2[kind]) * ir2;
    }
}

package io.github.mdxai.particles;

/**
 * u_ab(r) = eps (sigma_ab/r)^12 - eps (sigma_ab/rc_ab)^12 for r < rc_ab = cutoffFactor * sigma_ab: the energy is
 * shifted to zero at the cutoff, the force 12 eps sigma^12 / r^13 is not (as LAMMPS's {@code pair_modify shift yes}).
 */
public final class SoftSpherePotential extends CutoffPairPotential {

    private final double[] epsSigma12;
    private final double[] shift;

    /** @param sigma symmetric matrix sigma[a][b]; @param eps energy scale; @param cutoffFactor rc / sigma_ab */
    public SoftSpherePotential(double[][] sigma, double eps, double cutoffFactor) {
        super(sigma.length, scaled(sigma, cutoffFactor));
        epsSigma12 = new double[types * types];
        shift = new double[types * types];
        for (int a = 0; a < types; a++) {
            for (int b = 0; b < types; b++) {
                if (sigma[a][b] != sigma[b][a] || !(sigma[a][b] > 0)) {
                    throw new IllegalArgumentException("sigma must be symmetric and positive");
                }
                int k = a * types + b;
                double s = sigma[a][b];
                double s6 = s * s * s * s * s * s;
                epsSigma12[k] = eps * s6 * s6;
                double f6 = Math.pow(cutoffFactor, -6);
                shift[k] = eps * f6 * f6;
            }
        }
    }

    @Override
    public double energy(int kind, double r2) {
        double ir2 = 1.0 / r2;
        double ir6 = ir2 * ir2 * ir2;
        return epsSigma12[kind] * ir6 * ir6 - shift[kind];
    }

    @Override
    public double forceOverR(int kind, double r2) {
        double ir2 = 1.0 / r2;
        double ir6 = ir2 * ir2 * ir2;
        return 12.0 * epsSigma12[kind] * ir6 * ir6 * ir2;
    }
}

package io.github.mdxai.particles;

/**
 * A binary soft-sphere mixture in reduced units (eps = sigma_AA = m_A = k_B = 1), u_ab = eps (sigma_ab/r)^12, and
 * its state parameter, the effective coupling Gamma = n sigma_eff^3 / T^(1/4), sigma_eff^3 = sum_ab x_a x_b
 * sigma_ab^3 (thermodynamic states of an r^-12 fluid depend on n and T only through it).
 *
 * @param key          model key for commands
 * @param name         name for people
 * @param sigma        sigma_ab, symmetric
 * @param masses       mass per type
 * @param fractions    number fraction per type
 * @param cutoffFactor rc_ab / sigma_ab
 * @param density      number density n at which the mixture is studied
 */
public record SoftSphereMixture(String key, String name, double[][] sigma, double[] masses, double[] fractions,
                                double cutoffFactor, double density) implements ParticleModel {

    /** Bernu-Hansen: sigma 1 / 1.1 / 1.2, masses 1 / 2, 50:50, cutoff 3 sigma_ab, n = 0.8. */
    public static final SoftSphereMixture BERNU_HANSEN = new SoftSphereMixture("soft-sphere",
            "Bernu-Hansen soft-sphere mixture", new double[][]{{1.0, 1.1}, {1.1, 1.2}}, new double[]{1.0, 2.0},
            new double[]{0.5, 0.5}, 3.0, 0.8);

    @Override
    public SoftSpherePotential potential() {
        return new SoftSpherePotential(sigma, 1.0, cutoffFactor);
    }

    public double sigmaEffCubed() {
        double s = 0;
        for (int a = 0; a < fractions.length; a++) {
            for (int b = 0; b < fractions.length; b++) {
                s += fractions[a] * fractions[b] * sigma[a][b] * sigma[a][b] * sigma[a][b];
            }
        }
        return s;
    }

    /** Temperature for a coupling Gamma at number density n: T = (n sigma_eff^3 / Gamma)^4. */
    public double temperature(double gamma, double density) {
        double x = density * sigmaEffCubed() / gamma;
        return x * x * x * x;
    }

    /** Gamma = n sigma_eff^3 T^(-1/4). */
    public double gamma(double temperature, double density) {
        return density * sigmaEffCubed() / Math.pow(temperature, 0.25);
    }

    /** Gamma_eff; summaries name it {@code gamma_eff}. */
    @Override
    public StateParameter stateParameter() {
        return new StateParameter("gamma_eff", "effective coupling Gamma_eff = n sigma_eff^3 / T^(1/4)",
                this::temperature, this::gamma);
    }
}

package io.github.mdxai.particles;

/**
 * A binary soft-sphere mixture in reduced units (eps = sigma_AA = m_A = k_B = 1) and its effective coupling
 * Gamma = n sigma_eff^3 / T^(1/4), sigma_eff^3 = sum_ab x_a x_b sigma_ab^3.
 *
 * @param sigma        sigma_ab, symmetric
 * @param masses       mass per type
 * @param fractions    number fraction per type
 * @param cutoffFactor rc_ab / sigma_ab
 */
public record SoftSphereMixture(double[][] sigma, double[] masses, double[] fractions, double cutoffFactor) {

    /** Bernu-Hansen: sigma 1 / 1.1 / 1.2, masses 1 / 2, 50:50, cutoff 3 sigma_ab. */
    public static final SoftSphereMixture BERNU_HANSEN = new SoftSphereMixture(
            new double[][]{{1.0, 1.1}, {1.1, 1.2}}, new double[]{1.0, 2.0}, new double[]{0.5, 0.5}, 3.0);

    public SoftSpherePotential potential() {
        return new SoftSpherePotential(sigma, 1.0, cutoffFactor);
    }

    public int typeCount() {
        return masses.length;
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

    /** Number of particles of each type for a total n (the remainder goes to the first types). */
    public int[] counts(int n) {
        int[] counts = new int[fractions.length];
        int assigned = 0;
        for (int a = 0; a < counts.length; a++) {
            counts[a] = (int) Math.floor(fractions[a] * n);
            assigned += counts[a];
        }
        for (int a = 0; assigned < n; a = (a + 1) % counts.length) {
            counts[a]++;
            assigned++;
        }
        return counts;
    }
}

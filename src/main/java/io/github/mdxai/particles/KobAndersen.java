package io.github.mdxai.particles;

/**
 * The Kob-Andersen binary Lennard-Jones mixture (Kob and Andersen, Phys. Rev. E 51, 4626, 1995), the glass former
 * of Bapst et al. 2020 and of GlassBench: 80:20 A:B, eps_AA = sigma_AA = 1, eps_AB = 1.5, sigma_AB = 0.8,
 * eps_BB = 0.5, sigma_BB = 0.88, equal masses, cutoff 2.5 sigma_ab with the energy shifted to zero there, number
 * density 1.2. Its state parameter is the temperature.
 */
public final class KobAndersen implements ParticleModel {

    public static final KobAndersen MIXTURE = new KobAndersen();

    private static final double[][] EPS = {{1.0, 1.5}, {1.5, 0.5}};
    private static final double[][] SIGMA = {{1.0, 0.8}, {0.8, 0.88}};
    private static final double CUTOFF_FACTOR = 2.5;

    private KobAndersen() {
    }

    @Override
    public String key() {
        return "kob-andersen";
    }

    @Override
    public String name() {
        return "Kob-Andersen Lennard-Jones mixture";
    }

    @Override
    public LennardJonesPotential potential() {
        return new LennardJonesPotential(EPS, SIGMA, CUTOFF_FACTOR);
    }

    @Override
    public double[] masses() {
        return new double[]{1.0, 1.0};
    }

    @Override
    public double[] fractions() {
        return new double[]{0.8, 0.2};
    }

    @Override
    public double density() {
        return 1.2;
    }
}

package io.github.mdxai.particles;

import io.github.mdxai.util.Rng;

import java.util.SplittableRandom;

/**
 * Stochastic velocity rescaling (Bussi, Donadio, Parrinello, J. Chem. Phys. 126, 014101 (2007)): the kinetic
 * energy relaxes to its canonical distribution with time constant tau, with one global rescaling per step, which
 * perturbs the dynamics of a liquid very little.
 */
public final class BussiThermostat {

    private final double temperature;
    private final double tau;
    private final SplittableRandom random;

    public BussiThermostat(double temperature, double tau, SplittableRandom random) {
        this.temperature = temperature;
        this.tau = tau;
        this.random = random;
    }

    public double temperature() {
        return temperature;
    }

    /** Rescales the velocities after a step of length dt. */
    public void apply(ParticleState s, double dt) {
        int dof = s.degreesOfFreedom();
        double kinetic = s.kineticEnergy();
        if (!(kinetic > 0)) {
            return;
        }
        double target = 0.5 * dof * temperature;
        double c = Math.exp(-dt / tau);
        double r1 = Rng.gaussian(random);
        double rest = dof > 1 ? 2 * gamma(0.5 * (dof - 1)) : 0; // sum of dof-1 squared normals
        double ratio = target / (dof * kinetic);
        double alpha2 = c + (1 - c) * (rest + r1 * r1) * ratio + 2 * r1 * Math.sqrt(c * (1 - c) * ratio);
        double sign = Math.signum(r1 + Math.sqrt(c / ((1 - c) * ratio)));
        double alpha = (sign < 0 ? -1 : 1) * Math.sqrt(alpha2);
        double[] v = s.velocities;
        for (int k = 0; k < v.length; k++) {
            v[k] *= alpha;
        }
    }

    /** A Gamma(shape, 1) deviate (Marsaglia and Tsang 2000; shape < 1 boosted by U^(1/shape)). */
    private double gamma(double shape) {
        if (shape < 1) {
            double u = 1.0 - random.nextDouble();
            return gamma(shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = Rng.gaussian(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}

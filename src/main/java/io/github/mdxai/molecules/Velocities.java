package io.github.mdxai.molecules;

import io.github.mdxai.util.Rng;

import java.util.SplittableRandom;

/** Velocity utilities: Maxwell-Boltzmann draws, centre-of-mass motion, temperature. */
public final class Velocities {

    private Velocities() {
    }

    /**
     * Fills {@code v} with independent Maxwell-Boltzmann velocities at temperature {@code kelvin}: each component
     * Gaussian with variance k_B T / m. Draws come from {@code random} only, in atom order, so a stream from
     * {@link Rng#stream} makes them reproducible.
     */
    public static void maxwellBoltzmann(double[] masses, double kelvin, SplittableRandom random, double[] v) {
        for (int a = 0; a < masses.length; a++) {
            double sigma = masses[a] > 0 ? Math.sqrt(Units.BOLTZMANN * kelvin / masses[a]) : 0;
            for (int d = 0; d < 3; d++) {
                v[3 * a + d] = sigma * Rng.gaussian(random);
            }
        }
    }

    /** Subtracts the centre-of-mass velocity, so the total linear momentum is zero. */
    public static void removeComMotion(double[] masses, double[] v) {
        double px = 0, py = 0, pz = 0, total = 0;
        for (int a = 0; a < masses.length; a++) {
            px += masses[a] * v[3 * a];
            py += masses[a] * v[3 * a + 1];
            pz += masses[a] * v[3 * a + 2];
            total += masses[a];
        }
        px /= total;
        py /= total;
        pz /= total;
        for (int a = 0; a < masses.length; a++) {
            v[3 * a] -= px;
            v[3 * a + 1] -= py;
            v[3 * a + 2] -= pz;
        }
    }

    /** Instantaneous temperature (K) for {@code degreesOfFreedom}. */
    public static double temperature(double[] masses, double[] v, int degreesOfFreedom) {
        double twice = 0;
        for (int a = 0; a < masses.length; a++) {
            double vx = v[3 * a], vy = v[3 * a + 1], vz = v[3 * a + 2];
            twice += masses[a] * (vx * vx + vy * vy + vz * vz);
        }
        return twice / (degreesOfFreedom * Units.BOLTZMANN);
    }
}

package io.github.mdxai.md;

import java.util.SplittableRandom;

/**
 * Langevin dynamics by BAOAB splitting (Leimkuhler and Matthews 2013): half kick, half drift, exact
 * Ornstein-Uhlenbeck velocity update, half drift, new forces, half kick; constraints by SHAKE/RATTLE after each
 * part. Configurational sampling is accurate to second order at large steps. Friction in 1/ps, temperature in K.
 */
public final class LangevinBaoab extends Integrator {

    private final double damping;
    private final double[] noise;
    private final double totalMass;
    private double midStepKinetic = Double.NaN;
    private State lastState;

    public LangevinBaoab(ForceField forceField, double[] masses, double kelvin, double friction, double dt,
                         Constraints constraints) {
        super(forceField, masses, dt, constraints);
        if (!(kelvin >= 0) || !(friction >= 0)) {
            throw new IllegalArgumentException("temperature and friction must be non-negative");
        }
        damping = Math.exp(-friction * dt);
        double spread = Math.sqrt(1 - damping * damping);
        noise = new double[masses.length];
        for (int a = 0; a < masses.length; a++) {
            noise[a] = spread * Math.sqrt(Units.BOLTZMANN * kelvin / masses[a]);
        }
        double total = 0;
        for (double m : masses) {
            total += m;
        }
        totalMass = total;
    }

    @Override
    public void step(State state, SplittableRandom random) {
        if (constraints == null) {
            stepUnconstrained(state, random);
            return;
        }
        ensureForces(state);
        double h = 0.5 * dt;
        kick(state, h);
        drift(state, h);
        double[] v = state.v;
        for (int a = 0, c = 0; a < noise.length; a++) {
            double s = noise[a];
            v[c] = damping * v[c] + s * random.nextGaussian();
            c++;
            v[c] = damping * v[c] + s * random.nextGaussian();
            c++;
            v[c] = damping * v[c] + s * random.nextGaussian();
            c++;
        }
        if (removeComMotion) {
            Velocities.removeComMotion(masses, v);
        }
        if (constraints != null) {
            constraints.rattle(state.x, v);
        }
        midStepKinetic = state.kineticEnergy(masses);
        lastState = state;
        drift(state, h);
        computeForces(state);
        kick(state, h);
        state.step++;
        state.time += dt;
    }

    /**
     * The same step without constraints in two passes over the atoms instead of six: kick, drift and
     * Ornstein-Uhlenbeck update with the momentum summed on the way, then centre-of-mass removal, kinetic energy and
     * the second drift. Per component the arithmetic and the order of the Gaussian draws are those of the general
     * path, so trajectories are the same to the bit.
     */
    private void stepUnconstrained(State state, SplittableRandom random) {
        ensureForces(state);
        double h = 0.5 * dt;
        double[] x = state.x, v = state.v, f = state.f;
        double[] m = masses, im = invMass, sd = noise;
        double damp = damping;
        double px = 0, py = 0, pz = 0;
        for (int a = 0, c = 0; a < sd.length; a++, c += 3) {
            double k = h * im[a], s = sd[a];
            double vx = v[c] + k * f[c];
            double vy = v[c + 1] + k * f[c + 1];
            double vz = v[c + 2] + k * f[c + 2];
            x[c] += h * vx;
            x[c + 1] += h * vy;
            x[c + 2] += h * vz;
            vx = damp * vx + s * random.nextGaussian();
            vy = damp * vy + s * random.nextGaussian();
            vz = damp * vz + s * random.nextGaussian();
            v[c] = vx;
            v[c + 1] = vy;
            v[c + 2] = vz;
            px += m[a] * vx;
            py += m[a] * vy;
            pz += m[a] * vz;
        }
        boolean com = removeComMotion;
        if (com) {
            px /= totalMass;
            py /= totalMass;
            pz /= totalMass;
        }
        double twice = 0;
        for (int a = 0, c = 0; a < sd.length; a++, c += 3) {
            double vx = v[c], vy = v[c + 1], vz = v[c + 2];
            if (com) {
                vx -= px;
                vy -= py;
                vz -= pz;
                v[c] = vx;
                v[c + 1] = vy;
                v[c + 2] = vz;
            }
            twice += m[a] * (vx * vx + vy * vy + vz * vz);
            x[c] += h * vx;
            x[c + 1] += h * vy;
            x[c + 2] += h * vz;
        }
        midStepKinetic = 0.5 * twice;
        lastState = state;
        computeForces(state);
        kick(state, h);
        state.step++;
        state.time += dt;
    }

    /**
     * Kinetic energy (kJ/mol) of the velocities right after the last Ornstein-Uhlenbeck update, where BAOAB's
     * momenta are sampled without the O(dt^2) bias of the end-of-step velocities (299.4 K instead of about 285 K
     * for alanine dipeptide at 2 fs without constraints).
     */
    public double midStepKineticEnergy() {
        return midStepKinetic;
    }

    /**
     * Temperature (K) of the state this integrator stepped last, from the mid-step velocities (unbiased); for any
     * other state, from its velocities.
     */
    @Override
    public double temperature(State state) {
        if (state == lastState) {
            return 2 * midStepKinetic / (degreesOfFreedom() * Units.BOLTZMANN);
        }
        return super.temperature(state);
    }
}

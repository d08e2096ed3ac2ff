package io.github.mdxai.particles;

import io.github.mdxai.util.Progress;

/**
 * Velocity Verlet for a {@link ParticleState} under {@link PairForces}, NVE or with a {@link BussiThermostat}.
 * Positions are never wrapped during the run (snapshots wrap them), so they stay continuous for the MSD.
 */
public final class VelocityVerlet {

    /** Called on observation steps with the state and fresh energy and virial. */
    @FunctionalInterface
    public interface Observer {
        void observe(ParticleState state, Observation o);
    }

    /** Thermodynamic values at one step (reduced units). */
    public record Observation(long step, double time, double potentialEnergy, double kineticEnergy,
                              double temperature, double virialPressure, double pressure) {
        public double totalEnergy() {
            return potentialEnergy + kineticEnergy;
        }
    }

    private final ParticleState state;
    private final PairForces forces;
    private final double dt;
    private BussiThermostat thermostat;
    private boolean forcesCurrent;

    public VelocityVerlet(ParticleState state, PairForces forces, double dt) {
        this.state = state;
        this.forces = forces;
        this.dt = dt;
    }

    /** Sets or removes (null) the thermostat. */
    public void thermostat(BussiThermostat t) {
        this.thermostat = t;
    }

    public ParticleState state() {
        return state;
    }

    public double dt() {
        return dt;
    }

    /** Evaluates forces, energy and pressure for the current positions. */
    public Observation observe() {
        forces.compute(state.positions, state.forces, true);
        forcesCurrent = true;
        return observation(forces.energy());
    }

    private Observation observation(double pe) {
        double ke = state.kineticEnergy();
        double v = state.box.volume();
        double pv = forces.virial() / (3 * v);
        return new Observation(state.step, state.time, pe, ke, 2 * ke / state.degreesOfFreedom(), pv, pv + 2 * ke / (3 * v));
    }

    /**
     * Runs {@code steps} steps; every {@code every} steps of this run the observer gets energies.
     * Throws {@link ParticleBlowUpException} when the energy stops being finite.
     */
    public void run(long steps, long every, Observer observer, Progress progress) {
        ParticleState s = state;
        double[] x = s.positions;
        double[] v = s.velocities;
        double[] f = s.forces;
        double[] im = s.inverseMass;
        int n3 = x.length;
        if (!forcesCurrent) {
            forces.compute(x, f, false);
            forcesCurrent = true;
        }
        double half = 0.5 * dt;
        long checkEvery = Math.max(1, Math.min(every, 100));
        for (long k = 1; k <= steps; k++) {
            for (int i = 0, c = 0; c < n3; i++, c += 3) {
                double h = half * im[i];
                v[c] += h * f[c];
                v[c + 1] += h * f[c + 1];
                v[c + 2] += h * f[c + 2];
                x[c] += dt * v[c];
                x[c + 1] += dt * v[c + 1];
                x[c + 2] += dt * v[c + 2];
            }
            s.step++;
            s.time += dt;
            boolean obs = observer != null && k % every == 0;
            forces.compute(x, f, obs);
            for (int i = 0, c = 0; c < n3; i++, c += 3) {
                double h = half * im[i];
                v[c] += h * f[c];
                v[c + 1] += h * f[c + 1];
                v[c + 2] += h * f[c + 2];
            }
            if (thermostat != null) {
                thermostat.apply(s, dt);
            }
            if (obs) {
                Observation o = observation(forces.energy());
                if (!Double.isFinite(o.totalEnergy())) {
                    throw new ParticleBlowUpException(s.step, o.potentialEnergy());
                }
                observer.observe(s, o);
            } else if (k % checkEvery == 0) {
                double ke = s.kineticEnergy();
                if (!Double.isFinite(ke)) {
                    throw new ParticleBlowUpException(s.step, ke);
                }
            }
            if (k % 64 == 0) {
                progress.checkCancelled();
                progress.fraction((double) k / steps);
            }
        }
        progress.fraction(1);
    }
}

package io.github.mdxai.molecules;

import java.util.SplittableRandom;

/**
 * Advances a {@link State} with a {@link ForceField}. Holds scratch arrays, so one instance belongs to one thread;
 * make one per thread (they are cheap) over a shared force field. Masses in amu, time step in ps.
 */
public abstract class Integrator {

    protected final ForceField forceField;
    protected final double[] masses;
    protected final double[] invMass;
    protected final double dt;
    protected final Constraints constraints;
    protected final double[] reference;
    protected boolean removeComMotion = true;

    protected Integrator(ForceField forceField, double[] masses, double dt, Constraints constraints) {
        if (masses.length != forceField.atomCount()) {
            throw new IllegalArgumentException(masses.length + " masses for " + forceField.atomCount() + " atoms");
        }
        if (!(dt > 0)) {
            throw new IllegalArgumentException("time step must be positive, got " + dt);
        }
        this.forceField = forceField;
        this.masses = masses.clone();
        this.invMass = new double[masses.length];
        for (int a = 0; a < masses.length; a++) {
            invMass[a] = 1.0 / masses[a];
        }
        this.dt = dt;
        this.constraints = constraints;
        this.reference = new double[3 * masses.length];
    }

    /** Advances the state by one time step; {@code random} feeds stochastic integrators and may be null for others. */
    public abstract void step(State state, SplittableRandom random);

    /** {@code steps} steps. */
    public void run(State state, long steps, SplittableRandom random) {
        for (long s = 0; s < steps; s++) {
            step(state, random);
        }
    }

    /**
     * Makes the state consistent before dynamics: puts positions and velocities on the constraints, removes the
     * centre-of-mass velocity if this integrator does, and computes forces and energy.
     */
    public void prime(State state) {
        if (constraints != null) {
            System.arraycopy(state.x, 0, reference, 0, reference.length);
            constraints.shake(reference, state.x, null, dt);
            constraints.rattle(state.x, state.v);
        }
        if (removeComMotion) {
            Velocities.removeComMotion(masses, state.v);
        }
        computeForces(state);
    }

    /** Whether the centre-of-mass velocity is removed every step (default true). */
    public Integrator removeComMotion(boolean remove) {
        this.removeComMotion = remove;
        return this;
    }

    public double timeStep() {
        return dt;
    }

    /** 3N minus constraints minus 3 when the centre-of-mass motion is removed. */
    public int degreesOfFreedom() {
        return 3 * masses.length - (constraints == null ? 0 : constraints.size()) - (removeComMotion ? 3 : 0);
    }

    public double temperature(State state) {
        return Velocities.temperature(masses, state.v, degreesOfFreedom());
    }

    public double kineticEnergy(State state) {
        return state.kineticEnergy(masses);
    }

    public double[] masses() {
        return masses.clone();
    }

    protected final void computeForces(State state) {
        state.potential = forceField.energyAndForces(state.x, state.f, null);
        state.forcesStale = false;
    }

    protected final void ensureForces(State state) {
        if (state.forcesStale) {
            computeForces(state);
        }
    }

    /** v += h f / m */
    protected final void kick(State state, double h) {
        double[] v = state.v, f = state.f;
        for (int a = 0, c = 0; a < invMass.length; a++) {
            double s = h * invMass[a];
            v[c] += s * f[c];
            c++;
            v[c] += s * f[c];
            c++;
            v[c] += s * f[c];
            c++;
        }
        if (constraints != null) {
            constraints.rattle(state.x, v);
        }
    }

    /**
     * x += h v, then SHAKE with the velocity correction. No RATTLE here: every drift is followed, at the same
     * positions, by a kick or an Ornstein-Uhlenbeck update that ends with RATTLE, and the projection commutes with
     * those linear updates.
     */
    protected final void drift(State state, double h) {
        double[] x = state.x, v = state.v;
        if (constraints != null) {
            System.arraycopy(x, 0, reference, 0, x.length);
        }
        for (int c = 0; c < x.length; c++) {
            x[c] += h * v[c];
        }
        if (constraints != null) {
            constraints.shake(reference, x, v, h);
        }
    }
}

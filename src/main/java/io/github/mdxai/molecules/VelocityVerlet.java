package io.github.mdxai.molecules;

import java.util.SplittableRandom;

/** Velocity Verlet (NVE), with SHAKE/RATTLE when constraints are given. Deterministic: the random stream is unused. */
public final class VelocityVerlet extends Integrator {

    public VelocityVerlet(ForceField forceField, double[] masses, double dt, Constraints constraints) {
        super(forceField, masses, dt, constraints);
    }

    @Override
    public void step(State state, SplittableRandom random) {
        ensureForces(state);
        kick(state, 0.5 * dt);
        drift(state, dt);
        computeForces(state);
        kick(state, 0.5 * dt);
        if (removeComMotion) {
            Velocities.removeComMotion(masses, state.v);
        }
        state.step++;
        state.time += dt;
    }
}

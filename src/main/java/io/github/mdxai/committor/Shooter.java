package io.github.mdxai.committor;

import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.Integrator;
import io.github.mdxai.molecules.State;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.molecules.Velocities;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Rng;

import java.util.SplittableRandom;

/**
 * Runs single shots for one worker thread: from a configuration, fresh Maxwell-Boltzmann velocities and the
 * dynamics' noise drawn from {@code Rng.stream(seed, "shot", config, shot)}, integrated until the configuration
 * enters A or B or t_max passes. A shot depends on (seed, config, shot) only, never on the thread or on earlier shots.
 */
public final class Shooter {

    private final ShootingParameters parameters;
    private final Integrator integrator;
    private final CommittorStates.Classifier classifier;
    private final double[] masses;
    private final State state;
    private final int maxSteps;
    private final double dt;
    private int outcome;
    private double commitTime;
    private long stepsDone;

    public Shooter(ShootingParameters parameters, ForceField forceField, Topology top, CommittorStates states) {
        this.parameters = parameters;
        this.integrator = parameters.integrator(forceField, top);
        this.classifier = states.classifier(top);
        this.masses = top.masses();
        this.state = new State(new double[3 * top.atomCount()], null);
        this.maxSteps = parameters.maxSteps();
        this.dt = parameters.dt();
    }

    /**
     * Shoots once from positions {@code x0} (nm); afterwards {@link #outcome()} is {@link CommittorStates#IN_A},
     * {@link CommittorStates#IN_B} or {@link CommittorStates#NONE} and {@link #commitTime()} the time it entered.
     */
    public void shoot(double[] x0, long config, int shot) {
        System.arraycopy(x0, 0, state.x, 0, x0.length);
        state.positionsChanged();
        state.time = 0;
        state.step = 0;
        SplittableRandom random = Rng.stream(parameters.seed(), "shot", config, shot);
        Velocities.maxwellBoltzmann(masses, parameters.temperature(), random, state.v);
        integrator.prime(state);
        int check = parameters.checkEvery();
        int where = classifier.classify(state.x);
        int s = 0;
        while (where == CommittorStates.NONE && s < maxSteps) {
            int chunk = Math.min(check, maxSteps - s);
            for (int k = 0; k < chunk; k++) {
                integrator.step(state, random);
            }
            s += chunk;
            if (!Double.isFinite(state.potentialEnergy())) {
                throw new InputException("configuration " + config + ", shot " + shot + ": the dynamics became unstable at t = "
                        + s * dt + " ps (energy not finite); a bad configuration or a time step too large");
            }
            where = classifier.classify(state.x);
        }
        stepsDone += s;
        outcome = where;
        commitTime = where == CommittorStates.NONE ? Double.NaN : s * dt;
    }

    public int outcome() {
        return outcome;
    }

    /** Time (ps) at which the last shot was found in a state; NaN if it stayed undecided. */
    public double commitTime() {
        return commitTime;
    }

    /** Integration steps run by this shooter so far. */
    public long stepsDone() {
        return stepsDone;
    }
}

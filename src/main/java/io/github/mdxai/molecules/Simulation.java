package io.github.mdxai.molecules;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;

/** Runs an integrator for a number of steps, calling reporters every {@code interval} steps, with progress/cancel. */
public final class Simulation {

    private Simulation() {
    }

    /**
     * Primes the state (constraints, centre-of-mass motion, forces), reports step 0, then runs {@code steps} steps,
     * reporting after every {@code interval}-th. Fails with a one-line message if the energy stops being finite.
     */
    public static void run(Integrator integrator, State state, long steps, long interval, List<Reporter> reporters,
                           SplittableRandom random, Progress progress) {
        if (interval <= 0) {
            throw new InputException("report interval must be at least 1 step, got " + interval);
        }
        integrator.prime(state);
        report(integrator, state, reporters);
        long checkEvery = Math.max(1, Math.min(interval, 1000));
        for (long s = 1; s <= steps; s++) {
            integrator.step(state, random);
            if (s % checkEvery == 0 || s == steps) {
                if (!Double.isFinite(state.potentialEnergy())) {
                    throw new InputException("the simulation became unstable at step " + s + " (t = " + state.time
                            + " ps, energy not finite): time step too large or a bad starting structure");
                }
                progress.checkCancelled();
                progress.fraction((double) s / steps);
            }
            if (s % interval == 0) {
                report(integrator, state, reporters);
            }
        }
    }

    private static void report(Integrator integrator, State state, List<Reporter> reporters) {
        for (Reporter r : reporters) {
            try {
                r.report(state, integrator);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package io.github.mdxai.particles;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Potential energy, pressure, temperature and forces of one configuration (LAMMPS's {@code run 0}). */
public final class SinglePoint {

    /**
     * @param temperature kinetic temperature with 3N - 3 degrees of freedom (0 without velocities)
     * @param pressure    virial pressure plus 2 KE / (3V)
     */
    public record Result(int n, double potentialEnergy, double virialPressure, double pressure, double temperature,
                         double[] virialTensor, double[] forces) {
        public double potentialEnergyPerAtom() {
            return potentialEnergy / n;
        }
    }

    private SinglePoint() {
    }

    /**
     * Evaluates every frame of a file under a model, one thread each. Masses the file gives (NaN where it gives none,
     * null for formats without masses) must be the model's, or the temperature would be wrong; errors name the file
     * and, for a trajectory, the frame.
     */
    public static List<Result> evaluateFrames(Path file, List<Configuration> frames, double[] fileMasses,
                                              ParticleModel model, Progress progress) {
        for (int t = 0; fileMasses != null && t < fileMasses.length && t < model.typeCount(); t++) {
            if (!Double.isNaN(fileMasses[t]) && Math.abs(fileMasses[t] - model.masses()[t]) > 1e-12) {
                throw InputException.at(file, 0, "mass of type " + (t + 1) + " is " + fileMasses[t] + ", the "
                        + model.name() + " has " + model.masses()[t]);
            }
        }
        List<Result> results = new ArrayList<>();
        for (int m = 0; m < frames.size(); m++) {
            progress.checkCancelled();
            progress.status(String.format(Locale.ROOT, "%s energy: frame %d of %d", model.name(), m + 1, frames.size()));
            try {
                results.add(evaluate(frames.get(m), model.potential(), model.masses(), 1));
            } catch (InputException e) {
                throw new InputException(file + (frames.size() > 1 ? " (frame " + (m + 1) + ")" : "") + ": "
                        + e.getMessage());
            }
            progress.fraction((m + 1.0) / frames.size());
        }
        return results;
    }

    /** Evaluates a configuration; overlapping particles (infinite energy) are reported by id. */
    public static Result evaluate(Configuration c, PairPotential potential, double[] massByType, int threads) {
        InputException.require(c.typeCount() <= potential.typeCount(), "the configuration has " + c.typeCount()
                + " particle types, the model " + potential.typeCount());
        double range = potential.maxCutoff() + LiquidProtocol.SKIN;
        if (2 * range >= c.box().minLength()) {
            throw new InputException(String.format(Locale.ROOT, "box edge %.6g is too short: it must exceed twice the"
                    + " largest cutoff plus skin (%.6g)", c.box().minLength(), 2 * range));
        }
        double[] f = new double[3 * c.size()];
        try (PairForces pf = new PairForces(potential, c.types(), c.box(), LiquidProtocol.SKIN, threads)) {
            pf.compute(c.positions(), f, true);
            if (!Double.isFinite(pf.energy())) {
                throw new InputException(closestPair(c));
            }
            double v = c.box().volume();
            double pv = pf.virial() / (3 * v);
            double temperature = 0;
            double kinetic = 0;
            if (c.velocities() != null) {
                ParticleState s = new ParticleState(c, massByType);
                kinetic = s.kineticEnergy();
                temperature = s.temperature();
            }
            return new Result(c.size(), pf.energy(), pv, pv + 2 * kinetic / (3 * v), temperature, pf.virialTensor(), f);
        }
    }

    private static String closestPair(Configuration c) {
        double best = Double.POSITIVE_INFINITY;
        int bi = 0;
        int bj = 0;
        double[] x = c.positions();
        for (int i = 0; i < c.size(); i++) {
            for (int j = i + 1; j < c.size(); j++) {
                double r2 = 0;
                for (int a = 0; a < 3; a++) {
                    double d = c.box().minimumImage(x[3 * i + a] - x[3 * j + a], a);
                    r2 += d * d;
                }
                if (r2 < best) {
                    best = r2;
                    bi = i;
                    bj = j;
                }
            }
        }
        return String.format(Locale.ROOT, "particles %d and %d overlap (distance %.3g): the energy is infinite",
                c.ids()[bi], c.ids()[bj], Math.sqrt(best));
    }
}

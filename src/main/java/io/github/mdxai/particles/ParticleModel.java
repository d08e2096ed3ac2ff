package io.github.mdxai.particles;

/**
 * A periodic particle model in reduced units: its pair potential, the mass and number fraction of each species, the
 * number density at which it is studied, and its state parameter (the quantity a user gives to choose a state point).
 * The protocol, the lattice builder, the particle commands and Study B depend only on this interface; models are
 * listed in {@link ParticleModels}.
 */
public interface ParticleModel {

    /** Short lower-case key, as a command's {@code model} parameter takes it (e.g. {@code soft-sphere}). */
    String key();

    /** Name for people, e.g. "Bernu-Hansen soft-sphere mixture". */
    String name();

    /** A new evaluator of the pair potential for the neighbour loop. */
    PairPotential potential();

    /** Mass per species (0-based type), in units of the model's mass unit. */
    double[] masses();

    /** Number fraction per species; sums to 1. */
    double[] fractions();

    /** Number density N/V (reduced units) at which the model is studied. */
    double density();

    /** What the model's state parameter means; the temperature itself unless the model says otherwise. */
    default StateParameter stateParameter() {
        return StateParameter.TEMPERATURE;
    }

    default int typeCount() {
        return masses().length;
    }

    /** Number of particles of each type for a total n (the remainder goes to the first types). */
    default int[] counts(int n) {
        double[] fractions = fractions();
        int[] counts = new int[fractions.length];
        int assigned = 0;
        for (int a = 0; a < counts.length; a++) {
            counts[a] = (int) Math.floor(fractions[a] * n);
            assigned += counts[a];
        }
        for (int a = 0; assigned < n; a = (a + 1) % counts.length) {
            counts[a]++;
            assigned++;
        }
        return counts;
    }
}

package io.github.mdxai.particles;

/**
 * A short-ranged pair potential evaluated for one pair at a time by {@link PairForces}'s generic neighbour loop.
 * Pairs are identified by their kind {@code a * typeCount() + b} of 0-based types; both orders must give the same
 * values. The loop only calls {@link #forceOverR} and {@link #energy} for {@code r2 < cutoffSquared(kind)}.
 */
public interface PairPotential {

    /** Number of particle types the potential knows. */
    int typeCount();

    /** Cutoff distance for the pair of types (a, b). */
    double cutoff(int a, int b);

    /** Squared cutoff of a pair kind. */
    double cutoffSquared(int kind);

    /** Pair energy u(r) at squared distance r2 (shifted as the potential defines). */
    double energy(int kind, double r2);

    /** -u'(r)/r at squared distance r2: the force on i from j is {@code forceOverR * (r_i - r_j)}. */
    double forceOverR(int kind, double r2);

    /** The largest cutoff over all type pairs. */
    default double maxCutoff() {
        double max = 0;
        for (int a = 0; a < typeCount(); a++) {
            for (int b = 0; b < typeCount(); b++) {
                max = Math.max(max, cutoff(a, b));
            }
        }
        return max;
    }
}

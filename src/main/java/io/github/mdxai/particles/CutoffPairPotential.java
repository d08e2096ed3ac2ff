package io.github.mdxai.particles;

/** What every short-ranged pair potential keeps per pair kind: the number of types and the cutoffs. */
abstract class CutoffPairPotential implements PairPotential {

    protected final int types;
    private final double[] cutoff;
    private final double[] cutoffSquared;

    /** @param cutoff cutoff per pair kind {@code a * types + b} */
    CutoffPairPotential(int types, double[] cutoff) {
        this.types = types;
        this.cutoff = cutoff.clone();
        this.cutoffSquared = new double[cutoff.length];
        for (int k = 0; k < cutoff.length; k++) {
            cutoffSquared[k] = cutoff[k] * cutoff[k];
        }
    }

    /** Cutoffs {@code factor * sigma[a][b]} per pair kind. */
    static double[] scaled(double[][] sigma, double factor) {
        int n = sigma.length;
        double[] c = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                c[a * n + b] = factor * sigma[a][b];
            }
        }
        return c;
    }

    @Override
    public int typeCount() {
        return types;
    }

    @Override
    public double cutoff(int a, int b) {
        return cutoff[a * types + b];
    }

    @Override
    public double cutoffSquared(int kind) {
        return cutoffSquared[kind];
    }
}

package io.github.mdxai.features.structure;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

/**
 * Partial radial distribution functions g_ab(r) of a periodic system, accumulated over frames:
 * g_ab(r) = V / (N_a (N_b - delta_ab)) * (ordered pairs i in a, j in b at distance r) / (4 pi r^2 dr).
 */
public final class PartialRdf {

    private final int species;
    private final double rMax;
    private final int bins;
    private final double binWidth;
    private final double[][] counts;
    /** sum over frames of N_a (N_b - delta_ab) / V, per pair slot */
    private final double[] density;
    private int frames;

    public PartialRdf(int species, double rMax, int bins) {
        if (species < 1) {
            throw new InputException("g(r): expected at least one species, got " + species);
        }
        if (!(rMax > 0) || Double.isInfinite(rMax) || bins < 2) {
            throw new InputException("g(r): expected a positive range and at least 2 bins");
        }
        this.species = species;
        this.rMax = rMax;
        this.bins = bins;
        this.binWidth = rMax / bins;
        counts = new double[species * species][bins];
        density = new double[species * species];
    }

    /**
     * A range and bin width that resolve the first coordination shell: up to 3.5 mean spacings (or half the
     * shortest box edge), 50 bins per mean spacing.
     */
    public static PartialRdf forFirstShell(int species, double[] box, int particles) {
        PeriodicCells.checkGeometry(new double[0], box);
        if (particles < 2) {
            throw new InputException("g(r): expected at least two particles, got " + particles);
        }
        double spacing = Math.cbrt(box[0] * box[1] * box[2] / particles);
        double half = 0.5 * Math.min(box[0], Math.min(box[1], box[2]));
        double range = Math.min(half, 3.5 * spacing);
        int bins = Math.max(20, (int) Math.ceil(range / (spacing / 50)));
        return new PartialRdf(species, range, bins);
    }

    /** Adds the pairs of one frame. */
    public void add(double[] positions, double[] box, int[] types, Progress progress) {
        PeriodicCells.checkGeometry(positions, box);
        int n = positions.length / 3;
        NeighborList.checkTypes(types, n, species);
        int[] members = new int[species];
        for (int t : types) {
            members[t]++;
        }
        double volume = box[0] * box[1] * box[2];
        for (int a = 0; a < species; a++) {
            for (int b = 0; b < species; b++) {
                density[a * species + b] += members[a] * (double) (members[b] - (a == b ? 1 : 0)) / volume;
            }
        }
        PeriodicCells cells = new PeriodicCells(positions, box, rMax);
        PeriodicCells.Candidates c = new PeriodicCells.Candidates();
        double r2max = rMax * rMax;
        for (int i = 0; i < n; i++) {
            if ((i & 1023) == 0) {
                progress.checkCancelled();
                progress.fraction(i / (double) n);
            }
            cells.collect(i, rMax, c);
            int rowType = types[i] * species;
            for (int k = 0; k < c.size; k++) {
                if (c.r2[k] >= r2max) {
                    continue;
                }
                int bin = (int) (Math.sqrt(c.r2[k]) / binWidth);
                if (bin < bins) {
                    counts[rowType + types[c.index[k]]][bin]++;
                }
            }
        }
        frames++;
        progress.fraction(1);
    }

    public int species() {
        return species;
    }

    public int frames() {
        return frames;
    }

    public double binWidth() {
        return binWidth;
    }

    public double range() {
        return rMax;
    }

    /** Bin centres. */
    public double[] r() {
        double[] r = new double[bins];
        for (int k = 0; k < bins; k++) {
            r[k] = (k + 0.5) * binWidth;
        }
        return r;
    }

    /** True if the pair has particles to count (both species present, two of a kind for a == b). */
    public boolean defined(int a, int b) {
        return density[a * species + b] > 0;
    }

    /** g_ab at the bin centres (zeros if the pair is not defined). */
    public double[] g(int a, int b) {
        double[] g = new double[bins];
        double rho = density[a * species + b];
        if (rho <= 0) {
            return g;
        }
        double[] c = counts[a * species + b];
        for (int k = 0; k < bins; k++) {
            double lo = k * binWidth;
            double hi = lo + binWidth;
            double shell = 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
            g[k] = c[k] / (rho * shell);
        }
        return g;
    }
}

package io.github.mdxai.features.structure;

import io.github.mdxai.util.InputException;

import java.util.Locale;

/**
 * First-shell cut-off per species pair: the first minimum after the main peak of the partial g_ab(r), found on a
 * Gaussian-smoothed curve (noise in one frame would otherwise give spurious minima). The minimum is the lowest
 * point before g rises again by a tenth of the peak-to-minimum depth; a flat bottom (a gap between crystal
 * shells) gives its middle.
 */
public final class ShellCutoffs {

    /** Smoothing width in bins. */
    private static final double SMOOTHING_BINS = 2.5;
    /** How far g must climb back, as a fraction of the peak height above the minimum, to end the valley. */
    private static final double RISE_FRACTION = 0.1;

    private final int species;
    private final double[][] cutoff;
    private final double[][] peak;
    private final double[][] peakValue;
    private final double[][] minimumValue;
    private final boolean[][] measured;
    private final double[] r;
    private final double[][][] smoothed;

    private ShellCutoffs(int species, double[] r) {
        this.species = species;
        this.r = r;
        cutoff = new double[species][species];
        peak = new double[species][species];
        peakValue = new double[species][species];
        minimumValue = new double[species][species];
        measured = new boolean[species][species];
        smoothed = new double[species][species][];
    }

    /**
     * Finds the cut-offs. Pairs that cannot occur (a species absent, or a lone particle with itself) get the
     * largest measured cut-off so that the matrix stays usable.
     *
     * @throws InputException if a pair that occurs has no first minimum within the range of the g(r)
     */
    public static ShellCutoffs find(PartialRdf rdf) {
        int s = rdf.species();
        ShellCutoffs out = new ShellCutoffs(s, rdf.r());
        double largest = 0;
        for (int a = 0; a < s; a++) {
            for (int b = a; b < s; b++) {
                if (!rdf.defined(a, b)) {
                    continue;
                }
                double[] g = smooth(rdf.g(a, b), SMOOTHING_BINS);
                out.smoothed[a][b] = g;
                out.smoothed[b][a] = g;
                out.locate(a, b, g, rdf.range());
                largest = Math.max(largest, out.cutoff[a][b]);
            }
        }
        if (largest == 0) {
            throw new InputException("shell cut-offs: no species pair has two particles to measure g(r) from");
        }
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                if (!out.measured[a][b]) {
                    out.cutoff[a][b] = largest;
                    out.smoothed[a][b] = new double[out.r.length];
                }
            }
        }
        return out;
    }

    private void locate(int a, int b, double[] g, double range) {
        int top = 0;
        for (int k = 1; k < g.length; k++) {
            if (g[k] > g[top]) {
                top = k;
            }
        }
        if (g[top] <= 0) {
            throw new InputException(String.format(Locale.ROOT,
                    "shell cut-off %d-%d: no pairs closer than %.4g; use a fixed cut-off", a + 1, b + 1, range));
        }
        int lowest = top;
        int end = -1;
        for (int k = top + 1; k < g.length; k++) {
            if (g[k] < g[lowest]) {
                lowest = k;
            } else if (g[k] > g[lowest] + RISE_FRACTION * (g[top] - g[lowest])) {
                end = k;
                break;
            }
        }
        if (end < 0) {
            throw new InputException(String.format(Locale.ROOT,
                    "shell cut-off %d-%d: g(r) has no first minimum below r = %.4g (too few particles or a box "
                            + "too small); use a fixed cut-off", a + 1, b + 1, range));
        }
        // middle of a flat bottom
        double floor = g[lowest] + 1e-9 * g[top];
        int first = lowest;
        while (first - 1 > top && g[first - 1] <= floor) {
            first--;
        }
        int last = lowest;
        while (last + 1 < end && g[last + 1] <= floor) {
            last++;
        }
        double rc = 0.5 * (r[first] + r[last]);
        for (int[] pair : new int[][] {{a, b}, {b, a}}) {
            cutoff[pair[0]][pair[1]] = rc;
            peak[pair[0]][pair[1]] = r[top];
            peakValue[pair[0]][pair[1]] = g[top];
            minimumValue[pair[0]][pair[1]] = g[lowest];
            measured[pair[0]][pair[1]] = true;
        }
    }

    static double[] smooth(double[] g, double sigmaBins) {
        int half = (int) Math.ceil(4 * sigmaBins);
        double[] kernel = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            kernel[k + half] = Math.exp(-0.5 * k * k / (sigmaBins * sigmaBins));
        }
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            double sum = 0;
            double weight = 0;
            for (int k = -half; k <= half; k++) {
                int j = i + k;
                if (j >= 0 && j < g.length) {
                    sum += kernel[k + half] * g[j];
                    weight += kernel[k + half];
                }
            }
            out[i] = sum / weight;
        }
        return out;
    }

    public int species() {
        return species;
    }

    /** Symmetric species x species matrix of cut-offs (a copy). */
    public double[][] cutoffs() {
        double[][] c = new double[species][];
        for (int a = 0; a < species; a++) {
            c[a] = cutoff[a].clone();
        }
        return c;
    }

    public double cutoff(int a, int b) {
        return cutoff[a][b];
    }

    /** Position of the main peak of g_ab. */
    public double peak(int a, int b) {
        return peak[a][b];
    }

    /** False for pairs that cannot occur; their cut-off is a stand-in. */
    public boolean measured(int a, int b) {
        return measured[a][b];
    }

    /** The smoothed g_ab(r) the minimum was found on, at {@link #r()}. */
    public double[] smoothed(int a, int b) {
        return smoothed[a][b].clone();
    }

    public double[] r() {
        return r.clone();
    }

    /** One line per measured pair: where the peak and the minimum are, and how deep. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < species; a++) {
            for (int b = a; b < species; b++) {
                if (measured[a][b]) {
                    sb.append(String.format(Locale.ROOT,
                            "pair %d-%d: peak at r = %.4f (g = %.3f), first minimum at r = %.4f (g = %.3f)%n",
                            a + 1, b + 1, peak[a][b], peakValue[a][b], cutoff[a][b], minimumValue[a][b]));
                }
            }
        }
        return sb.toString();
    }
}

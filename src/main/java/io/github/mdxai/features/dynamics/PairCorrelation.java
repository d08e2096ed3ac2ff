package io.github.mdxai.features.dynamics;

import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;

import java.util.List;

/**
 * Partial radial distribution functions g_ab(r) of periodic configurations, averaged over frames:
 * g_ab(r) = V / (N_a N_b') * <number of (i in a, j in b, j != i) pairs in the shell> / shell volume, with
 * N_b' = N_b - 1 for a = b so that g tends to 1 at large r. Pairs (a, b) are ordered a <= b: AA, AB, BB, ...
 */
public final class PairCorrelation {

    private PairCorrelation() {
    }

    /**
     * @param r     bin centres (length unit of the positions)
     * @param g     g[pair][bin], pair index of (a, b), a <= b, as {@link #pairIndex}
     * @param total g(r) of all particles regardless of type
     */
    public record Result(double[] r, double[][] g, double[] total, int typeCount, int[] counts, double density) {

        public double[] g(int a, int b) {
            return g[pairIndex(Math.min(a, b), Math.max(a, b), typeCount)];
        }

        /** Position of the first minimum of g_ab after its first maximum (NaN if none): the first-shell radius. */
        public double firstMinimum(int a, int b) {
            double[] v = g(a, b);
            int peak = 0;
            for (int k = 1; k < v.length; k++) {
                if (v[k] > v[peak]) {
                    peak = k;
                }
                if (v[peak] > 1.2 && v[k] < 1 && k > peak) {
                    break; // past the first peak and into the first valley
                }
            }
            int min = -1;
            for (int k = peak + 1; k < v.length - 1; k++) {
                if (v[k] <= v[k - 1] && v[k] <= v[k + 1] && v[k] < 1) {
                    min = k;
                    break;
                }
            }
            return min < 0 ? Double.NaN : r[min];
        }
    }

    /** Index of the pair (a, b), a <= b, in the order AA, AB, ..., BB, ... */
    public static int pairIndex(int a, int b, int typeCount) {
        return a * typeCount - a * (a - 1) / 2 + (b - a);
    }

    /** g(r) over the frames, bins of width rMax / bins from 0 to rMax (at most half the shortest box edge). */
    public static Result compute(List<Configuration> frames, int typeCount, double rMax, int bins) {
        InputException.require(!frames.isEmpty(), "no frames for g(r)");
        InputException.require(bins >= 1, "bins must be at least 1");
        Configuration first = frames.get(0);
        double half = 0.5 * first.box().minLength();
        InputException.require(rMax > 0 && rMax <= half + 1e-12,
                "rmax must be in (0, " + half + "] (half the box edge), was " + rMax);
        int pairs = typeCount * (typeCount + 1) / 2;
        double[][] histogram = new double[pairs][bins];
        double dr = rMax / bins;
        double r2max = rMax * rMax;
        int[] counts = first.countByType(typeCount);
        double volume = 0;
        for (Configuration c : frames) {
            Box box = c.box();
            volume += box.volume();
            double[] x = c.positions();
            int[] t = c.types();
            int n = c.size();
            double lx = box.lx();
            double ly = box.ly();
            double lz = box.lz();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = x[3 * i] - x[3 * j];
                    double dy = x[3 * i + 1] - x[3 * j + 1];
                    double dz = x[3 * i + 2] - x[3 * j + 2];
                    dx -= lx * Math.rint(dx / lx);
                    dy -= ly * Math.rint(dy / ly);
                    dz -= lz * Math.rint(dz / lz);
                    double r2 = dx * dx + dy * dy + dz * dz;
                    if (r2 < r2max) {
                        int bin = (int) (Math.sqrt(r2) / dr);
                        if (bin < bins) {
                            int a = Math.min(t[i], t[j]);
                            int b = Math.max(t[i], t[j]);
                            histogram[pairIndex(a, b, typeCount)][bin] += 1;
                        }
                    }
                }
            }
        }
        volume /= frames.size();
        int n = first.size();
        double[] r = new double[bins];
        double[][] g = new double[pairs][bins];
        double[] total = new double[bins];
        for (int k = 0; k < bins; k++) {
            r[k] = (k + 0.5) * dr;
            double shell = 4.0 / 3.0 * Math.PI * (Math.pow((k + 1) * dr, 3) - Math.pow(k * dr, 3));
            double all = 0;
            for (int a = 0; a < typeCount; a++) {
                for (int b = a; b < typeCount; b++) {
                    int p = pairIndex(a, b, typeCount);
                    all += histogram[p][k];
                    // unordered pairs counted once: x2 for a == b (ordered pairs), x1 for a != b (each ordered once)
                    double orderedPairs = a == b ? 2 * histogram[p][k] : histogram[p][k];
                    double norm = a == b ? (double) counts[a] * (counts[a] - 1) : (double) counts[a] * counts[b];
                    g[p][k] = norm > 0 ? volume * orderedPairs / (norm * shell * frames.size()) : 0;
                }
            }
            total[k] = volume * 2 * all / ((double) n * (n - 1) * shell * frames.size());
        }
        return new Result(r, g, total, typeCount, counts, n / volume);
    }
}

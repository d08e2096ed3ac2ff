package io.github.mdxai.explain;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Percentiles;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * LIME for tabular data as the {@code lime} library's LimeTabularExplainer does it (regression mode, all features
 * kept): perturbations drawn from the training distribution (standard normal in standardized units, i.e. training
 * mean plus training standard deviation times N(0,1); or, with quartile discretization, a training quartile per
 * feature drawn with its training frequency, then a value from the normal of that quartile truncated to its cut
 * points), the first sample being the instance itself;
 * exponential kernel sqrt(exp(-d^2 / width^2)) on the Euclidean distance to the instance in the scaled space
 * (standardized values, or the 0/1 "same quartile as the instance" indicators), width 0.75 sqrt(d) by default;
 * weighted ridge (alpha 1) of q on those features. The weights are per training standard deviation (continuous)
 * or the effect of leaving the instance's quartile (discretized); the local R^2 is the surrogate's weighted score.
 */
public final class LimeTabular {

    public static final int DEFAULT_SAMPLES = 5000;
    public static final double DEFAULT_ALPHA = 1.0;

    /** One explained instance. */
    public record Explanation(int row, double q, double intercept, double localQ, double r2, double[] weights) {
    }

    private final QFunction model;
    private final int features;
    private final int samples;
    private final double kernelWidth;
    private final double alpha;
    private final Quartiles quartiles;
    private final Object modelLock = new Object();

    /**
     * @param trainingZ standardized training rows (for the quartiles when {@code discretize}); may be null otherwise
     * @param kernelWidth kernel width, or a value <= 0 for lime's default 0.75 sqrt(d)
     */
    public LimeTabular(QFunction model, int features, int samples, boolean discretize, double[][] trainingZ,
                       double kernelWidth, double alpha) {
        InputException.require(samples >= 10, "samples: LIME needs at least 10 perturbations, got " + samples);
        InputException.require(features >= 1, "LIME needs at least one feature");
        this.model = model;
        this.features = features;
        this.samples = samples;
        this.kernelWidth = kernelWidth > 0 ? kernelWidth : 0.75 * Math.sqrt(features);
        this.alpha = alpha;
        this.quartiles = discretize ? new Quartiles(trainingZ) : null;
    }

    public double kernelWidth() {
        return kernelWidth;
    }

    /** Explains the given standardized rows; row ids label the results and seed their random streams. */
    public List<Explanation> explain(double[][] z, int[] rowIds, long seed, int threads, Progress progress) {
        return PerRow.map(z.length, threads, progress,
                i -> explainOne(z[i], rowIds[i], Rng.stream(seed, "lime", rowIds[i])));
    }

    /** One instance: sample, predict, weigh, fit. */
    Explanation explainOne(double[] instance, int rowId, SplittableRandom rnd) {
        double[][] inverse = new double[samples][];   // what the model sees
        double[][] scaled = new double[features][samples]; // what the surrogate sees, column-major
        inverse[0] = instance.clone();
        int[] instanceBin = quartiles == null ? null : quartiles.bins(instance);
        for (int j = 0; j < features; j++) {
            scaled[j][0] = quartiles == null ? instance[j] : 1;
        }
        for (int s = 1; s < samples; s++) {
            double[] row = new double[features];
            for (int j = 0; j < features; j++) {
                if (quartiles == null) {
                    row[j] = Rng.gaussian(rnd);
                    scaled[j][s] = row[j];
                } else {
                    int bin = quartiles.sampleBin(j, rnd);
                    row[j] = quartiles.sampleValue(j, bin, rnd);
                    scaled[j][s] = bin == instanceBin[j] ? 1 : 0;
                }
            }
            inverse[s] = row;
        }
        double[] y;
        synchronized (modelLock) {
            y = model.q(inverse);
        }
        double[] w = new double[samples];
        double width2 = kernelWidth * kernelWidth;
        for (int s = 0; s < samples; s++) {
            double d2 = 0;
            for (int j = 0; j < features; j++) {
                double diff = scaled[j][s] - scaled[j][0];
                d2 += diff * diff;
            }
            w[s] = Math.sqrt(Math.exp(-d2 / width2));
        }
        WeightedRidge.Fit fit = WeightedRidge.fit(scaled, y, w, alpha);
        double[] first = new double[features];
        for (int j = 0; j < features; j++) {
            first[j] = scaled[j][0];
        }
        return new Explanation(rowId, y[0], fit.intercept(), fit.predict(first), fit.r2(), fit.coefficients());
    }

    /** Mean |weight| per feature over the explained rows. */
    public static double[] meanAbsoluteWeights(List<Explanation> explanations, int features) {
        double[] mean = new double[features];
        for (Explanation e : explanations) {
            for (int j = 0; j < features; j++) {
                mean[j] += Math.abs(e.weights()[j]) / explanations.size();
            }
        }
        return mean;
    }

    /**
     * lime's QuartileDiscretizer (lime/discretize.py, BaseDiscretizer): bins at the training quartiles; per bin the
     * training mean, the population standard deviation plus 1e-11 and the bin's bounds, which are the cut points
     * themselves (the training minimum and maximum for the outer bins), not the extreme values seen inside the bin.
     */
    static final class Quartiles {
        private final double[][] cuts;   // [feature][3]
        private final double[][][] stats; // [feature][bin] = {mean, std, min, max, frequency, cdf(min), cdf(max)}
        private final NormalDistribution[][] normals;

        Quartiles(double[][] training) {
            if (training == null || training.length < 4) {
                throw new InputException("quartile discretization needs at least 4 training rows");
            }
            int d = training[0].length;
            cuts = new double[d][3];
            stats = new double[d][4][];
            normals = new NormalDistribution[d][4];
            double[] column = new double[training.length];
            for (int j = 0; j < d; j++) {
                for (int r = 0; r < training.length; r++) {
                    column[r] = training[r][j];
                }
                double[] sorted = column.clone();
                Arrays.sort(sorted);
                for (int k = 0; k < 3; k++) {
                    cuts[j][k] = Percentiles.ofSorted(sorted, 25 * (k + 1));
                }
                double[] bounds = {sorted[0], cuts[j][0], cuts[j][1], cuts[j][2], sorted[sorted.length - 1]};
                double[] sum = new double[4];
                double[] sum2 = new double[4];
                int[] count = new int[4];
                for (double v : column) {
                    int b = bin(cuts[j], v);
                    sum[b] += v;
                    count[b]++;
                }
                double[] mean = new double[4];
                for (int b = 0; b < 4; b++) {
                    mean[b] = count[b] > 0 ? sum[b] / count[b] : 0;
                }
                for (double v : column) {
                    int b = bin(cuts[j], v);
                    sum2[b] += (v - mean[b]) * (v - mean[b]);
                }
                for (int b = 0; b < 4; b++) {
                    double std = (count[b] > 0 ? Math.sqrt(sum2[b] / count[b]) : 0) + 1e-11;
                    double[] st = {mean[b], std, bounds[b], bounds[b + 1], (double) count[b] / training.length, 0, 0};
                    if (st[3] > st[2]) {
                        normals[j][b] = new NormalDistribution(null, st[0], st[1]);
                        st[5] = normals[j][b].cumulativeProbability(st[2]);
                        st[6] = normals[j][b].cumulativeProbability(st[3]);
                    }
                    stats[j][b] = st;
                }
            }
        }

        /** lime uses np.searchsorted(cuts, v, side='left'): bin k holds cuts[k-1] < v <= cuts[k]. */
        static int bin(double[] cut, double v) {
            int b = 0;
            while (b < 3 && v > cut[b]) {
                b++;
            }
            return b;
        }

        int[] bins(double[] row) {
            int[] b = new int[row.length];
            for (int j = 0; j < row.length; j++) {
                b[j] = bin(cuts[j], row[j]);
            }
            return b;
        }

        int sampleBin(int feature, SplittableRandom rnd) {
            double u = rnd.nextDouble();
            double acc = 0;
            for (int b = 0; b < 3; b++) {
                acc += stats[feature][b][4];
                if (u < acc) {
                    return b;
                }
            }
            return 3;
        }

        /**
         * A value from the bin's normal (mean, std) truncated to the bin's bounds, by inverting the CDF; a bin whose
         * bounds coincide gives that bound (lime returns (bound - mean) / std there, a standardized value on the raw
         * scale, which we take for a slip).
         */
        double sampleValue(int feature, int bin, SplittableRandom rnd) {
            double[] s = stats[feature][bin];
            NormalDistribution normal = normals[feature][bin];
            if (normal == null) {
                return s[2];
            }
            double u = s[5] + rnd.nextDouble() * (s[6] - s[5]);
            double v = normal.inverseCumulativeProbability(Math.min(Math.max(u, 1e-15), 1 - 1e-15));
            return Math.min(Math.max(v, s[2]), s[3]);
        }
    }
}

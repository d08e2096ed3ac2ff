package io.github.mdxai.features.dynamics;

import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.util.List;

/**
 * Single-particle dynamics of a trajectory of equally spaced frames, averaged over all time origins: mean squared
 * displacement per type and the self-intermediate scattering function of one type,
 * F_s(k, t) = < sin(k |dr|) / (k |dr|) > (the isotropic average of exp(i k . dr)).
 * Displacements use image counters where frames have them, else unwrap frame to frame by the minimum image
 * (correct while no particle moves half a box between frames).
 */
public final class SelfDynamics {

    private SelfDynamics() {
    }

    /**
     * @param time   lag times (frame spacing x lag)
     * @param msd    msd[type][lag]
     * @param fs     F_s of {@code fsType} at {@code k}, per lag
     */
    public record Result(double[] time, double[][] msd, double[] fs, int fsType, double k) {

        /**
         * Time where F_s first falls to 1/e, interpolated between the two samples at t > 0 that bracket it (never
         * from the t = 0 sample); NaN if F_s has not decayed to 1/e by the last sample, or is already below it at
         * the first sample after t = 0 (the sampling does not resolve the decay).
         */
        public double tauAlpha() {
            return crossing(time, fs, Math.exp(-1));
        }
    }

    /**
     * The first time a decaying curve falls to {@code level}, interpolated between the bracketing samples at t > 0:
     * linearly in (ln t, ln(-ln y)) where both samples lie in (0, 1), which is exact for any stretched exponential
     * exp(-(t/tau)^beta), else linearly in (t, y). NaN if the curve never falls to the level, or if the first
     * sample after t = 0 is already at or below it.
     */
    public static double crossing(double[] t, double[] y, double level) {
        int first = 0;
        while (first < t.length && !(t[first] > 0)) {
            first++;
        }
        if (first >= y.length || y[first] <= level) {
            return Double.NaN;
        }
        for (int q = first + 1; q < y.length; q++) {
            if (y[q] <= level && y[q - 1] > level) {
                double y0 = y[q - 1];
                double y1 = y[q];
                if (y0 < 1 && y1 > 0 && level > 0 && level < 1) {
                    double u0 = Math.log(-Math.log(y0));
                    double u1 = Math.log(-Math.log(y1));
                    double u = Math.log(-Math.log(level));
                    double lt = Math.log(t[q - 1]) + (Math.log(t[q]) - Math.log(t[q - 1])) * (u - u0) / (u1 - u0);
                    return Math.exp(lt);
                }
                return t[q - 1] + (t[q] - t[q - 1]) * (y0 - level) / (y0 - y1);
            }
        }
        return Double.NaN;
    }

    /** Unwrapped positions of every frame (frames must hold the same particles in the same order). */
    public static double[][] unwrap(List<Configuration> frames) {
        int f = frames.size();
        double[][] u = new double[f][];
        Configuration first = frames.get(0);
        for (int m = 0; m < f; m++) {
            Configuration c = frames.get(m);
            if (c.size() != first.size() || !java.util.Arrays.equals(c.ids(), first.ids())) {
                throw new InputException("frame " + (m + 1) + " does not hold the same particles as frame 1");
            }
            if (c.images() != null || m == 0) {
                u[m] = c.unwrappedPositions();
            } else {
                Box b = c.box();
                double[] prev = u[m - 1];
                double[] x = c.positions();
                u[m] = new double[x.length];
                for (int k = 0; k < x.length; k++) {
                    u[m][k] = prev[k] + b.minimumImage(x[k] - prev[k], k % 3);
                }
            }
        }
        return u;
    }

    /**
     * MSD and F_s from frames at arbitrary times (for example log-spaced after several time origins, as
     * {@code LiquidProtocol} writes dynamics.xyz): every pair of frames gives one lag; pairs are pooled in bins of
     * {@code binsPerDecade} per decade of lag time, and each bin is reported at the pair-weighted mean lag.
     * The result starts with lag 0 (F_s = 1, MSD = 0).
     *
     * @param times frame times, increasing
     */
    public static Result computeAtTimes(List<Configuration> frames, double[] times, int typeCount, int fsType, double k,
                                       int binsPerDecade, Progress progress) {
        InputException.require(frames.size() >= 2, "need at least 2 frames for dynamics, got " + frames.size());
        InputException.require(times.length == frames.size(), "one time per frame is needed");
        InputException.require(k > 0, "k must be positive");
        InputException.require(binsPerDecade >= 1, "binsPerDecade must be at least 1");
        int f = frames.size();
        double smallest = Double.POSITIVE_INFINITY;
        for (int m = 1; m < f; m++) {
            double d = times[m] - times[m - 1];
            InputException.require(d > 0, "frame times must increase: frame " + (m + 1) + " is at " + times[m]
                    + ", after " + times[m - 1]);
            smallest = Math.min(smallest, d);
        }
        double origin = Math.log10(smallest) - 0.5 / binsPerDecade;
        int bins = (int) Math.floor((Math.log10(times[f - 1] - times[0]) - origin) * binsPerDecade) + 1;
        double[][] u = unwrap(frames);
        int[] types = frames.get(0).types();
        int n = types.length;
        int[] counts = frames.get(0).countByType(typeCount);
        double[][] sq = new double[typeCount][bins];
        double[] fsSum = new double[bins];
        double[] lagSum = new double[bins];
        long[] pairs = new long[bins];
        for (int a = 0; a < f; a++) {
            progress.checkCancelled();
            progress.fraction((double) a / f);
            for (int b = a + 1; b < f; b++) {
                double lag = times[b] - times[a];
                int bin = Math.min(bins - 1, Math.max(0, (int) Math.floor((Math.log10(lag) - origin) * binsPerDecade)));
                double[] x0 = u[a];
                double[] x1 = u[b];
                for (int i = 0; i < n; i++) {
                    double dx = x1[3 * i] - x0[3 * i];
                    double dy = x1[3 * i + 1] - x0[3 * i + 1];
                    double dz = x1[3 * i + 2] - x0[3 * i + 2];
                    double r2 = dx * dx + dy * dy + dz * dz;
                    sq[types[i]][bin] += r2;
                    if (types[i] == fsType) {
                        double kr = k * Math.sqrt(r2);
                        fsSum[bin] += kr < 1e-6 ? 1 - kr * kr / 6 : Math.sin(kr) / kr;
                    }
                }
                lagSum[bin] += lag;
                pairs[bin]++;
            }
        }
        int used = 0;
        for (long p : pairs) {
            used += p > 0 ? 1 : 0;
        }
        double[] time = new double[used + 1];
        double[] fs = new double[used + 1];
        double[][] msd = new double[typeCount][used + 1];
        fs[0] = 1;
        int q = 1;
        for (int bin = 0; bin < bins; bin++) {
            if (pairs[bin] == 0) {
                continue;
            }
            time[q] = lagSum[bin] / pairs[bin];
            fs[q] = fsSum[bin] / ((double) counts[fsType] * pairs[bin]);
            for (int t = 0; t < typeCount; t++) {
                msd[t][q] = counts[t] > 0 ? sq[t][bin] / ((double) counts[t] * pairs[bin]) : Double.NaN;
            }
            q++;
        }
        progress.fraction(1);
        return new Result(time, msd, fs, fsType, k);
    }

    /**
     * MSD and F_s over lags 0 .. maxLag (frames) from all origins.
     *
     * @param frameTime time between frames
     */
    public static Result compute(List<Configuration> frames, double frameTime, int typeCount, int fsType, double k,
                                 int maxLag, Progress progress) {
        InputException.require(frames.size() >= 2, "need at least 2 frames for dynamics, got " + frames.size());
        InputException.require(frameTime > 0, "time between frames must be positive");
        InputException.require(k > 0, "k must be positive");
        int f = frames.size();
        int lags = Math.min(maxLag, f - 1) + 1;
        double[][] u = unwrap(frames);
        int[] types = frames.get(0).types();
        int n = types.length;
        int[] counts = frames.get(0).countByType(typeCount);
        double[][] msd = new double[typeCount][lags];
        double[] fs = new double[lags];
        double[] time = new double[lags];
        for (int lag = 0; lag < lags; lag++) {
            progress.checkCancelled();
            progress.fraction((double) lag / lags);
            time[lag] = lag * frameTime;
            double[] sq = new double[typeCount];
            double sum = 0;
            int origins = f - lag;
            for (int o = 0; o < origins; o++) {
                double[] a = u[o];
                double[] b = u[o + lag];
                for (int i = 0; i < n; i++) {
                    double dx = b[3 * i] - a[3 * i];
                    double dy = b[3 * i + 1] - a[3 * i + 1];
                    double dz = b[3 * i + 2] - a[3 * i + 2];
                    double r2 = dx * dx + dy * dy + dz * dz;
                    sq[types[i]] += r2;
                    if (types[i] == fsType) {
                        double kr = k * Math.sqrt(r2);
                        sum += kr < 1e-6 ? 1 - kr * kr / 6 : Math.sin(kr) / kr;
                    }
                }
            }
            for (int t = 0; t < typeCount; t++) {
                msd[t][lag] = counts[t] > 0 ? sq[t] / ((double) counts[t] * origins) : Double.NaN;
            }
            fs[lag] = sum / ((double) counts[fsType] * origins);
        }
        progress.fraction(1);
        return new Result(time, msd, fs, fsType, k);
    }
}

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

        /** Time where F_s first falls to 1/e, linearly interpolated; NaN if it never does. */
        public double tauAlpha() {
            return crossing(time, fs, Math.exp(-1));
        }
    }

    /** The first time a decaying curve falls to {@code level} (linear interpolation), NaN if it never does. */
    public static double crossing(double[] t, double[] y, double level) {
        for (int q = 1; q < y.length; q++) {
            if (y[q] <= level && y[q - 1] > level) {
                return t[q - 1] + (t[q] - t[q - 1]) * (y[q - 1] - level) / (y[q - 1] - y[q]);
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

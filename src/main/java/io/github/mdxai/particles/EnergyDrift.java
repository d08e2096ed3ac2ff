package io.github.mdxai.particles;

/**
 * The linear drift of a time series (total energy per atom in NVE) with a standard error that accounts for the
 * autocorrelation of the residuals by block averaging: the least-squares slope is b = sum_i w_i y_i with
 * w_i = (t_i - mean t) / S_tt, so b - slope = sum_i w_i e_i; the series is cut into {@link #BLOCKS} contiguous blocks
 * whose sums S_k = sum_{i in k} w_i e_i are nearly independent once a block is much longer than the correlation time,
 * and Var(b) = M / (M - 1) sum_k S_k^2. Unlike an integrated autocorrelation time summed to a window, this stays
 * right for oscillating (anti-correlated) residuals, which velocity Verlet's energy error has at 10-step sampling.
 * Like any stationary-noise estimate it does not cover a random walk of the energy.
 *
 * @param slope                   fitted slope (units of y per unit of t)
 * @param standardError           standard error of the slope from the block sums
 * @param whiteNoiseStandardError standard error the slope would have for uncorrelated residuals
 * @param residualRms             rms deviation from the fitted line
 * @param samples                 number of points
 */
public record EnergyDrift(double slope, double standardError, double whiteNoiseStandardError, double residualRms,
                          int samples) {

    /** Blocks of the standard error (fewer, at least 4, for short series: at least 8 points a block). */
    public static final int BLOCKS = 32;

    /** Fits y(t); needs at least 16 points and distinct times. */
    public static EnergyDrift fit(double[] t, double[] y) {
        int n = t.length;
        if (n != y.length || n < 16) {
            throw new IllegalArgumentException("need at least 16 (t, y) points of equal count, got " + n + " and " + y.length);
        }
        double tMean = 0;
        double yMean = 0;
        for (int k = 0; k < n; k++) {
            tMean += t[k];
            yMean += y[k];
        }
        tMean /= n;
        yMean /= n;
        double stt = 0;
        double sty = 0;
        for (int k = 0; k < n; k++) {
            stt += (t[k] - tMean) * (t[k] - tMean);
            sty += (t[k] - tMean) * (y[k] - yMean);
        }
        if (!(stt > 0)) {
            throw new IllegalArgumentException("all times are equal");
        }
        double slope = sty / stt;
        int blocks = Math.min(BLOCKS, n / 8);
        double sse = 0;
        double variance = 0;
        for (int b = 0; b < blocks; b++) {
            double blockSum = 0;
            for (int k = (int) ((long) n * b / blocks), end = (int) ((long) n * (b + 1) / blocks); k < end; k++) {
                double residual = y[k] - yMean - slope * (t[k] - tMean);
                sse += residual * residual;
                blockSum += (t[k] - tMean) / stt * residual;
            }
            variance += blockSum * blockSum;
        }
        variance *= blocks / (blocks - 1.0);
        return new EnergyDrift(slope, Math.sqrt(variance), Math.sqrt(sse / (n - 2) / stt), Math.sqrt(sse / n), n);
    }

    /**
     * n over the effective number of independent points: the squared ratio of the standard error to the white-noise
     * one (about the integrated autocorrelation time 1 + 2 sum rho in samples; below 1 for anti-correlated residuals).
     */
    public double inefficiency() {
        return whiteNoiseStandardError == 0 ? 1 : (standardError / whiteNoiseStandardError) * (standardError / whiteNoiseStandardError);
    }
}

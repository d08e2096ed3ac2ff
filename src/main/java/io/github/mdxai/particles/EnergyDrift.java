package io.github.mdxai.particles;

import io.github.mdxai.sampling.TransitionRegionSampler;

/**
 * The linear drift of a time series (total energy per atom in NVE) with a standard error that accounts for the
 * autocorrelation of the residuals: the ordinary least-squares slope, whose variance for correlated residuals is
 * the white-noise one times the integrated autocorrelation time tau of the residuals (in samples, Sokal's window),
 * i.e. the white-noise formula with the effective sample size n / tau. Anti-correlated residuals (tau < 1) keep the
 * white-noise error rather than a smaller one.
 *
 * @param slope                   fitted slope (units of y per unit of t)
 * @param standardError           standard error of the slope, autocorrelation included
 * @param whiteNoiseStandardError standard error the slope would have for uncorrelated residuals
 * @param autocorrelationTime     integrated autocorrelation time of the residuals, in samples (1 = uncorrelated)
 * @param residualRms             rms deviation from the fitted line
 * @param samples                 number of points
 */
public record EnergyDrift(double slope, double standardError, double whiteNoiseStandardError,
                          double autocorrelationTime, double residualRms, int samples) {

    /** Fits y(t); needs at least 4 points and distinct times. */
    public static EnergyDrift fit(double[] t, double[] y) {
        int n = t.length;
        if (n != y.length || n < 4) {
            throw new IllegalArgumentException("need at least 4 (t, y) points of equal count, got " + n + " and " + y.length);
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
        double[] residual = new double[n];
        double sse = 0;
        for (int k = 0; k < n; k++) {
            residual[k] = y[k] - yMean - slope * (t[k] - tMean);
            sse += residual[k] * residual[k];
        }
        double white = Math.sqrt(sse / (n - 2) / stt);
        // OLS residuals have zero mean: already centred
        double tau = sse == 0 ? 1 : TransitionRegionSampler.integratedAutocorrelationTime(residual);
        double inflation = Math.max(1, tau);
        return new EnergyDrift(slope, white * Math.sqrt(inflation), white, tau, Math.sqrt(sse / n), n);
    }

    /** Effective number of independent residuals, n / tau. */
    public double effectiveSamples() {
        return samples / Math.max(1, autocorrelationTime);
    }
}

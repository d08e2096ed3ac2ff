package io.github.mdxai.particles;

import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class EnergyDriftTest {

    private static final double SLOPE = 2.5e-7;
    private static final double INTERCEPT = 5.44;

    /** y = INTERCEPT + SLOPE t + AR(1) noise x_k = phi x_{k-1} + sigma e_k, stationary from the first point. */
    private static EnergyDrift fitSynthetic(double phi, double sigma, int n, long replicate) {
        SplittableRandom random = Rng.stream(11, "energy drift test", replicate);
        double[] t = new double[n];
        double[] y = new double[n];
        double x = sigma / Math.sqrt(1 - phi * phi) * random.nextGaussian();
        for (int k = 0; k < n; k++) {
            t[k] = 0.05 * k; // a sample every 10 steps of dt = 0.005
            y[k] = INTERCEPT + SLOPE * t[k] + x;
            x = phi * x + sigma * random.nextGaussian();
        }
        return EnergyDrift.fit(t, y);
    }

    @Test
    void noiselessLineGivesItsSlopeExactly() {
        double[] t = {0, 1, 2, 3, 4};
        double[] y = {1, 3, 5, 7, 9};
        EnergyDrift d = EnergyDrift.fit(t, y);
        assertEquals(2, d.slope(), 1e-12);
        assertEquals(0, d.standardError(), 1e-12);
        assertEquals(0, d.residualRms(), 1e-12);
    }

    @Test
    void standardErrorCoversTheKnownSlopeUnderCorrelatedNoise() {
        // phi = 0.9: tau = (1 + phi) / (1 - phi) = 19 samples, so the white-noise standard error is sqrt(19) too small
        int replicates = 300;
        int n = 4000;
        double phi = 0.9;
        double sum = 0;
        double sumSquares = 0;
        double meanReported = 0;
        double meanWhite = 0;
        double meanTau = 0;
        int covered = 0;
        int coveredWhite = 0;
        for (int r = 0; r < replicates; r++) {
            EnergyDrift d = fitSynthetic(phi, 2e-5, n, r);
            sum += d.slope();
            sumSquares += d.slope() * d.slope();
            meanReported += d.standardError() / replicates;
            meanWhite += d.whiteNoiseStandardError() / replicates;
            meanTau += d.autocorrelationTime() / replicates;
            covered += Math.abs(d.slope() - SLOPE) < 1.96 * d.standardError() ? 1 : 0;
            coveredWhite += Math.abs(d.slope() - SLOPE) < 1.96 * d.whiteNoiseStandardError() ? 1 : 0;
        }
        double mean = sum / replicates;
        double spread = Math.sqrt(sumSquares / replicates - mean * mean);
        assertEquals(SLOPE, mean, 3 * spread / Math.sqrt(replicates), "the fitted slope is unbiased");
        assertEquals(19, meanTau, 2.5, "integrated autocorrelation time of AR(1) residuals");
        // the reported error is the actual scatter of the fitted slopes (20 % is ~3.5 sampling errors of both)
        assertEquals(1, meanReported / spread, 0.2, "reported standard error / scatter of the slopes");
        assertTrue(meanWhite / spread < 0.35, "the white-noise error is far too small: " + meanWhite / spread);
        // 95 % intervals: 300 replicates put the coverage within about +-4 % of 0.95 (3 sigma)
        assertTrue(covered >= 0.88 * replicates, "coverage " + covered + " of " + replicates);
        assertTrue(coveredWhite < 0.6 * replicates, "white-noise coverage " + coveredWhite + " of " + replicates);
    }

    @Test
    void uncorrelatedNoiseKeepsTheWhiteNoiseError() {
        EnergyDrift d = fitSynthetic(0, 1e-5, 20000, 0);
        assertEquals(1, d.autocorrelationTime(), 0.1);
        assertEquals(d.whiteNoiseStandardError(), d.standardError(), 0.05 * d.standardError());
        assertEquals(SLOPE, d.slope(), 4 * d.standardError());
    }

    @Test
    void refusesTooFewPoints() {
        assertThrows(IllegalArgumentException.class, () -> EnergyDrift.fit(new double[]{0, 1, 2}, new double[]{0, 1, 2}));
    }
}

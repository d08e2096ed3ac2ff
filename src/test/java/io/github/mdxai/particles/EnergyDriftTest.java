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
        double[] t = new double[20];
        double[] y = new double[20];
        for (int k = 0; k < t.length; k++) {
            t[k] = k;
            y[k] = 1 + 2 * k;
        }
        EnergyDrift d = EnergyDrift.fit(t, y);
        assertEquals(2, d.slope(), 1e-12);
        assertEquals(0, d.standardError(), 1e-12);
        assertEquals(0, d.residualRms(), 1e-12);
    }

    /** Replicate fits: the scatter of the slopes around the truth against the reported errors. */
    private static void assertCalibrated(double phi, double expectedInefficiency) {
        int replicates = 300;
        double sumSquares = 0;
        double sum = 0;
        double meanReported = 0;
        double meanWhite = 0;
        double meanInefficiency = 0;
        int covered = 0;
        for (int r = 0; r < replicates; r++) {
            EnergyDrift d = fitSynthetic(phi, 2e-5, 10000, r);
            sum += d.slope();
            sumSquares += (d.slope() - SLOPE) * (d.slope() - SLOPE);
            meanReported += d.standardError() / replicates;
            meanWhite += d.whiteNoiseStandardError() / replicates;
            meanInefficiency += d.inefficiency() / replicates;
            covered += Math.abs(d.slope() - SLOPE) < 1.96 * d.standardError() ? 1 : 0;
        }
        double rms = Math.sqrt(sumSquares / replicates);
        assertEquals(SLOPE, sum / replicates, 3 * rms / Math.sqrt(replicates), "the fitted slope is unbiased");
        // for AR(1) residuals n / n_eff = (1 + phi) / (1 - phi)
        assertEquals(expectedInefficiency, meanInefficiency, 0.15 * expectedInefficiency, "n / n_eff");
        // the reported error is the actual scatter of the slopes (15 % is ~3 sampling errors of the scatter)
        assertEquals(1, meanReported / rms, 0.15, "reported standard error / scatter of the slopes");
        assertEquals(Math.sqrt(expectedInefficiency), meanReported / meanWhite, 0.1 * Math.sqrt(expectedInefficiency));
        // 95 % intervals: 300 replicates put the coverage within about +-4 % of 0.95 (3 sigma); 32 blocks make the
        // error itself uncertain by ~13 %, which costs ~1 % of coverage
        assertTrue(covered >= 0.88 * replicates && covered <= 0.99 * replicates, "coverage " + covered + " of " + replicates);
    }

    @Test
    void standardErrorCoversTheKnownSlopeUnderPositivelyCorrelatedNoise() {
        // phi = 0.9: n / n_eff = 19, so the white-noise standard error is sqrt(19) times too small
        assertCalibrated(0.9, 19);
    }

    @Test
    void standardErrorCoversTheKnownSlopeUnderOscillatingNoise() {
        // phi = -0.5: n / n_eff = 1/3, the white-noise error is too large (velocity Verlet's energy error sampled
        // every 10 steps oscillates like this)
        assertCalibrated(-0.5, 1.0 / 3);
    }

    @Test
    void uncorrelatedNoiseKeepsTheWhiteNoiseError() {
        assertCalibrated(0, 1);
    }

    @Test
    void refusesTooFewPoints() {
        assertThrows(IllegalArgumentException.class, () -> EnergyDrift.fit(new double[]{0, 1, 2}, new double[]{0, 1, 2}));
    }
}

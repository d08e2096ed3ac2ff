package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.io.GroFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransitionRegionSamplerTest {

    @Test
    void restraintForcesAreMinusItsGradientAcrossThePeriodicBoundary() {
        double[] x = GroFile.read(Path.of("test-data/ala2/conformations.gro")).get(1).x();
        CollectiveVariable[] cvs = CollectiveVariables.parseAtLeastOne("phi psi", 22);
        // centre psi at -170 deg: psi is about 73 deg, so the short way round crosses +-180
        HarmonicRestraint r = new HarmonicRestraint(cvs,
                new double[]{Math.toRadians(10), Math.toRadians(-170)}, 100, 22);
        double[] f = new double[x.length];
        double u = r.addForces(x, f);
        double dPhi = Math.IEEEremainder(cvs[0].value(x) - Math.toRadians(10), 2 * Math.PI);
        double dPsi = Math.IEEEremainder(cvs[1].value(x) - Math.toRadians(-170), 2 * Math.PI);
        assertEquals(50 * (dPhi * dPhi + dPsi * dPsi), u, 1e-9);
        double worst = 0;
        for (int c = 0; c < x.length; c++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[c] += 1e-6;
            xm[c] -= 1e-6;
            double[] scratch = new double[x.length];
            double numeric = -(r.addForces(xp, scratch) - r.addForces(xm, scratch)) / 2e-6;
            worst = Math.max(worst, Math.abs(numeric - f[c]));
        }
        assertTrue(worst < 1e-4, "worst force error " + worst);
    }

    @Test
    void aCancelledSamplingKeepsTheConfigurationsItHas(@org.junit.jupiter.api.io.TempDir Path dir) {
        io.github.mdxai.molecules.Topology top = io.github.mdxai.io.GromacsTopology.read(Path.of("test-data/ala2/processed.top"));
        double[] x = GroFile.read(Path.of("test-data/ala2/conformations.gro")).get(1).x();
        CollectiveVariable[] cvs = CollectiveVariables.parseAtLeastOne("phi psi", 22);
        io.github.mdxai.util.Progress cancelAtFirstCheck = new io.github.mdxai.util.Progress() {
            public void fraction(double done) {
            }

            public void status(String text) {
            }

            public boolean cancelled() {
                return true;
            }
        };
        TransitionRegionSampler.Settings s = new TransitionRegionSampler.Settings(new double[]{-80, 70}, 200, 100, 100, 0,
                300, 1, 0.002, 3, true);
        org.junit.jupiter.api.Assertions.assertThrows(io.github.mdxai.util.CancelledException.class,
                () -> TransitionRegionSampler.sample(top, x, cvs, cvs, s, dir, cancelAtFirstCheck));
        // the first check comes at step 1024: configurations at steps 100, ..., 1000 are kept, in both files
        assertEquals(10, GroFile.read(dir.resolve("transition_configs.gro")).size());
        assertEquals(10, io.github.mdxai.util.CsvTable.read(dir.resolve("transition_configs.csv")).rowCount());
    }

    @Test
    void nearestSampleUsesPeriodicDifferences() {
        double[][] samples = {{170, 0}, {-100, 0}, {0, 0}};
        assertEquals(0, TransitionRegionSampler.nearest(samples, new double[]{-175, 0}, new boolean[]{true, false}));
        assertEquals(1, TransitionRegionSampler.nearest(samples, new double[]{-175, 0}, new boolean[]{false, false}));
    }

    @Test
    void integratedAutocorrelationTimeOfAnAr1SeriesIsItsAnalyticValue() {
        // x_t = a x_{t-1} + noise has rho(t) = a^t and tau = (1 + a) / (1 - a): 3 for a = 0.5, 1 for white noise
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double[][] rows = new double[20000][1];
        double[][] white = new double[20000][1];
        for (int k = 1; k < rows.length; k++) {
            rows[k][0] = 0.5 * rows[k - 1][0] + random.nextGaussian();
            white[k][0] = random.nextGaussian();
        }
        assertEquals(3, TransitionRegionSampler.integratedAutocorrelationTime(TransitionRegionSampler.centred(rows, 0, false)), 0.2);
        assertEquals(1, TransitionRegionSampler.integratedAutocorrelationTime(TransitionRegionSampler.centred(white, 0, false)), 0.1);
    }

    @Test
    void lag1AutocorrelationOfKnownSeries() {
        double[][] alternating = new double[100][1];
        for (int k = 0; k < 100; k++) {
            alternating[k][0] = k % 2 == 0 ? 179 : -179;
        }
        // across +-180 the series alternates by 2 degrees: perfectly anti-correlated
        assertEquals(-1, TransitionRegionSampler.lag1Autocorrelation(alternating, 0, true), 0.02);
    }
}

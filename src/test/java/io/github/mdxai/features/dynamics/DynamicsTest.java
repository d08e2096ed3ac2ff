package io.github.mdxai.features.dynamics;

import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DynamicsTest {

    /** Particles flying straight at speed v through a periodic box: MSD = v^2 t^2, F_s = sin(kvt)/(kvt). */
    @Test
    void ballisticMotionGivesAnalyticMsdAndFs() {
        int n = 64;
        double speed = 0.7;
        Box box = Box.cubic(6);
        double[] x0 = new double[3 * n];
        double[] dir = new double[3 * n];
        int[] types = new int[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            types[i] = i % 2;
            double[] d = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            for (int a = 0; a < 3; a++) {
                x0[3 * i + a] = 6 * r.nextDouble();
                dir[3 * i + a] = d[a] / norm;
            }
        }
        List<Configuration> frames = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            double[] x = new double[3 * n];
            for (int k = 0; k < 3 * n; k++) {
                x[k] = box.wrap(x0[k] + speed * 0.05 * m * dir[k], k % 3); // wrapped, no image counters
            }
            Configuration c = Configuration.of(types, x, null, box);
            frames.add(new Configuration(c.ids(), types, x, null, null, box, 10L * m, 0.05 * m));
        }
        double k = 7.0;
        SelfDynamics.Result d = SelfDynamics.compute(frames, 0.05, 2, 0, k, 59, Progress.NONE);
        for (int lag = 0; lag < 60; lag++) {
            double dist = speed * 0.05 * lag;
            assertEquals(dist * dist, d.msd()[0][lag], 1e-9);
            assertEquals(dist * dist, d.msd()[1][lag], 1e-9);
            double expected = lag == 0 ? 1 : Math.sin(k * dist) / (k * dist);
            assertEquals(expected, d.fs()[lag], 1e-9);
        }
        // sin(x)/x = 1/e at x = 2.19912: tau = 2.19912 / (k v)
        assertEquals(2.19912, k * speed * d.tauAlpha(), 5e-3); // linear interpolation on a grid of 0.245
        assertEquals(0.05, RelaxationAnalysis.frameTime(frames, 0), 1e-15);
    }

    /** Log-spaced samples from 0.01 tau with ratio 1.35, as LiquidProtocol's dynamics.xyz lags; t = 0 first. */
    private static double[] logTimes(double tau) {
        double[] t = new double[40];
        for (int q = 1; q < t.length; q++) {
            t[q] = 0.01 * tau * Math.pow(1.35, q - 1);
        }
        return t;
    }

    @Test
    void tauAlphaOfAnExponentialAndAStretchedExponentialIsExactFromTheBracketingSamples() {
        double tau = 3.7;
        for (double beta : new double[]{1.0, 0.6}) {
            double[] t = logTimes(tau);
            double[] f = new double[t.length];
            for (int q = 0; q < t.length; q++) {
                f[q] = Math.exp(-Math.pow(t[q] / tau, beta));
            }
            double found = new SelfDynamics.Result(t, new double[1][t.length], f, 0, 1).tauAlpha();
            assertEquals(tau, found, 1e-9 * tau, "beta " + beta);
        }
    }

    @Test
    void tauAlphaIsNeverInterpolatedFromTimeZero() {
        double tau = 0.8;
        // first sample after t = 0 already below 1/e: the sampling does not resolve tau_alpha
        double[] t = {0, 1.25, 2.5};
        double[] f = {1, Math.exp(-1.25 / tau), Math.exp(-2.5 / tau)};
        assertTrue(Double.isNaN(SelfDynamics.crossing(t, f, Math.exp(-1))));
        // never decays to 1/e within the samples
        assertTrue(Double.isNaN(SelfDynamics.crossing(new double[]{0, 1, 2}, new double[]{1, 0.9, 0.8}, Math.exp(-1))));
        // a curve that goes negative (noise) falls back to linear interpolation between its brackets
        assertEquals(1.5, SelfDynamics.crossing(new double[]{0, 1, 2}, new double[]{1, 2 * Math.exp(-1), 0},
                Math.exp(-1)), 1e-12);
    }

    /** Ballistic flight sampled at log-spaced times (several origins): F_s per lag bin follows sin(kvt)/(kvt). */
    @Test
    void logSpacedFramesGiveTheAnalyticFsAndTauAlpha() {
        int n = 200;
        double speed = 0.7;
        double k = 7.0;
        Box box = Box.cubic(6);
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        double[] x0 = new double[3 * n];
        double[] dir = new double[3 * n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            types[i] = i % 2;
            double[] d = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            for (int a = 0; a < 3; a++) {
                x0[3 * i + a] = 6 * r.nextDouble();
                dir[3 * i + a] = d[a] / norm;
            }
        }
        long[] steps = io.github.mdxai.particles.LiquidProtocol.dynamicsSchedule(2000, 4);
        List<Configuration> frames = new ArrayList<>();
        double[] times = new double[steps.length];
        for (int m = 0; m < steps.length; m++) {
            times[m] = 0.005 * steps[m];
            double[] x = new double[3 * n];
            int[] images = new int[3 * n];
            for (int c = 0; c < 3 * n; c++) {
                double u = x0[c] + speed * times[m] * dir[c];
                images[c] = (int) Math.floor(u / 6);
                x[c] = u - 6 * images[c];
            }
            frames.add(new Configuration(Configuration.of(types, x, null, box).ids(), types, x, null, images, box,
                    steps[m], times[m]));
        }
        SelfDynamics.Result d = SelfDynamics.computeAtTimes(frames, times, 2, 0, k, 20, Progress.NONE);
        assertEquals(0.0, d.time()[0]);
        assertEquals(0.005, d.time()[1], 1e-12, "the first lag is one MD step");
        for (int q = 1; q < d.time().length; q++) {
            double x = k * speed * d.time()[q];
            // lags pooled in a bin (at most 12 % apart) shift F_s by at most its slope over the bin
            assertEquals(Math.sin(x) / x, d.fs()[q], 0.02, "F_s at t = " + d.time()[q]);
        }
        assertEquals(2.19912 / (k * speed), d.tauAlpha(), 0.02 * 2.19912 / (k * speed));
        assertTrue(d.time()[1] < 0.05 * d.tauAlpha(), "samples start well below tau_alpha");
    }

    @Test
    void simpleCubicLatticeHasSixNeighboursInTheFirstShell() {
        int m = 8;
        double a = 1.1;
        int n = m * m * m;
        double[] x = new double[3 * n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            x[3 * i] = (i % m) * a;
            x[3 * i + 1] = ((i / m) % m) * a;
            x[3 * i + 2] = (i / (m * m)) * a;
            types[i] = i % 2;
        }
        Configuration c = Configuration.of(types, x, null, Box.cubic(m * a));
        PairCorrelation.Result g = PairCorrelation.compute(List.of(c), 2, 4.0, 400);
        double dr = g.r()[1] - g.r()[0];
        double coordination = 0;
        for (int b = 0; b < g.r().length && g.r()[b] < 1.3; b++) {
            coordination += 4 * Math.PI * g.r()[b] * g.r()[b] * dr * g.density() * g.total()[b];
        }
        // the shell-volume normalisation makes the bin sum exact up to the (N - 1)/N factor of g_total
        assertEquals(6.0 * n / (n - 1), coordination, 0.05);
        assertTrue(g.firstMinimum(0, 0) > 1.1 && g.firstMinimum(0, 0) < 1.6, "first minimum " + g.firstMinimum(0, 0));
    }

    @Test
    void unequalFrameSpacingIsRefused() {
        Box box = Box.cubic(5);
        Configuration c = Configuration.of(new int[]{0, 1}, new double[6], null, box);
        List<Configuration> frames = List.of(
                new Configuration(c.ids(), c.types(), c.positions(), null, null, box, 0, Double.NaN),
                new Configuration(c.ids(), c.types(), c.positions(), null, null, box, 10, Double.NaN),
                new Configuration(c.ids(), c.types(), c.positions(), null, null, box, 25, Double.NaN));
        InputException e = assertThrows(InputException.class, () -> RelaxationAnalysis.frameTime(frames, 0.005));
        assertTrue(e.getMessage().contains("not equally spaced"), e.getMessage());
    }
}

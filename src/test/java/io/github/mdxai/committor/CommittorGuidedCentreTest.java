package io.github.mdxai.committor;

import io.github.mdxai.sampling.FreeEnergy;
import io.github.mdxai.sampling.MinimumFreeEnergyPath;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommittorGuidedCentreTest {

    static final double KT = FreeEnergy.kT(300);

    /**
     * A path along phi from -90 to 60 deg in 6-degree steps at psi = -40 over a barrier whose top, phi in [-21, 15],
     * is flat up to noise of +-0.5 kT (as on a short metadynamics surface), so its highest bin moves with the noise.
     */
    static MinimumFreeEnergyPath.Path noisyRidge(long noiseSeed) {
        SplittableRandom noise = new SplittableRandom(noiseSeed);
        int n = 26;
        double[] x = new double[n], y = new double[n], f = new double[n];
        int top = 0;
        for (int k = 0; k < n; k++) {
            x[k] = -90 + 6 * k;
            y[k] = -40;
            double outside = Math.max(0, Math.max(-21 - x[k], x[k] - 15));
            f[k] = 35 - 0.4 * outside + (outside == 0 ? KT * (noise.nextDouble() - 0.5) : 0);
            if (f[k] > f[top]) {
                top = k;
            }
        }
        return new MinimumFreeEnergyPath.Path(x, y, f, top);
    }

    /** A toy committor p_B = 1 / (1 + exp(-(phi - phiHalf) / 4 deg)), 100 binomial shots per probe. */
    static CommittorGuidedCentre.Committor toy(double phiHalf, long seed) {
        return (centre, probe) -> {
            double p = 1 / (1 + Math.exp(-(centre[0] - phiHalf) / 4));
            SplittableRandom shots = new SplittableRandom(seed * 1000 + probe);
            int nB = 0;
            for (int s = 0; s < 100; s++) {
                nB += shots.nextDouble() < p ? 1 : 0;
            }
            return new int[]{100 - nB, nB, 0};
        };
    }

    @Test
    void theCentreIsWhereTheCommittorIsOneHalfWhereverTheNoisePutsTheHighestBin() {
        double lowest = Double.POSITIVE_INFINITY, highest = Double.NEGATIVE_INFINITY;
        for (long seed = 1; seed <= 8; seed++) {
            MinimumFreeEnergyPath.Path ridge = noisyRidge(seed);
            lowest = Math.min(lowest, ridge.saddleX());
            highest = Math.max(highest, ridge.saddleX());
            CommittorGuidedCentre.Search s = CommittorGuidedCentre.search(ridge, KT, toy(-5, seed));
            assertEquals(-5, s.centre()[0], 3, "seed " + seed + ": p_B = 1/2 at phi = -5, the highest bin at " + ridge.saddleX());
            assertEquals(-40, s.centre()[1], 1e-9, "on the path");
            assertTrue(s.probes().size() <= CommittorGuidedCentre.MAX_PROBES, "the barrier top alone brackets p_B = 1/2");
        }
        assertTrue(highest - lowest >= 18, "the noise moves the highest bin across the ridge: " + lowest + " to " + highest);
    }

    @Test
    void probesFollowThePathUntilTheyBracketOneHalfBeyondTheBarrierTop() {
        MinimumFreeEnergyPath.Path ridge = noisyRidge(3);
        CommittorGuidedCentre.Search late = CommittorGuidedCentre.search(ridge, KT, toy(33, 3));
        assertEquals(33, late.centre()[0], 3, "p_B = 1/2 past the top, toward B");
        assertTrue(late.probes().get(late.probes().size() - 1).centre()[0] > 33, "a probe beyond phi = 33");
        CommittorGuidedCentre.Search early = CommittorGuidedCentre.search(ridge, KT, toy(-45, 3));
        assertEquals(-45, early.centre()[0], 3, "p_B = 1/2 before the top, toward A");
        for (int k = 1; k < early.probes().size(); k++) {
            assertTrue(early.probes().get(k).arc() > early.probes().get(k - 1).arc(), "probes are kept in path order");
        }
    }

    @Test
    void arcLengthAndPointsUseMinimumImageStepsAcrossPlusMinus180() {
        MinimumFreeEnergyPath.Path p = new MinimumFreeEnergyPath.Path(new double[]{171, 177, -177, -171},
                new double[]{0, 6, 6, 6}, new double[]{0, 1, 2, 1}, 2);
        double[] arc = CommittorGuidedCentre.arcLength(p);
        assertArrayEquals(new double[]{0, Math.hypot(6, 6), Math.hypot(6, 6) + 6, Math.hypot(6, 6) + 12}, arc, 1e-9);
        assertArrayEquals(new double[]{-180, 6}, CommittorGuidedCentre.pointAt(p, arc, arc[1] + 3), 1e-9);
        assertArrayEquals(new double[]{174, 3}, CommittorGuidedCentre.pointAt(p, arc, arc[1] / 2), 1e-9);
    }

    @Test
    void withoutDecidedShotsAtTwoPointsTheCentreIsTheProbeNearestOneHalf() {
        java.util.List<CommittorGuidedCentre.Probe> probes = java.util.List.of(
                new CommittorGuidedCentre.Probe(3, 18, new double[]{-10, 0}, 30, 0, 0, 10),
                new CommittorGuidedCentre.Probe(4, 24, new double[]{-4, 0}, 31, 6, 4, 0),
                new CommittorGuidedCentre.Probe(5, 30, new double[]{2, 0}, 30, 0, 0, 10));
        assertEquals(24, CommittorGuidedCentre.halfPoint(probes), 0, "the only probe with decided shots");
        java.util.List<CommittorGuidedCentre.Probe> undecided = java.util.List.of(probes.get(0), probes.get(2));
        assertEquals(18, CommittorGuidedCentre.halfPoint(undecided), 0, "no decided shot: the first probe");
    }
}

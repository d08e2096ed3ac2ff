package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.Dihedral;
import io.github.mdxai.io.GroFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadynamicsTest {

    static final double KT = FreeEnergy.kT(300);

    static Metadynamics phiPsi() {
        return new Metadynamics(new CollectiveVariable[]{Dihedral.phi(), Dihedral.psi()}, new double[]{0.35, 0.35}, 1.2, 6, KT, null, 22);
    }

    @Test
    void hillsAreGaussiansOnAPeriodicGridWithWellTemperedHeights() {
        Metadynamics m = phiPsi();
        double[] centre = {Math.toRadians(175), Math.toRadians(-60)};
        double h1 = m.deposit(centre);
        assertEquals(1.2, h1, 1e-12, "first hill has the full height");
        assertEquals(1.2, m.bias(centre), 0.02, "bias at the centre");
        // across the periodic boundary: 175 + 20 deg = -165 deg
        double expected = 1.2 * Math.exp(-Math.pow(Math.toRadians(20), 2) / (2 * 0.35 * 0.35));
        assertEquals(expected, m.bias(new double[]{Math.toRadians(-165), Math.toRadians(-60)}), 0.02);
        assertEquals(m.bias(new double[]{Math.toRadians(-165), 0.3}), m.bias(new double[]{Math.toRadians(195), 0.3 + 2 * Math.PI}), 1e-12);
        double v = m.bias(centre);
        double h2 = m.deposit(centre);
        assertEquals(1.2 * Math.exp(-v / (5 * KT)), h2, 1e-9, "well-tempered height w0 exp(-V/(kT (gamma-1)))");
    }

    @Test
    void forcesAreMinusTheGradientOfTheSumOfHills() {
        Metadynamics m = phiPsi();
        double[] x = GroFile.read(Path.of("test-data/ala2/conformations.gro")).get(1).x();
        double[] f = new double[x.length];
        m.addForces(x, f);
        double[] s = m.lastCvValues();
        double[][] centres = {{s[0] + 0.2, s[1] - 0.15}, {s[0] - 0.1, s[1] + 0.3}, {s[0] + 0.05, s[1] + 0.05}};
        double[] heights = new double[centres.length];
        for (int k = 0; k < centres.length; k++) {
            heights[k] = m.deposit(centres[k]);
        }
        java.util.Arrays.fill(f, 0);
        double v = m.addForces(x, f);
        assertEquals(exactBias(x, centres, heights), v, 0.01 * v, "grid bias vs the sum of Gaussians");
        double h = 1e-6;
        double worst = 0, largest = 0;
        for (int c = 0; c < x.length; c++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[c] += h;
            xm[c] -= h;
            double numeric = -(exactBias(xp, centres, heights) - exactBias(xm, centres, heights)) / (2 * h);
            worst = Math.max(worst, Math.abs(numeric - f[c]));
            largest = Math.max(largest, Math.abs(f[c]));
        }
        assertTrue(largest > 1, "the bias pushes (largest force " + largest + ")");
        assertTrue(worst < 0.01 * largest, "worst force error " + worst + " of " + largest);
    }

    /** The bias as the plain sum of periodic Gaussians of width 0.35 rad at the CVs of x. */
    private static double exactBias(double[] x, double[][] centres, double[] heights) {
        double phi = Dihedral.phi().value(x), psi = Dihedral.psi().value(x);
        double v = 0;
        for (int k = 0; k < centres.length; k++) {
            double d0 = Math.IEEEremainder(phi - centres[k][0], 2 * Math.PI);
            double d1 = Math.IEEEremainder(psi - centres[k][1], 2 * Math.PI);
            v += heights[k] * Math.exp(-(d0 * d0 + d1 * d1) / (2 * 0.35 * 0.35));
        }
        return v;
    }

    @Test
    void oneDistanceOnABoundedGrid() {
        Metadynamics m = new Metadynamics(new CollectiveVariable[]{new io.github.mdxai.cv.Distance(5, 9)}, new double[]{0.02}, 2.0, 10,
                KT, new double[][]{{0, 2}}, 22);
        m.deposit(new double[]{0.3});
        assertEquals(2.0, m.bias(new double[]{0.3}), 0.01);
        assertEquals(2.0 * Math.exp(-0.5), m.bias(new double[]{0.32}), 0.01, "one sigma away");
        assertEquals(0, m.bias(new double[]{2.5}), 1e-12, "beyond the grid the bias keeps its edge value");
        double[] x = new double[66];
        x[3 * 9] = 2.5;
        double[] f = new double[66];
        assertEquals(0, m.addForces(x, f), 1e-12);
        assertEquals(0, java.util.Arrays.stream(f).map(Math::abs).sum(), 0, "no force outside the grid");
    }

    @Test
    void reweightingOffsetMatchesItsDefinition() {
        Metadynamics m = phiPsi();
        for (int k = 0; k < 30; k++) {
            m.deposit(new double[]{-1.3 + 0.05 * k, 1.1 - 0.04 * k});
        }
        // c(t) = kT ln( int e^{gamma/(gamma-1) V/kT} / int e^{V/((gamma-1) kT)} ), by a finer quadrature
        double num = 0, den = 0;
        int n = 300;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = m.bias(new double[]{-Math.PI + 2 * Math.PI * (i + 0.5) / n, -Math.PI + 2 * Math.PI * (j + 0.5) / n});
                num += Math.exp(6.0 / 5 * v / KT);
                den += Math.exp(v / (5 * KT));
            }
        }
        double ct = KT * Math.log(num / den);
        assertTrue(ct > 1, "c(t) grows with the bias: " + ct);
        assertEquals(ct, m.ct(), 0.02 * ct);
    }
}

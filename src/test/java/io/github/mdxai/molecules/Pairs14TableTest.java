package io.github.mdxai.molecules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The per-pair splines (stored inside their window, computed on the fly outside it) against GROMACS' own layout: three
 * tables of 1/r, -1/r^6 and 1/r^12 with Y, F, G, H per point as forcetable.cpp copy2table builds them, combined with
 * the pair's qq, c6 and c12 as pairs.cpp evaluate_single does.
 */
class Pairs14TableTest {

    private static final double SCALE = 2000;

    /** V and -dV/dr of one pair through the three GROMACS tables at distance r. */
    private static double[] gromacsThreeTables(double fqq, double c6, double c12, double r) {
        double rtab = r * SCALE;
        int n = (int) rtab;
        double eps = rtab - n, h = 1 / SCALE;
        double v = 0, force = 0;
        double[] scale = {fqq, c6, c12};
        for (int k = 0; k < 3; k++) {
            double[] y = new double[2], dy = new double[2];
            for (int m = 0; m < 2; m++) {
                double x = (n + m) / SCALE, x6 = Math.pow(x, -6);
                y[m] = k == 0 ? 1 / x : k == 1 ? -x6 : x6 * x6;
                dy[m] = k == 0 ? 1 / (x * x) : k == 1 ? -6 * x6 / x : 12 * x6 * x6 / x; // -dV/dr
            }
            double fTab = -dy[0] * h;
            double gTab = 3 * (y[1] - y[0]) + (dy[1] + 2 * dy[0]) * h;
            double hTab = -2 * (y[1] - y[0]) - (dy[1] + dy[0]) * h;
            double fp = fTab + eps * gTab + eps * eps * hTab;
            v += scale[k] * (y[0] + eps * fp);
            force += -scale[k] * (fp + eps * gTab + 2 * eps * eps * hTab) * SCALE;
        }
        return new double[] {v, force};
    }

    @Test
    void storedAndOnTheFlySplinesAreGromacsTables() {
        // an O...H-like 1-4 pair (charges -0.5 and +0.3, c6 and c12 of the amber99sb-ildn O-H 1-4 pair)
        double qq = -0.15, c6 = 1.36e-4, c12 = 1.22e-8;
        double fqq = Topology.COULOMB * qq;
        Pairs14Table table = new Pairs14Table(new Topology.Pairs(new int[] {0}, new int[] {1}, new double[] {c6},
                new double[] {c12}, new double[] {qq}));
        double maxForceError = 0;
        int inside = 0;
        for (int k = 0; k < 3000; k++) {
            // 0.1 to 1.0 nm: below, inside and above the stored window
            double r = 0.1 + 0.9 * (k + 0.37) / 3000;
            inside += r * SCALE >= Pairs14Table.FIRST && r * SCALE < Pairs14Table.LAST ? 1 : 0;
            double[] x = {0, 0, 0, r * 0.6, r * 0.8, 0};
            double[] f = new double[6];
            EnergyTerms terms = new EnergyTerms();
            double e = table.evaluate(x, f, terms);
            double[] expected = gromacsThreeTables(fqq, c6, c12, r);
            assertEquals(expected[0], e, 1e-12 * Math.max(1, Math.abs(expected[0])), "energy at r = " + r);
            assertEquals(fqq / r, terms.coulomb14, 1e-6, "Coulomb part at r = " + r);
            double along = f[3] * 0.6 + f[4] * 0.8;
            maxForceError = Math.max(maxForceError, Math.abs(along - expected[1]) / Math.max(1, Math.abs(expected[1])));
            assertEquals(0, f[0] + f[3], 1e-12, "Newton's third law at r = " + r);
        }
        assertEquals(0, maxForceError, 1e-11);
        assertEquals(true, inside > 500 && inside < 2500, "both paths exercised: " + inside + " of 3000 inside");
    }
}

package io.github.mdxai.features.dynamics;

import io.github.mdxai.util.InputException;

/**
 * Partial structure factor from g(r): S_aa(k) = 1 + rho_a int 4 pi r^2 (g_aa(r) - 1) sin(kr)/(kr) W(r) dr, with
 * the Lorch window W = sin(pi r / R)/(pi r / R) that damps the ripples of the cut at R = r_max. Good enough to
 * place the first peak, which sets the wave number for F_s(k, t).
 */
public final class StructureFactor {

    private StructureFactor() {
    }

    /** S_aa(k) at the given wave numbers. */
    public static double[] partial(PairCorrelation.Result rdf, int type, double[] k) {
        double[] g = rdf.g(type, type);
        double[] r = rdf.r();
        double dr = r.length > 1 ? r[1] - r[0] : 2 * r[0];
        double rMax = r[r.length - 1] + 0.5 * dr;
        double total = 0;
        for (int c : rdf.counts()) {
            total += c;
        }
        double rho = rdf.density() * rdf.counts()[type] / total;
        double[] s = new double[k.length];
        for (int q = 0; q < k.length; q++) {
            double sum = 0;
            for (int b = 0; b < r.length; b++) {
                double x = Math.PI * r[b] / rMax;
                double window = Math.sin(x) / x;
                double kr = k[q] * r[b];
                sum += 4 * Math.PI * r[b] * r[b] * (g[b] - 1) * Math.sin(kr) / kr * window * dr;
            }
            s[q] = 1 + rho * sum;
        }
        return s;
    }

    /** The wave number of the highest S_aa(k) for k in [kMin, kMax] on a fine grid. */
    public static double firstPeak(PairCorrelation.Result rdf, int type, double kMin, double kMax) {
        InputException.require(kMax > kMin && kMin > 0, "need 0 < kMin < kMax");
        int points = 1000;
        double[] k = new double[points];
        for (int q = 0; q < points; q++) {
            k[q] = kMin + (kMax - kMin) * q / (points - 1);
        }
        double[] s = partial(rdf, type, k);
        int best = 0;
        for (int q = 1; q < points; q++) {
            if (s[q] > s[best]) {
                best = q;
            }
        }
        return k[best];
    }
}

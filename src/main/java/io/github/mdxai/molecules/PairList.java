package io.github.mdxai.molecules;

import java.util.Arrays;

/**
 * The non-excluded pairs beyond 1-4 (c12/r^12 - c6/r^6 + f qq/r, no cut-off), grouped by first atom (CSR), so the
 * first atom's position and force stay in registers: c6, c12 and f*qq per pair.
 */
final class PairList {
    final int[] start;   // pairs of atom i: [start[i], start[i+1])
    final int[] second;  // 3 * j
    final double[] c6, c12, fqq;
    final double[] c6x6, c12x12; // 6 c6 and 12 c12, for the force

    PairList(Topology.Pairs p, int atoms) {
        int n = p.size();
        start = new int[atoms + 1];
        for (int k = 0; k < n; k++) {
            start[p.i[k] + 1]++;
        }
        for (int a = 0; a < atoms; a++) {
            start[a + 1] += start[a];
        }
        int[] fill = Arrays.copyOf(start, atoms);
        second = new int[n];
        c6 = new double[n];
        c12 = new double[n];
        fqq = new double[n];
        for (int k = 0; k < n; k++) {
            int slot = fill[p.i[k]]++;
            second[slot] = 3 * p.j[k];
            c6[slot] = p.c6[k];
            c12[slot] = p.c12[k];
            fqq[slot] = Topology.COULOMB * p.qq[k];
        }
        c6x6 = new double[n];
        c12x12 = new double[n];
        for (int k = 0; k < n; k++) {
            c6x6[k] = 6 * c6[k];
            c12x12[k] = 12 * c12[k];
        }
    }

    /** Sum of c12/r^12 - c6/r^6 + fqq/r, forces added to f; the LJ and Coulomb parts go to {@code terms} when it is not null. */
    double evaluate(double[] x, double[] f, EnergyTerms terms) {
        double eLj = 0, eCoul = 0;
        for (int a = 0; a + 1 < start.length; a++) {
            int from = start[a], to = start[a + 1];
            if (from == to) {
                continue;
            }
            int i = 3 * a;
            double xi = x[i], yi = x[i + 1], zi = x[i + 2];
            double fxi = 0, fyi = 0, fzi = 0;
            for (int p = from; p < to; p++) {
                int j = second[p];
                double dx = xi - x[j], dy = yi - x[j + 1], dz = zi - x[j + 2];
                double r2 = Math.fma(dx, dx, Math.fma(dy, dy, dz * dz));
                // division and square root side by side, not chained: the loop is bound by one pair's latency
                double rinv2 = 1.0 / r2;
                double rinv = Math.sqrt(r2) * rinv2;
                double rinv6 = rinv2 * rinv2 * rinv2;
                double vc = fqq[p] * rinv;
                eLj = Math.fma(rinv6, Math.fma(c12[p], rinv6, -c6[p]), eLj);
                eCoul += vc;
                double s = Math.fma(rinv6, Math.fma(c12x12[p], rinv6, -c6x6[p]), vc) * rinv2;
                fxi = Math.fma(s, dx, fxi);
                fyi = Math.fma(s, dy, fyi);
                fzi = Math.fma(s, dz, fzi);
                f[j] = Math.fma(-s, dx, f[j]);
                f[j + 1] = Math.fma(-s, dy, f[j + 1]);
                f[j + 2] = Math.fma(-s, dz, f[j + 2]);
            }
            f[i] += fxi;
            f[i + 1] += fyi;
            f[i + 2] += fzi;
        }
        if (terms != null) {
            terms.lj = eLj;
            terms.coulomb = eCoul;
        }
        return eLj + eCoul;
    }
}

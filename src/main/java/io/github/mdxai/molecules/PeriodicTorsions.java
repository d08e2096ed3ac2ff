package io.github.mdxai.molecules;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Periodic torsions grouped by atom quadruplet, each quadruplet's terms folded into one Fourier series
 * V = a0 + sum_{n=1..M} (a_n cos n phi + b_n sin n phi) with a_n = sum k cos(phase), b_n = sum k sin(phase) over
 * its terms of multiplicity n: the geometry is computed once per quadruplet and the loop over n has a fixed
 * length M (the largest multiplicity), so no data-dependent branches.
 */
final class PeriodicTorsions {
    final int[] qi, qj, qk, ql;
    final double[] a0;
    final double[] an, bn; // quadruplet q, multiplicity n at [q * maxMult + n - 1]
    final double[] nan, nbn; // n a_n and n b_n, for dV/dphi
    final int maxMult;
    /** Per-thread results of the geometry pass, 14 per quadruplet, so that one instance serves many threads. */
    private final ThreadLocal<double[]> scratch;

    PeriodicTorsions(Topology.Torsions t) {
        int n = t.size();
        int max = 0;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, t.multiplicity[k]);
        }
        maxMult = max;
        Map<String, Integer> index = new HashMap<>();
        int[] qi = new int[n], qj = new int[n], qk = new int[n], ql = new int[n];
        double[] a0 = new double[n], an = new double[n * Math.max(1, max)], bn = new double[n * Math.max(1, max)];
        for (int k = 0; k < n; k++) {
            String key = t.i[k] + " " + t.j[k] + " " + t.k[k] + " " + t.l[k];
            Integer q = index.get(key);
            if (q == null) {
                q = index.size();
                index.put(key, q);
                qi[q] = t.i[k];
                qj[q] = t.j[k];
                qk[q] = t.k[k];
                ql[q] = t.l[k];
            }
            int m = t.multiplicity[k];
            double force = t.force[k];
            if (m == 0) {
                a0[q] += force * (1 + Math.cos(t.phase[k])); // cos(0 * phi - phase)
            } else {
                a0[q] += force;
                an[q * max + m - 1] += force * Math.cos(t.phase[k]);
                bn[q * max + m - 1] += force * Math.sin(t.phase[k]);
            }
        }
        int quads = index.size();
        this.qi = Arrays.copyOf(qi, quads);
        this.qj = Arrays.copyOf(qj, quads);
        this.qk = Arrays.copyOf(qk, quads);
        this.ql = Arrays.copyOf(ql, quads);
        this.a0 = Arrays.copyOf(a0, quads);
        this.an = Arrays.copyOf(an, quads * max);
        this.bn = Arrays.copyOf(bn, quads * max);
        nan = new double[this.an.length];
        nbn = new double[this.bn.length];
        for (int o = 0; o < nan.length; o++) {
            nan[o] = (o % max + 1) * this.an[o];
            nbn[o] = (o % max + 1) * this.bn[o];
        }
        scratch = ThreadLocal.withInitial(() -> new double[14 * quads]);
    }

    /**
     * GROMACS geometry (dih_angle, do_dih_fup); cos/sin of n*phi by recurrence instead of trigonometry. Two passes,
     * the geometry of every quadruplet first, then the series and forces: one quadruplet's chain from positions to
     * forces is long, and smaller loop bodies let the processor work on more quadruplets at a time (alanine
     * dipeptide's proper torsions: 1.31 us in one loop, 0.93 us so, idle; the same bits).
     */
    double evaluate(double[] x, double[] f) {
        double[] w = scratch.get();
        for (int q = 0; q < qi.length; q++) {
            int i = 3 * qi[q], j = 3 * qj[q], k = 3 * qk[q], l = 3 * ql[q];
            double rijx = x[i] - x[j], rijy = x[i + 1] - x[j + 1], rijz = x[i + 2] - x[j + 2];
            double rkjx = x[k] - x[j], rkjy = x[k + 1] - x[j + 1], rkjz = x[k + 2] - x[j + 2];
            double rklx = x[k] - x[l], rkly = x[k + 1] - x[l + 1], rklz = x[k + 2] - x[l + 2];
            double mx = Math.fma(rijy, rkjz, -rijz * rkjy), my = Math.fma(rijz, rkjx, -rijx * rkjz), mz = Math.fma(rijx, rkjy, -rijy * rkjx);
            double nx = Math.fma(rkjy, rklz, -rkjz * rkly), ny = Math.fma(rkjz, rklx, -rkjx * rklz), nz = Math.fma(rkjx, rkly, -rkjy * rklx);
            double mm = Math.fma(mx, mx, Math.fma(my, my, mz * mz));
            double nn = Math.fma(nx, nx, Math.fma(ny, ny, nz * nz));
            double rkj2 = Math.fma(rkjx, rkjx, Math.fma(rkjy, rkjy, rkjz * rkjz));
            double rkj = Math.sqrt(rkj2);
            // cos(phi) = m.n / (|m||n|), sin(phi) = |rkj| rij.n / (|m||n|) (IUPAC sign), since
            // |m x n| = |rkj| |rij.n|. 1/(|m||n|) is on the path to the forces; 1/(|m|^2 |n|^2 |rkj|^2), which
            // gives 1/|m|^2, 1/|n|^2 and 1/|rkj|^2, is divided beside it (the loop is latency-bound)
            double mn = Math.fma(mx, nx, Math.fma(my, ny, mz * nz));
            double mmnn = mm * nn;
            double invAll = 1.0 / (mmnn * rkj2);
            double invMn1 = Math.sqrt(mmnn) * (invAll * rkj2); // the square root beside the division
            double c = mn * invMn1, s = rkj * Math.fma(rijx, nx, Math.fma(rijy, ny, rijz * nz)) * invMn1;
            double toFa = -rkj * nn * rkj2 * invAll; // -|rkj|/|m|^2
            double toFb = rkj * mm * rkj2 * invAll; // |rkj|/|n|^2
            double invRkj2 = mmnn * invAll;
            double p = Math.fma(rijx, rkjx, Math.fma(rijy, rkjy, rijz * rkjz)) * invRkj2;
            double r = Math.fma(rklx, rkjx, Math.fma(rkly, rkjy, rklz * rkjz)) * invRkj2;
            // forces on i, l, j, k per unit dV/dphi, ready before the series, so one multiply follows it
            double gix = toFa * mx, giy = toFa * my, giz = toFa * mz;
            double glx = toFb * nx, gly = toFb * ny, glz = toFb * nz;
            double svx = Math.fma(p, gix, -r * glx), svy = Math.fma(p, giy, -r * gly), svz = Math.fma(p, giz, -r * glz);
            double gjx = svx - gix, gjy = svy - giy, gjz = svz - giz;
            double gkx = -(glx + svx), gky = -(gly + svy), gkz = -(glz + svz);
            int o = 14 * q;
            w[o] = c;
            w[o + 1] = s;
            w[o + 2] = gix;
            w[o + 3] = giy;
            w[o + 4] = giz;
            w[o + 5] = gjx;
            w[o + 6] = gjy;
            w[o + 7] = gjz;
            w[o + 8] = gkx;
            w[o + 9] = gky;
            w[o + 10] = gkz;
            w[o + 11] = glx;
            w[o + 12] = gly;
            w[o + 13] = glz;
        }
        double e = 0;
        for (int q = 0; q < qi.length; q++) {
            int i = 3 * qi[q], j = 3 * qj[q], k = 3 * qk[q], l = 3 * ql[q];
            int g = 14 * q;
            double c = w[g], s = w[g + 1];
            // V = a0 + sum a_n cos(n phi) + b_n sin(n phi); dV/dphi = sum n (b_n cos(n phi) - a_n sin(n phi))
            double ddphi = 0;
            double cn = c, sn = s; // cos and sin of m phi; the next m's by recurrence after use
            e += a0[q];
            for (int o = q * maxMult, end = o + maxMult; o < end; o++) {
                e += Math.fma(an[o], cn, bn[o] * sn);
                ddphi += Math.fma(nbn[o], cn, -nan[o] * sn);
                double tmp = Math.fma(cn, c, -sn * s);
                sn = Math.fma(sn, c, cn * s);
                cn = tmp;
            }
            f[i] = Math.fma(ddphi, w[g + 2], f[i]);
            f[i + 1] = Math.fma(ddphi, w[g + 3], f[i + 1]);
            f[i + 2] = Math.fma(ddphi, w[g + 4], f[i + 2]);
            f[j] = Math.fma(ddphi, w[g + 5], f[j]);
            f[j + 1] = Math.fma(ddphi, w[g + 6], f[j + 1]);
            f[j + 2] = Math.fma(ddphi, w[g + 7], f[j + 2]);
            f[k] = Math.fma(ddphi, w[g + 8], f[k]);
            f[k + 1] = Math.fma(ddphi, w[g + 9], f[k + 1]);
            f[k + 2] = Math.fma(ddphi, w[g + 10], f[k + 2]);
            f[l] = Math.fma(ddphi, w[g + 11], f[l]);
            f[l + 1] = Math.fma(ddphi, w[g + 12], f[l + 1]);
            f[l + 2] = Math.fma(ddphi, w[g + 13], f[l + 2]);
        }
        return e;
    }
}

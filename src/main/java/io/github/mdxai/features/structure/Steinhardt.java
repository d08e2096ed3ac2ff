package io.github.mdxai.features.structure;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Parallel;
import io.github.mdxai.util.Progress;

/**
 * Steinhardt bond-orientational order per particle from a neighbour list:
 * q_lm(i) = (1/N_b) sum_j Y_lm(r_ij) with complex spherical harmonics,
 * q_l = sqrt(4 pi/(2l+1) sum_m |q_lm|^2); the Lechner-Dellago average (J. Chem. Phys. 129, 114707 (2008))
 * qbar_lm(i) = (q_lm(i) + sum_j q_lm(j)) / (N_b + 1) over the same neighbours; and optionally the third-order
 * invariants w_l = sum_{m1+m2+m3=0} (l l l; m1 m2 m3) q_lm1 q_lm2 q_lm3 and w_l hat = w_l / (sum_m |q_lm|^2)^(3/2).
 * Conventions follow LAMMPS compute orientorder/atom: a particle without neighbours gets 0, and w_l hat is 0
 * where q_l &lt; 1e-6.
 */
public final class Steinhardt {

    /** Below this q_l, w_l hat is reported as 0 (LAMMPS's QEPSILON). */
    private static final double Q_EPSILON = 1e-6;
    private static final int MAX_DEGREE = 16;

    private final int[] degrees;
    private final boolean thirdOrder;
    private final double[][] norm;
    private final double[][] wigner;

    /**
     * @param degrees    the l values, each in 1..16
     * @param thirdOrder also compute w_l and w_l hat
     */
    public Steinhardt(int[] degrees, boolean thirdOrder) {
        if (degrees == null || degrees.length == 0) {
            throw new InputException("Steinhardt: expected at least one degree l");
        }
        this.degrees = degrees.clone();
        this.thirdOrder = thirdOrder;
        norm = new double[degrees.length][];
        wigner = new double[degrees.length][];
        for (int d = 0; d < degrees.length; d++) {
            int l = degrees[d];
            if (l < 1 || l > MAX_DEGREE) {
                throw new InputException("Steinhardt: degree l = " + l + " outside 1.." + MAX_DEGREE);
            }
            norm[d] = new double[l + 1];
            for (int m = 0; m <= l; m++) {
                double ratio = 1; // (l-m)!/(l+m)!
                for (int f = l - m + 1; f <= l + m; f++) {
                    ratio /= f;
                }
                norm[d][m] = Math.sqrt((2 * l + 1) / (4 * Math.PI) * ratio);
            }
            if (thirdOrder) {
                wigner[d] = new double[(2 * l + 1) * (2 * l + 1)];
                for (int m1 = -l; m1 <= l; m1++) {
                    for (int m2 = -l; m2 <= l; m2++) {
                        int m3 = -m1 - m2;
                        if (Math.abs(m3) <= l) {
                            wigner[d][(m1 + l) * (2 * l + 1) + m2 + l] = wigner3j(l, m1, m2, m3);
                        }
                    }
                }
            }
        }
    }

    /** Computes the order parameters of every particle of the list. */
    public OrderParameters compute(NeighborList list, Progress progress) {
        return compute(list, 1, progress);
    }

    /** As {@link #compute(NeighborList, Progress)}, on several threads (same result). */
    public OrderParameters compute(NeighborList list, int threads, Progress progress) {
        int n = list.size();
        int nd = degrees.length;
        // q_lm for m = 0..l, (re, im) interleaved, per particle; m < 0 follows from q_l,-m = (-1)^m conj(q_lm)
        double[][] qlm = new double[nd][];
        for (int d = 0; d < nd; d++) {
            qlm[d] = new double[n * 2 * (degrees[d] + 1)];
        }
        Parallel.forChunks(n, threads, progress.range(0, 0.7), (chunk, from, to) -> {
            double[] pow = new double[2 * (maxDegree() + 1)];
            for (int i = from; i < to; i++) {
                harmonics(list, i, qlm, pow);
            }
        });
        OrderParameters out = new OrderParameters(degrees, n, thirdOrder);
        Parallel.forChunks(n, threads, progress.range(0.7, 1), (chunk, from, to) -> {
            double[] averaged = new double[2 * (maxDegree() + 1)];
            for (int i = from; i < to; i++) {
                invariants(list, i, qlm, averaged, out);
            }
        });
        return out;
    }

    private int maxDegree() {
        int maxL = 0;
        for (int l : degrees) {
            maxL = Math.max(maxL, l);
        }
        return maxL;
    }

    /** q_lm(i): the mean of Y_lm over the bonds of particle i (zero without bonds). */
    private void harmonics(NeighborList list, int i, double[][] qlm, double[] pow) {
        int[] offsets = list.offsets();
        double[] disp = list.displacements();
        int count = offsets[i + 1] - offsets[i];
        if (count == 0) {
            return;
        }
        int maxL = pow.length / 2 - 1;
        for (int e = offsets[i]; e < offsets[i + 1]; e++) {
            double x = disp[3 * e];
            double y = disp[3 * e + 1];
            double z = disp[3 * e + 2];
            double r = Math.sqrt(x * x + y * y + z * z);
            if (r == 0) {
                throw new InputException("particles " + (i + 1) + " and " + (list.neighbors()[e] + 1)
                        + " sit on the same point: bond orientation undefined");
            }
            double inv = 1 / r;
            double t = z * inv;
            // ((x + i y)/r)^m = sin^m(theta) e^{i m phi}, (re, im) at 2m, 2m+1
            double ux = x * inv;
            double uy = y * inv;
            pow[0] = 1;
            pow[1] = 0;
            for (int m = 1; m <= maxL; m++) {
                double re = pow[2 * m - 2];
                double im = pow[2 * m - 1];
                pow[2 * m] = re * ux - im * uy;
                pow[2 * m + 1] = re * uy + im * ux;
            }
            for (int d = 0; d < degrees.length; d++) {
                int l = degrees[d];
                double[] target = qlm[d];
                int base = i * 2 * (l + 1);
                for (int m = 0; m <= l; m++) {
                    double c = norm[d][m] * legendreOverSinPower(l, m, t);
                    target[base + 2 * m] += c * pow[2 * m];
                    target[base + 2 * m + 1] += c * pow[2 * m + 1];
                }
            }
        }
        double inv = 1.0 / count;
        for (int d = 0; d < degrees.length; d++) {
            int l = degrees[d];
            int base = i * 2 * (l + 1);
            for (int k = 0; k < 2 * (l + 1); k++) {
                qlm[d][base + k] *= inv;
            }
        }
    }

    /** q_l, the Lechner-Dellago average and (optionally) w_l of particle i from the q_lm of it and its neighbours. */
    private void invariants(NeighborList list, int i, double[][] qlm, double[] averaged, OrderParameters out) {
        int[] offsets = list.offsets();
        int[] neighbors = list.neighbors();
        for (int d = 0; d < degrees.length; d++) {
            int l = degrees[d];
            int stride = 2 * (l + 1);
            double[] own = qlm[d];
            out.q[d][i] = magnitude(l, own, i * stride);
            for (int k = 0; k < stride; k++) {
                averaged[k] = own[i * stride + k];
            }
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                int j = neighbors[e];
                for (int k = 0; k < stride; k++) {
                    averaged[k] += own[j * stride + k];
                }
            }
            double inv = 1.0 / (offsets[i + 1] - offsets[i] + 1);
            for (int k = 0; k < stride; k++) {
                averaged[k] *= inv;
            }
            out.qAveraged[d][i] = magnitude(l, averaged, 0);
            if (thirdOrder) {
                double w = thirdOrderInvariant(d, own, i * stride);
                out.w[d][i] = w;
                out.wHat[d][i] = normalized(l, w, out.q[d][i]);
                out.wHatAveraged[d][i] = normalized(l, thirdOrderInvariant(d, averaged, 0), out.qAveraged[d][i]);
            }
        }
    }

    /** P_l^m(t) / (1 - t^2)^(m/2), without the Condon-Shortley phase (as LAMMPS); a polynomial in t. */
    private static double legendreOverSinPower(int l, int m, double t) {
        double pmm = 1;
        for (int k = 1; k <= m; k++) {
            pmm *= 2 * k - 1;
        }
        if (l == m) {
            return pmm;
        }
        double previous = pmm;
        double current = t * (2 * m + 1) * pmm;
        for (int k = m + 2; k <= l; k++) {
            double next = ((2 * k - 1) * t * current - (k + m - 1) * previous) / (k - m);
            previous = current;
            current = next;
        }
        return current;
    }

    private static double magnitude(int l, double[] q, int base) {
        double sum = q[base] * q[base] + q[base + 1] * q[base + 1];
        for (int m = 1; m <= l; m++) {
            double re = q[base + 2 * m];
            double im = q[base + 2 * m + 1];
            sum += 2 * (re * re + im * im);
        }
        return Math.sqrt(4 * Math.PI / (2 * l + 1) * sum);
    }

    private static double normalized(int l, double w, double ql) {
        if (ql < Q_EPSILON) {
            return 0;
        }
        double s = ql / Math.sqrt(4 * Math.PI / (2 * l + 1)); // sqrt(sum_m |q_lm|^2)
        return w / (s * s * s);
    }

    /** w_l = Re sum_{m1,m2} (l l l; m1 m2 -m1-m2) q_m1 q_m2 q_{-m1-m2}. */
    private double thirdOrderInvariant(int d, double[] q, int base) {
        int l = degrees[d];
        double[] w3j = wigner[d];
        double sum = 0;
        for (int m1 = -l; m1 <= l; m1++) {
            double re1 = componentRe(q, base, m1);
            double im1 = componentIm(q, base, m1);
            for (int m2 = Math.max(-l, -l - m1); m2 <= Math.min(l, l - m1); m2++) {
                int m3 = -m1 - m2;
                double re2 = componentRe(q, base, m2);
                double im2 = componentIm(q, base, m2);
                double re12 = re1 * re2 - im1 * im2;
                double im12 = re1 * im2 + im1 * re2;
                double re3 = componentRe(q, base, m3);
                double im3 = componentIm(q, base, m3);
                sum += w3j[(m1 + l) * (2 * l + 1) + m2 + l] * (re12 * re3 - im12 * im3);
            }
        }
        return sum;
    }

    private static double componentRe(double[] q, int base, int m) {
        if (m >= 0) {
            return q[base + 2 * m];
        }
        double re = q[base - 2 * m];
        return (m & 1) == 0 ? re : -re;
    }

    private static double componentIm(double[] q, int base, int m) {
        if (m >= 0) {
            return q[base + 2 * m + 1];
        }
        double im = q[base - 2 * m + 1];
        return (m & 1) == 0 ? -im : im;
    }

    /** Wigner 3j symbol (l l l; m1 m2 m3) by Racah's formula. */
    static double wigner3j(int l, int m1, int m2, int m3) {
        if (m1 + m2 + m3 != 0 || Math.abs(m1) > l || Math.abs(m2) > l || Math.abs(m3) > l) {
            return 0;
        }
        double triangle = factorial(l) * factorial(l) * factorial(l) / factorial(3 * l + 1);
        double root = Math.sqrt(triangle * factorial(l + m1) * factorial(l - m1) * factorial(l + m2)
                * factorial(l - m2) * factorial(l + m3) * factorial(l - m3));
        int kMin = Math.max(0, Math.max(-m1, m2));
        int kMax = Math.min(l, Math.min(l - m1, l + m2));
        double sum = 0;
        for (int k = kMin; k <= kMax; k++) {
            double term = 1.0 / (factorial(k) * factorial(k + m1) * factorial(k - m2) * factorial(l - k)
                    * factorial(l - k - m1) * factorial(l - k + m2));
            sum += (k & 1) == 0 ? term : -term;
        }
        // phase (-1)^(j1 - j2 - m3) = (-1)^m3 for j1 = j2
        return ((m3 & 1) == 0 ? 1 : -1) * root * sum;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }
}

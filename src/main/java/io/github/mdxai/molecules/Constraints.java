package io.github.mdxai.molecules;

import java.util.Arrays;

/**
 * Holonomic distance constraints solved by SHAKE (positions) and RATTLE (velocities) to a relative tolerance of
 * 1e-10. Holds no scratch state, so one instance serves many threads.
 */
public final class Constraints {

    private static final double TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 1000;

    private final int[] ci, cj;
    private final double[] length2;
    private final double[] invMass;
    /**
     * Star clusters (a centre atom and up to 3 leaf atoms, as hydrogens around a heavy atom) for the exact one-pass
     * RATTLE: cluster k owns constraints order[clusterStart[k] .. clusterStart[k+1]) with centre clusterCentre[k];
     * null when some constraint joins two centres (then RATTLE iterates).
     */
    private final int[] clusterStart, clusterCentre, order, leaf;

    public Constraints(int[] i, int[] j, double[] lengths, double[] masses) {
        ci = i.clone();
        cj = j.clone();
        length2 = new double[lengths.length];
        for (int c = 0; c < lengths.length; c++) {
            length2[c] = lengths[c] * lengths[c];
        }
        invMass = new double[masses.length];
        for (int a = 0; a < masses.length; a++) {
            invMass[a] = 1.0 / masses[a];
        }
        int[][] clusters = starClusters(masses.length);
        clusterStart = clusters == null ? null : clusters[0];
        clusterCentre = clusters == null ? null : clusters[1];
        order = clusters == null ? null : clusters[2];
        leaf = clusters == null ? null : clusters[3];
    }

    /** {start, centre, order, leaf} or null if the constraint graph is not a set of stars with at most 3 leaves. */
    private int[][] starClusters(int atoms) {
        int n = ci.length;
        int[] degree = new int[atoms];
        for (int c = 0; c < n; c++) {
            degree[ci[c]]++;
            degree[cj[c]]++;
        }
        int[] centreOf = new int[n];
        int[] leafOf = new int[n];
        for (int c = 0; c < n; c++) {
            if (degree[ci[c]] > 1 && degree[cj[c]] > 1) {
                return null;
            }
            boolean iCentre = degree[ci[c]] > 1 || (degree[cj[c]] == 1 && ci[c] < cj[c]);
            centreOf[c] = iCentre ? ci[c] : cj[c];
            leafOf[c] = iCentre ? cj[c] : ci[c];
            if (degree[centreOf[c]] > 3) {
                return null;
            }
        }
        int[] start = new int[n + 1], centre = new int[n], ord = new int[n], leaves = new int[n];
        int clusters = 0, filled = 0;
        boolean[] done = new boolean[n];
        for (int c = 0; c < n; c++) {
            if (done[c]) {
                continue;
            }
            start[clusters] = filled;
            centre[clusters] = centreOf[c];
            for (int d = c; d < n; d++) {
                if (!done[d] && centreOf[d] == centreOf[c]) {
                    done[d] = true;
                    ord[filled] = d;
                    leaves[filled] = leafOf[d];
                    filled++;
                }
            }
            clusters++;
        }
        start[clusters] = filled;
        return new int[][]{Arrays.copyOf(start, clusters + 1), Arrays.copyOf(centre, clusters), ord, leaves};
    }

    /**
     * Bonds to hydrogen at their equilibrium lengths b0 (GROMACS constraints = h-bonds), after the distances the
     * topology itself constrains ([ constraints ]).
     */
    public static Constraints hydrogenBonds(Topology top) {
        return of(top, true);
    }

    /**
     * What dynamics must constrain: the topology's [ constraints ], plus the bonds to hydrogen when
     * {@code hydrogenBonds}; null when that is nothing (an unconstrained run).
     */
    public static Constraints of(Topology top, boolean hydrogenBonds) {
        DistanceConstraints fixed = top.constraints();
        int[] bonds = hydrogenBonds ? top.hydrogenBonds() : new int[0];
        if (fixed.size() == 0 && !hydrogenBonds) {
            return null;
        }
        int n = fixed.size() + bonds.length;
        int[] i = new int[n], j = new int[n];
        double[] d = new double[n];
        for (int k = 0; k < fixed.size(); k++) {
            i[k] = fixed.i()[k];
            j[k] = fixed.j()[k];
            d[k] = fixed.length()[k];
        }
        for (int k = 0; k < bonds.length; k++) {
            i[fixed.size() + k] = top.bonds().i(bonds[k]);
            j[fixed.size() + k] = top.bonds().j(bonds[k]);
            d[fixed.size() + k] = top.bonds().b0(bonds[k]);
        }
        return new Constraints(i, j, d, top.masses());
    }

    public int size() {
        return ci.length;
    }

    public int i(int c) {
        return ci[c];
    }

    public int j(int c) {
        return cj[c];
    }

    public double length(int c) {
        return Math.sqrt(length2[c]);
    }

    /**
     * SHAKE: moves x (unconstrained, after a drift from {@code reference}) onto the constraints along the reference
     * bond vectors; if {@code v} is not null adds the displacement divided by {@code dt} to the velocities.
     */
    public void shake(double[] reference, double[] x, double[] v, double dt) {
        if (clusterStart != null) {
            shakeStars(reference, x, v, dt);
            return;
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean done = true;
            for (int c = 0; c < ci.length; c++) {
                int i = 3 * ci[c], j = 3 * cj[c];
                double dx = x[i] - x[j], dy = x[i + 1] - x[j + 1], dz = x[i + 2] - x[j + 2];
                double diff = length2[c] - (dx * dx + dy * dy + dz * dz);
                if (Math.abs(diff) <= 2 * TOLERANCE * length2[c]) {
                    continue;
                }
                done = false;
                double rx = reference[i] - reference[j], ry = reference[i + 1] - reference[j + 1], rz = reference[i + 2] - reference[j + 2];
                double wi = invMass[ci[c]], wj = invMass[cj[c]];
                double g = diff / (2 * (wi + wj) * (rx * dx + ry * dy + rz * dz));
                x[i] += g * wi * rx;
                x[i + 1] += g * wi * ry;
                x[i + 2] += g * wi * rz;
                x[j] -= g * wj * rx;
                x[j + 1] -= g * wj * ry;
                x[j + 2] -= g * wj * rz;
                if (v != null) {
                    double s = g / dt;
                    v[i] += s * wi * rx;
                    v[i + 1] += s * wi * ry;
                    v[i + 2] += s * wi * rz;
                    v[j] -= s * wj * rx;
                    v[j + 1] -= s * wj * ry;
                    v[j + 2] -= s * wj * rz;
                }
            }
            if (done) {
                return;
            }
        }
        throw new IllegalStateException("SHAKE did not converge in " + MAX_ITERATIONS + " iterations (time step too large?)");
    }

    /** RATTLE: removes the velocity components along the constrained bonds of positions x. */
    public void rattle(double[] x, double[] v) {
        if (clusterStart != null) {
            rattleStars(x, v);
            return;
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean done = true;
            for (int c = 0; c < ci.length; c++) {
                int i = 3 * ci[c], j = 3 * cj[c];
                double dx = x[i] - x[j], dy = x[i + 1] - x[j + 1], dz = x[i + 2] - x[j + 2];
                double dvx = v[i] - v[j], dvy = v[i + 1] - v[j + 1], dvz = v[i + 2] - v[j + 2];
                double dot = dx * dvx + dy * dvy + dz * dvz;
                // relative velocity along the bond below 1e-10 nm/ps (per nm of bond) counts as converged
                if (Math.abs(dot) <= TOLERANCE * length2[c]) {
                    continue;
                }
                done = false;
                double wi = invMass[ci[c]], wj = invMass[cj[c]];
                double k = dot / ((wi + wj) * (dx * dx + dy * dy + dz * dz));
                v[i] -= k * wi * dx;
                v[i + 1] -= k * wi * dy;
                v[i + 2] -= k * wi * dz;
                v[j] += k * wj * dx;
                v[j + 1] += k * wj * dy;
                v[j + 2] += k * wj * dz;
            }
            if (done) {
                return;
            }
        }
        throw new IllegalStateException("RATTLE did not converge in " + MAX_ITERATIONS + " iterations");
    }

    /**
     * Exact RATTLE per star cluster: with leaf velocities changed by -lambda_a w_leaf r_a and the centre's by
     * +w_centre sum_b lambda_b r_b, the conditions r_a . (v_leaf_a - v_centre) = 0 are a k x k linear system
     * (k <= 3), solved by Cramer's rule.
     */
    private void rattleStars(double[] x, double[] v) {
        for (int k = 0; k + 1 < clusterStart.length; k++) {
            int from = clusterStart[k], size = clusterStart[k + 1] - from;
            int c = 3 * clusterCentre[k];
            double wc = invMass[clusterCentre[k]];
            double r0x = 0, r0y = 0, r0z = 0, r1x = 0, r1y = 0, r1z = 0, r2x = 0, r2y = 0, r2z = 0;
            double b0 = 0, b1 = 0, b2 = 0, w0 = 0, w1 = 0, w2 = 0;
            for (int m = 0; m < size; m++) {
                int l = 3 * leaf[from + m];
                double rx = x[l] - x[c], ry = x[l + 1] - x[c + 1], rz = x[l + 2] - x[c + 2];
                double b = rx * (v[l] - v[c]) + ry * (v[l + 1] - v[c + 1]) + rz * (v[l + 2] - v[c + 2]);
                double w = invMass[leaf[from + m]];
                if (m == 0) {
                    r0x = rx; r0y = ry; r0z = rz; b0 = b; w0 = w;
                } else if (m == 1) {
                    r1x = rx; r1y = ry; r1z = rz; b1 = b; w1 = w;
                } else {
                    r2x = rx; r2y = ry; r2z = rz; b2 = b; w2 = w;
                }
            }
            double d00 = r0x * r0x + r0y * r0y + r0z * r0z;
            double d11 = r1x * r1x + r1y * r1y + r1z * r1z;
            double d22 = r2x * r2x + r2y * r2y + r2z * r2z;
            double d01 = r0x * r1x + r0y * r1y + r0z * r1z;
            double d02 = r0x * r2x + r0y * r2y + r0z * r2z;
            double d12 = r1x * r2x + r1y * r2y + r1z * r2z;
            // A_ab = w_leaf_a |r_a|^2 delta_ab + w_centre r_a . r_b; unused rows are the identity
            double a00 = (w0 + wc) * d00;
            double a11 = size > 1 ? (w1 + wc) * d11 : 1, a01 = wc * d01;
            double a22 = size > 2 ? (w2 + wc) * d22 : 1, a02 = wc * d02, a12 = wc * d12;
            double det = a00 * (a11 * a22 - a12 * a12) - a01 * (a01 * a22 - a12 * a02) + a02 * (a01 * a12 - a11 * a02);
            double l0 = (b0 * (a11 * a22 - a12 * a12) - a01 * (b1 * a22 - a12 * b2) + a02 * (b1 * a12 - a11 * b2)) / det;
            double l1 = (a00 * (b1 * a22 - a12 * b2) - b0 * (a01 * a22 - a12 * a02) + a02 * (a01 * b2 - b1 * a02)) / det;
            double l2 = (a00 * (a11 * b2 - b1 * a12) - a01 * (a01 * b2 - b1 * a02) + b0 * (a01 * a12 - a11 * a02)) / det;
            for (int m = 0; m < size; m++) {
                int l = 3 * leaf[from + m];
                double lam = m == 0 ? l0 : m == 1 ? l1 : l2;
                double rx = m == 0 ? r0x : m == 1 ? r1x : r2x;
                double ry = m == 0 ? r0y : m == 1 ? r1y : r2y;
                double rz = m == 0 ? r0z : m == 1 ? r1z : r2z;
                double wl = m == 0 ? w0 : m == 1 ? w1 : w2;
                v[l] -= lam * wl * rx;
                v[l + 1] -= lam * wl * ry;
                v[l + 2] -= lam * wl * rz;
                v[c] += lam * wc * rx;
                v[c + 1] += lam * wc * ry;
                v[c + 2] += lam * wc * rz;
            }
        }
    }

    /**
     * SHAKE per star cluster by Newton's method (M-SHAKE): leaves move by -lambda_a w_leaf rho_a and the centre by
     * +w_centre sum_b lambda_b rho_b along the reference bond vectors rho; the linearised conditions
     * sum_b (w_leaf_a delta_ab r_a.rho_a + w_centre r_a.rho_b) lambda_b = (|r_a|^2 - d_a^2) / 2 are solved by
     * Cramer's rule until every |r_a|^2 is within the tolerance (quadratic convergence, 2-3 iterations).
     */
    private void shakeStars(double[] reference, double[] x, double[] v, double dt) {
        for (int k = 0; k + 1 < clusterStart.length; k++) {
            int from = clusterStart[k], size = clusterStart[k + 1] - from;
            int c = 3 * clusterCentre[k];
            double wc = invMass[clusterCentre[k]];
            int l0 = 3 * leaf[from], l1 = size > 1 ? 3 * leaf[from + 1] : -1, l2 = size > 2 ? 3 * leaf[from + 2] : -1;
            double w0 = invMass[leaf[from]], w1 = size > 1 ? invMass[leaf[from + 1]] : 0, w2 = size > 2 ? invMass[leaf[from + 2]] : 0;
            double dd0 = length2[order[from]], dd1 = size > 1 ? length2[order[from + 1]] : 0, dd2 = size > 2 ? length2[order[from + 2]] : 0;
            double p0x = reference[l0] - reference[c], p0y = reference[l0 + 1] - reference[c + 1], p0z = reference[l0 + 2] - reference[c + 2];
            double p1x = 0, p1y = 0, p1z = 0, p2x = 0, p2y = 0, p2z = 0;
            if (size > 1) {
                p1x = reference[l1] - reference[c];
                p1y = reference[l1 + 1] - reference[c + 1];
                p1z = reference[l1 + 2] - reference[c + 2];
            }
            if (size > 2) {
                p2x = reference[l2] - reference[c];
                p2y = reference[l2 + 1] - reference[c + 1];
                p2z = reference[l2 + 2] - reference[c + 2];
            }
            for (int iteration = 0; ; iteration++) {
                if (iteration == MAX_ITERATIONS) {
                    throw new IllegalStateException("SHAKE did not converge in " + MAX_ITERATIONS + " iterations (time step too large?)");
                }
                double r0x = x[l0] - x[c], r0y = x[l0 + 1] - x[c + 1], r0z = x[l0 + 2] - x[c + 2];
                double r1x = 0, r1y = 0, r1z = 0, r2x = 0, r2y = 0, r2z = 0;
                if (size > 1) {
                    r1x = x[l1] - x[c];
                    r1y = x[l1 + 1] - x[c + 1];
                    r1z = x[l1 + 2] - x[c + 2];
                }
                if (size > 2) {
                    r2x = x[l2] - x[c];
                    r2y = x[l2 + 1] - x[c + 1];
                    r2z = x[l2 + 2] - x[c + 2];
                }
                double e0 = r0x * r0x + r0y * r0y + r0z * r0z - dd0;
                double e1 = size > 1 ? r1x * r1x + r1y * r1y + r1z * r1z - dd1 : 0;
                double e2 = size > 2 ? r2x * r2x + r2y * r2y + r2z * r2z - dd2 : 0;
                if (Math.abs(e0) <= 2 * TOLERANCE * dd0 && Math.abs(e1) <= 2 * TOLERANCE * dd1
                        && Math.abs(e2) <= 2 * TOLERANCE * dd2) {
                    break;
                }
                // J_ab = w_a delta_ab r_a.rho_a + w_c r_a.rho_b; unused rows and columns are the identity
                double j00 = (w0 + wc) * (r0x * p0x + r0y * p0y + r0z * p0z);
                double j01 = wc * (r0x * p1x + r0y * p1y + r0z * p1z);
                double j02 = wc * (r0x * p2x + r0y * p2y + r0z * p2z);
                double j10 = wc * (r1x * p0x + r1y * p0y + r1z * p0z);
                double j11 = size > 1 ? (w1 + wc) * (r1x * p1x + r1y * p1y + r1z * p1z) : 1;
                double j12 = wc * (r1x * p2x + r1y * p2y + r1z * p2z);
                double j20 = wc * (r2x * p0x + r2y * p0y + r2z * p0z);
                double j21 = wc * (r2x * p1x + r2y * p1y + r2z * p1z);
                double j22 = size > 2 ? (w2 + wc) * (r2x * p2x + r2y * p2y + r2z * p2z) : 1;
                double g0 = 0.5 * e0, g1 = 0.5 * e1, g2 = 0.5 * e2;
                double c00 = j11 * j22 - j12 * j21, c01 = j12 * j20 - j10 * j22, c02 = j10 * j21 - j11 * j20;
                double inv = 1.0 / (j00 * c00 + j01 * c01 + j02 * c02);
                double lam0 = (g0 * c00 + j01 * (j12 * g2 - g1 * j22) + j02 * (g1 * j21 - j11 * g2)) * inv;
                double lam1 = (j00 * (g1 * j22 - j12 * g2) + g0 * c01 + j02 * (j10 * g2 - g1 * j20)) * inv;
                double lam2 = (j00 * (j11 * g2 - g1 * j21) + j01 * (g1 * j20 - j10 * g2) + g0 * c02) * inv;
                double dcx = wc * (lam0 * p0x + lam1 * p1x + lam2 * p2x);
                double dcy = wc * (lam0 * p0y + lam1 * p1y + lam2 * p2y);
                double dcz = wc * (lam0 * p0z + lam1 * p1z + lam2 * p2z);
                move(x, v, dt, c, dcx, dcy, dcz);
                move(x, v, dt, l0, -lam0 * w0 * p0x, -lam0 * w0 * p0y, -lam0 * w0 * p0z);
                if (size > 1) {
                    move(x, v, dt, l1, -lam1 * w1 * p1x, -lam1 * w1 * p1y, -lam1 * w1 * p1z);
                }
                if (size > 2) {
                    move(x, v, dt, l2, -lam2 * w2 * p2x, -lam2 * w2 * p2y, -lam2 * w2 * p2z);
                }
            }
        }
    }

    private static void move(double[] x, double[] v, double dt, int a, double dx, double dy, double dz) {
        x[a] += dx;
        x[a + 1] += dy;
        x[a + 2] += dz;
        if (v != null) {
            v[a] += dx / dt;
            v[a + 1] += dy / dt;
            v[a + 2] += dz / dt;
        }
    }
}

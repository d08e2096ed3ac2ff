package io.github.mdxai.md;

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
    }

    /** Bonds to hydrogen at their equilibrium lengths b0 (GROMACS constraints = h-bonds). */
    public static Constraints hydrogenBonds(Topology top) {
        int[] bonds = top.hydrogenBonds();
        int[] i = new int[bonds.length], j = new int[bonds.length];
        double[] d = new double[bonds.length];
        for (int k = 0; k < bonds.length; k++) {
            i[k] = top.bonds().i(bonds[k]);
            j[k] = top.bonds().j(bonds[k]);
            d[k] = top.bonds().b0(bonds[k]);
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
}

package io.github.mdxai.molecules;

/**
 * Mutable run state: positions x (nm), velocities v (nm/ps), forces f (kJ/mol/nm) at x, time (ps) and step count,
 * all interleaved xyz. Integrators keep f current; whoever changes x from outside calls {@link #positionsChanged()}
 * so that the next step recomputes the forces. A new state or a {@link #copy()} starts with stale forces.
 */
public final class State {

    public final double[] x;
    public final double[] v;
    public final double[] f;
    public double time;
    public long step;
    double potential;
    boolean forcesStale = true;

    /** A state at time 0 with copies of the given positions and velocities (v null = at rest). */
    public State(double[] x, double[] v) {
        if (v != null && v.length != x.length) {
            throw new IllegalArgumentException("positions and velocities differ in length");
        }
        this.x = x.clone();
        this.v = v == null ? new double[x.length] : v.clone();
        this.f = new double[x.length];
    }

    public int atomCount() {
        return x.length / 3;
    }

    /** A deep copy (a snapshot); its forces are recomputed before its first step. */
    public State copy() {
        State s = new State(x, v);
        s.time = time;
        s.step = step;
        return s;
    }

    /** Marks the forces stale after x was changed from outside an integrator. */
    public void positionsChanged() {
        forcesStale = true;
    }

    /** Potential energy (kJ/mol, including extra force terms) at x; valid once an integrator has stepped or primed. */
    public double potentialEnergy() {
        if (forcesStale) {
            throw new IllegalStateException("forces and energy not computed since positions changed");
        }
        return potential;
    }

    /** Kinetic energy (kJ/mol) with the given masses (amu). */
    public double kineticEnergy(double[] masses) {
        double twice = 0;
        for (int a = 0; a < masses.length; a++) {
            double vx = v[3 * a], vy = v[3 * a + 1], vz = v[3 * a + 2];
            twice += masses[a] * (vx * vx + vy * vy + vz * vz);
        }
        return 0.5 * twice;
    }
}

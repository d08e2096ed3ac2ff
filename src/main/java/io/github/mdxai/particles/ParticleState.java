package io.github.mdxai.particles;

/**
 * The mutable state of a periodic particle run: unwrapped positions, velocities and forces (interleaved xyz),
 * masses per particle, step and time. Snapshots are {@link Configuration}s with wrapped positions and images.
 */
public final class ParticleState {

    final int[] ids;
    final int[] types;
    final double[] mass;
    final double[] inverseMass;
    final double[] positions;
    final double[] velocities;
    final double[] forces;
    final Box box;
    long step;
    double time;

    /** State from a configuration (positions unwrapped with its images; zero velocities if it has none). */
    public ParticleState(Configuration c, double[] massByType) {
        int n = c.size();
        ids = c.ids().clone();
        types = c.types().clone();
        mass = new double[n];
        inverseMass = new double[n];
        for (int i = 0; i < n; i++) {
            if (types[i] >= massByType.length) {
                throw new IllegalArgumentException("no mass for type " + (types[i] + 1));
            }
            mass[i] = massByType[types[i]];
            inverseMass[i] = 1.0 / mass[i];
        }
        positions = c.unwrappedPositions();
        velocities = c.velocities() == null ? new double[3 * n] : c.velocities().clone();
        forces = new double[3 * n];
        box = c.box();
        step = c.step();
        time = Double.isNaN(c.time()) ? 0 : c.time();
    }

    public int size() {
        return ids.length;
    }

    public int[] types() {
        return types;
    }

    public Box box() {
        return box;
    }

    public long step() {
        return step;
    }

    public double time() {
        return time;
    }

    /** Live positions (unwrapped); callers must not keep or change them while a run is going. */
    public double[] positions() {
        return positions;
    }

    /** Live velocities. */
    public double[] velocities() {
        return velocities;
    }

    /** Live forces from the last evaluation. */
    public double[] forces() {
        return forces;
    }

    /** Kinetic energy sum m v^2 / 2. */
    public double kineticEnergy() {
        double twice = 0;
        for (int i = 0; i < ids.length; i++) {
            double vx = velocities[3 * i];
            double vy = velocities[3 * i + 1];
            double vz = velocities[3 * i + 2];
            twice += mass[i] * (vx * vx + vy * vy + vz * vz);
        }
        return 0.5 * twice;
    }

    /** Degrees of freedom with the total momentum fixed: 3N - 3 (as LAMMPS). */
    public int degreesOfFreedom() {
        return 3 * ids.length - 3;
    }

    /** Kinetic temperature 2 KE / dof (k_B = 1). */
    public double temperature() {
        return 2 * kineticEnergy() / degreesOfFreedom();
    }

    /** Sets Gaussian velocities at temperature T with zero total momentum, scaled to exactly T. */
    public void assignVelocities(double temperature, java.util.SplittableRandom random) {
        int n = ids.length;
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(temperature * inverseMass[i]);
            for (int a = 0; a < 3; a++) {
                velocities[3 * i + a] = s * io.github.mdxai.util.Rng.gaussian(random);
            }
        }
        removeDrift();
        double t = temperature();
        double scale = t > 0 ? Math.sqrt(temperature / t) : 0;
        for (int k = 0; k < 3 * n; k++) {
            velocities[k] *= scale;
        }
    }

    /** Removes the centre-of-mass velocity. */
    public void removeDrift() {
        double[] p = new double[3];
        double total = 0;
        for (int i = 0; i < ids.length; i++) {
            total += mass[i];
            for (int a = 0; a < 3; a++) {
                p[a] += mass[i] * velocities[3 * i + a];
            }
        }
        for (int i = 0; i < ids.length; i++) {
            for (int a = 0; a < 3; a++) {
                velocities[3 * i + a] -= p[a] / total;
            }
        }
    }

    /** A snapshot: positions wrapped into the box with image counters, velocities copied. */
    public Configuration snapshot() {
        return new Configuration(ids.clone(), types.clone(), positions.clone(), velocities.clone(), null, box, step, time)
                .wrapped();
    }
}

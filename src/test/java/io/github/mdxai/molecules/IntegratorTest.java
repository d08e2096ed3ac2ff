package io.github.mdxai.molecules;

import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegratorTest {

    static final Path ALA2 = Path.of("test-data/ala2");
    static final Topology TOP = GromacsTopology.read(ALA2.resolve("processed.top"));
    static final ForceField FF = ForceField.of(TOP);

    static State start(long seed, double kelvin) {
        State s = new State(GroFile.read(ALA2.resolve("conformations.gro")).get(0).x(), null);
        Velocities.maxwellBoltzmann(TOP.masses(), kelvin, Rng.stream(seed, "velocities"), s.v);
        return s;
    }

    @Test
    void velocityVerletConservesEnergy() {
        State s = start(1, 300);
        VelocityVerlet nve = new VelocityVerlet(FF, TOP.masses(), 0.0005, null);
        nve.prime(s);
        double e0 = s.potentialEnergy() + nve.kineticEnergy(s);
        double maxDev = 0, first = 0, last = 0;
        for (int k = 0; k < 4000; k++) {
            nve.step(s, null);
            double e = s.potentialEnergy() + nve.kineticEnergy(s);
            maxDev = Math.max(maxDev, Math.abs(e - e0));
            if (k < 1000) {
                first += e / 1000;
            } else if (k >= 3000) {
                last += e / 1000;
            }
        }
        // 2 ps at 0.5 fs: the total energy (kinetic ~ 40 kJ/mol) fluctuates by O(dt^2) but does not drift
        assertTrue(maxDev < 0.5, "max |E - E0| = " + maxDev);
        assertEquals(first, last, 0.01, "mean energy, first vs last ps/2");
        assertEquals(2.0, s.time, 1e-9);
    }

    @Test
    void constrainedDynamicsKeepsBondLengths() {
        Constraints c = Constraints.hydrogenBonds(TOP);
        assertEquals(12, c.size());
        State s = start(2, 300);
        LangevinBaoab md = new LangevinBaoab(FF, TOP.masses(), 300, 1.0, 0.002, c);
        md.prime(s);
        SplittableRandom random = Rng.stream(2, "langevin");
        double worst = 0;
        for (int k = 0; k < 1000; k++) {
            md.step(s, random);
            for (int b = 0; b < c.size(); b++) {
                int i = 3 * c.i(b), j = 3 * c.j(b);
                double dx = s.x[i] - s.x[j], dy = s.x[i + 1] - s.x[j + 1], dz = s.x[i + 2] - s.x[j + 2];
                worst = Math.max(worst, Math.abs(Math.sqrt(dx * dx + dy * dy + dz * dz) / c.length(b) - 1));
            }
        }
        assertTrue(worst < 1e-6, "worst relative deviation " + worst);
        assertEquals(66 - 12 - 3, md.degreesOfFreedom());
    }

    @Test
    void constrainedNveConservesEnergy() {
        Constraints c = Constraints.hydrogenBonds(TOP);
        State s = start(3, 300);
        VelocityVerlet nve = new VelocityVerlet(FF, TOP.masses(), 0.001, c);
        nve.prime(s);
        double e0 = s.potentialEnergy() + nve.kineticEnergy(s);
        double maxDev = 0;
        for (int k = 0; k < 1000; k++) {
            nve.step(s, null);
            maxDev = Math.max(maxDev, Math.abs(s.potentialEnergy() + nve.kineticEnergy(s) - e0));
        }
        assertTrue(maxDev < 0.5, "max |E - E0| = " + maxDev);
    }

    @Test
    void langevinThermalisesAndIsReproducible() {
        LangevinBaoab md = new LangevinBaoab(FF, TOP.masses(), 300, 5.0, 0.001, null);
        State s = start(4, 300);
        md.prime(s);
        SplittableRandom random = Rng.stream(4, "langevin");
        md.run(s, 2000, random);
        double sum = 0;
        int n = 20000;
        for (int k = 0; k < n; k++) {
            md.step(s, random);
            sum += md.temperature(s);
        }
        double mean = sum / n;
        // 20 ps: the standard error of <T> is a few K
        assertEquals(300, mean, 15, "<T>");

        State a = start(5, 300), b = start(5, 300);
        md.run(a, 100, Rng.stream(5, "langevin"));
        md.run(b, 100, Rng.stream(5, "langevin"));
        assertArrayEquals(a.x, b.x, 0.0);
    }

    @Test
    void maxwellBoltzmannHasTheRightVariance() {
        double[] masses = new double[3000];
        java.util.Arrays.fill(masses, 12.0);
        double[] v = new double[9000];
        Velocities.maxwellBoltzmann(masses, 300, Rng.stream(6, "mb"), v);
        double t = Velocities.temperature(masses, v, 9000);
        assertEquals(300, t, 300 * 4 * Math.sqrt(2.0 / 9000));
    }

    @Test
    void rattleRemovesEveryVelocityAlongTheConstraints() {
        Constraints c = Constraints.hydrogenBonds(TOP);
        State s = start(8, 300);
        double[] before = s.v.clone();
        c.rattle(s.x, s.v);
        double[] masses = TOP.masses();
        double px = 0, py = 0, pz = 0;
        for (int a = 0; a < masses.length; a++) {
            px += masses[a] * (s.v[3 * a] - before[3 * a]);
            py += masses[a] * (s.v[3 * a + 1] - before[3 * a + 1]);
            pz += masses[a] * (s.v[3 * a + 2] - before[3 * a + 2]);
        }
        assertEquals(0, Math.abs(px) + Math.abs(py) + Math.abs(pz), 1e-12, "constraint forces conserve momentum");
        for (int b = 0; b < c.size(); b++) {
            int i = 3 * c.i(b), j = 3 * c.j(b);
            double dot = (s.x[i] - s.x[j]) * (s.v[i] - s.v[j]) + (s.x[i + 1] - s.x[j + 1]) * (s.v[i + 1] - s.v[j + 1])
                    + (s.x[i + 2] - s.x[j + 2]) * (s.v[i + 2] - s.v[j + 2]);
            assertEquals(0, dot, 1e-12, "constraint " + b);
        }
        boolean changed = false;
        for (int k = 0; k < before.length; k++) {
            changed |= before[k] != s.v[k];
        }
        assertTrue(changed);
    }

    @Test
    void allBondConstraintsUseTheIterativeSolver() {
        Topology.Bonds bonds = TOP.bonds();
        int n = bonds.size();
        int[] i = new int[n], j = new int[n];
        double[] d = new double[n];
        for (int b = 0; b < n; b++) {
            i[b] = bonds.i(b);
            j[b] = bonds.j(b);
            d[b] = bonds.b0(b);
        }
        Constraints c = new Constraints(i, j, d, TOP.masses());
        State s = start(9, 300);
        LangevinBaoab md = new LangevinBaoab(FF, TOP.masses(), 300, 1.0, 0.002, c);
        md.prime(s);
        md.run(s, 500, Rng.stream(9, "langevin"));
        for (int b = 0; b < n; b++) {
            int p = 3 * i[b], q = 3 * j[b];
            double dx = s.x[p] - s.x[q], dy = s.x[p + 1] - s.x[q + 1], dz = s.x[p + 2] - s.x[q + 2];
            assertEquals(1, Math.sqrt(dx * dx + dy * dy + dz * dz) / d[b], 1e-6, "bond " + b);
        }
    }
}

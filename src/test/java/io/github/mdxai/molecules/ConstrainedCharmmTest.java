package io.github.mdxai.molecules;

import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dynamics of the CHARMM27 peptide (Urey-Bradley, CMAP) with constraints, from the topology and h-bonds. */
class ConstrainedCharmmTest {

    static final Path CHARMM = Path.of("test-data/gromacs-ff/charmm27");

    /** NVE at 0.5 fs for 1 ps with h-bond constraints: lengths kept to 1e-6 relative, energy drift reported. */
    @Test
    void hydrogenBondConstraintsHoldAndEnergyIsConserved() {
        Topology top = GromacsTopology.read(CHARMM.resolve("topol.top"));
        ForceField ff = ForceField.of(top);
        Constraints c = Constraints.of(top, true);
        assertEquals(top.hydrogenBonds().length, c.size());
        State s = new State(GroFile.read(CHARMM.resolve("conformations.gro")).get(15).x(), null);
        Velocities.maxwellBoltzmann(top.masses(), 300, Rng.stream(7, "velocities"), s.v);
        VelocityVerlet nve = new VelocityVerlet(ff, top.masses(), 0.0005, c);
        nve.prime(s);
        double e0 = s.potentialEnergy() + nve.kineticEnergy(s);
        double worst = 0, first = 0, last = 0;
        int steps = 2000;
        for (int k = 0; k < steps; k++) {
            nve.step(s, null);
            for (int b = 0; b < c.size(); b++) {
                int i = 3 * c.i(b), j = 3 * c.j(b);
                double dx = s.x[i] - s.x[j], dy = s.x[i + 1] - s.x[j + 1], dz = s.x[i + 2] - s.x[j + 2];
                worst = Math.max(worst, Math.abs(Math.sqrt(dx * dx + dy * dy + dz * dz) / c.length(b) - 1));
            }
            double e = s.potentialEnergy() + nve.kineticEnergy(s);
            if (k < steps / 4) {
                first += e / (steps / 4.0);
            } else if (k >= 3 * steps / 4) {
                last += e / (steps / 4.0);
            }
        }
        System.out.printf("CHARMM27 ACE-ALA-CT3, NVE 0.5 fs, 1 ps, h-bond constraints: worst relative length error %.2e, "
                + "mean total energy last quarter - first quarter %.4f kJ/mol (E0 %.3f)%n", worst, last - first, e0);
        assertTrue(worst < 1e-6, "worst relative deviation " + worst);
        assertEquals(first, last, 0.05, "mean energy, first vs last quarter");
    }

    /** [ constraints ] of the topology are kept in every run; without them and without h-bonds nothing is. */
    @Test
    void topologyConstraintsAreAlwaysApplied(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Topology plain = GromacsTopology.read(CHARMM.resolve("topol.top"));
        assertNull(Constraints.of(plain, false));
        String text = Files.readString(CHARMM.resolve("topol.top"));
        // constrain the N-CA bond (atoms 7 and 9) at 0.145 nm with an explicit [ constraints ] section
        Path top = dir.resolve("constrained.top");
        Files.writeString(top, text.replace("[ angles ]", "[ constraints ]\n7 9 1 0.145\n\n[ angles ]"));
        Topology t = GromacsTopology.read(top);
        assertEquals(1, t.constraints().size());
        Constraints c = Constraints.of(t, false);
        assertEquals(1, c.size());
        assertEquals(0.145, c.length(0), 0);
        assertEquals(1 + t.hydrogenBonds().length, Constraints.of(t, true).size());
    }
}

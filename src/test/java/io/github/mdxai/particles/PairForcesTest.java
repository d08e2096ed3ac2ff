package io.github.mdxai.particles;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.io.LammpsDump;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Energy, virial and forces of the LAMMPS reference configuration (numbers in test-data/softsphere). */
class PairForcesTest {

    static final Path DATA = Path.of("test-data/softsphere/config_N1000.data");
    static final Path DUMP = Path.of("test-data/softsphere/forces_N1000.dump");
    // numpy float64 analytic values, agreeing with LAMMPS lj/cut+born to 1e-15 (reference_values.txt)
    static final double PE_TOTAL = 3983.134801290754;
    static final double P_VIRIAL = 12.74639744503127;
    static final double[] P_TENSOR = {13.00229622433436, 12.71613598436868, 12.52076012637742,
            0.04218962204830837, -0.2431773104893441, -0.2426030923377943};

    @Test
    void matchesLammpsEnergyVirialAndForces() {
        Configuration c = LammpsData.read(DATA);
        double[] f = new double[3 * c.size()];
        try (PairForces pf = new PairForces(SoftSphereMixture.BERNU_HANSEN.potential(), c.types(), c.box(), 0.3, 1)) {
            pf.compute(c.positions(), f, true);
            double v = c.box().volume();
            assertEquals(PE_TOTAL, pf.energy(), 1e-10 * PE_TOTAL);
            assertEquals(P_VIRIAL, pf.virial() / (3 * v), 1e-10 * P_VIRIAL);
            double[] w = pf.virialTensor();
            for (int a = 0; a < 6; a++) {
                // table-spline LAMMPS tensor: agrees with the analytic one to ~1e-11
                assertEquals(P_TENSOR[a], w[a] / v, 1e-9, "tensor component " + a);
            }
        }
        Map<String, double[]> ref = LammpsDump.readFrames(DUMP).get(0).columns();
        double[][] lmp = {ref.get("fx"), ref.get("fy"), ref.get("fz")};
        double maxDiff = 0;
        for (int i = 0; i < c.size(); i++) {
            for (int a = 0; a < 3; a++) {
                maxDiff = Math.max(maxDiff, Math.abs(f[3 * i + a] - lmp[a][i]));
            }
        }
        // LAMMPS's table differs from exact forces by up to 1.2e-10 (README)
        assertTrue(maxDiff < 1e-8, "max |F - F_lammps| = " + maxDiff);
    }

    @Test
    void cellListOnReplicatedBoxGivesSameEnergyPerAtomAndForces() {
        Configuration c = LammpsData.read(DATA);
        Configuration big = c.replicated(2, 2, 2);
        double[] f1 = new double[3 * c.size()];
        double[] f8 = new double[3 * big.size()];
        PairPotential pot = SoftSphereMixture.BERNU_HANSEN.potential();
        try (PairForces small = new PairForces(pot, c.types(), c.box(), 0.3, 1);
             PairForces large = new PairForces(pot, big.types(), big.box(), 0.3, 2)) {
            small.compute(c.positions(), f1, true);
            large.compute(big.positions(), f8, true);
            assertEquals(8 * small.energy(), large.energy(), 1e-11 * large.energy());
            assertEquals(8 * small.virial(), large.virial(), 1e-11 * large.virial());
            // replicated images feel the same forces
            for (int k = 0; k < 3 * c.size(); k++) {
                for (int copy = 0; copy < 8; copy++) {
                    assertEquals(f1[k], f8[copy * 3 * c.size() + k], 1e-10);
                }
            }
        }
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        Configuration big = LammpsData.read(DATA).replicated(2, 2, 2);
        PairPotential pot = SoftSphereMixture.BERNU_HANSEN.potential();
        double[] ref = null;
        double refEnergy = 0;
        for (int threads : new int[]{1, 2, 3}) {
            double[] f = new double[3 * big.size()];
            try (PairForces pf = new PairForces(pot, big.types(), big.box(), 0.3, threads)) {
                pf.compute(big.positions(), f, true);
                if (ref == null) {
                    ref = f;
                    refEnergy = pf.energy();
                } else {
                    assertArrayEquals(ref, f, "forces with " + threads + " threads");
                    assertEquals(refEnergy, pf.energy());
                }
            }
        }
    }

    @Test
    void refusesBoxTooSmallForCutoff() {
        int[] types = new int[10];
        assertThrows(IllegalArgumentException.class,
                () -> new PairForces(SoftSphereMixture.BERNU_HANSEN.potential(), types, Box.cubic(7.0), 0.3, 1));
    }

    @Test
    void gammaAndTemperatureConvert() {
        SoftSphereMixture m = SoftSphereMixture.BERNU_HANSEN;
        assertEquals(1.3475, m.sigmaEffCubed(), 1e-12);
        assertEquals(1.078, m.gamma(1.0, 0.8), 1e-12);
        assertEquals(0.297, m.temperature(1.46, 0.8), 1e-3);
        assertEquals(1.15, m.gamma(m.temperature(1.15, 0.8), 0.8), 1e-12);
    }
}

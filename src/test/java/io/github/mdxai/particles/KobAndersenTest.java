package io.github.mdxai.particles;

import io.github.mdxai.io.LammpsDump;
import io.github.mdxai.io.ParticleFiles;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kob-Andersen mixture against LAMMPS (test-data/kob-andersen) and the model registry. */
class KobAndersenTest {

    static final Path DUMP = Path.of("test-data/kob-andersen/forces_N1000.dump");
    // LAMMPS lj/cut 2.5, pair_modify shift yes, printed with %.17g (reference_values.txt)
    static final double PE_PER_ATOM = -6.0443525108756928;
    static final double P_VIRIAL = 8.5396592851139665;
    static final double[] P_TENSOR = {8.656681383322864, 8.6514873024022272, 8.3108091696168085,
            -0.31494497724167198, -0.0442685673817226, 0.076368224923087744};

    @Test
    void energyPressureAndForcesEqualLammps() {
        ParticleModel model = ParticleModels.byKey("kob-andersen");
        Configuration c = ParticleFiles.read(DUMP).get(0);
        assertEquals(1000, c.size());
        assertArrayEquals(new int[]{800, 200}, c.countByType(2));
        SinglePoint.Result r = SinglePoint.evaluate(c, model.potential(), model.masses(), 1);
        assertEquals(PE_PER_ATOM, r.potentialEnergyPerAtom(), 1e-10 * Math.abs(PE_PER_ATOM));
        assertEquals(P_VIRIAL, r.virialPressure(), 1e-10 * P_VIRIAL);
        double v = c.box().volume();
        for (int a = 0; a < 6; a++) {
            assertEquals(P_TENSOR[a], r.virialTensor()[a] / v, 1e-10 * P_VIRIAL, "tensor component " + a);
        }
        Map<String, double[]> ref = LammpsDump.readFrames(DUMP).get(0).columns();
        double[][] lmp = {ref.get("fx"), ref.get("fy"), ref.get("fz")};
        double maxDiff = 0;
        for (int i = 0; i < c.size(); i++) {
            for (int a = 0; a < 3; a++) {
                maxDiff = Math.max(maxDiff, Math.abs(r.forces()[3 * i + a] - lmp[a][i]));
            }
        }
        assertTrue(maxDiff < 1e-8, "max |F - F_lammps| = " + maxDiff);
    }

    @Test
    void forcesDoNotDependOnTheThreadCount() {
        ParticleModel model = KobAndersen.MIXTURE;
        Configuration c = ParticleFiles.read(DUMP).get(0);
        SinglePoint.Result one = SinglePoint.evaluate(c, model.potential(), model.masses(), 1);
        SinglePoint.Result two = SinglePoint.evaluate(c, model.potential(), model.masses(), 2);
        assertArrayEquals(one.forces(), two.forces());
        assertEquals(one.potentialEnergy(), two.potentialEnergy());
    }

    /** Shifted to zero at 2.5 sigma_ab, minimum -eps_ab (less the shift) at 2^(1/6) sigma_ab, force = -du/dr. */
    @Test
    void pairPotentialHasTheLennardJonesShape() {
        LennardJonesPotential pot = KobAndersen.MIXTURE.potential();
        double[][] eps = {{1.0, 1.5}, {1.5, 0.5}};
        double[][] sigma = {{1.0, 0.8}, {0.8, 0.88}};
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                int kind = 2 * a + b;
                double rc = 2.5 * sigma[a][b];
                assertEquals(rc, pot.cutoff(a, b), 1e-15);
                assertEquals(0, pot.energy(kind, rc * rc), 1e-15);
                double s = Math.pow(rc, -6) * Math.pow(sigma[a][b], 6);
                double shift = 4 * eps[a][b] * (s * s - s);
                double rMin = Math.pow(2, 1.0 / 6) * sigma[a][b];
                assertEquals(-eps[a][b] - shift, pot.energy(kind, rMin * rMin), 1e-13);
                assertEquals(0, pot.forceOverR(kind, rMin * rMin), 1e-12);
                for (double r = 0.8 * sigma[a][b]; r < rc; r += 0.13) {
                    double h = 1e-6;
                    double derivative = (pot.energy(kind, (r + h) * (r + h)) - pot.energy(kind, (r - h) * (r - h))) / (2 * h);
                    assertEquals(-derivative, pot.forceOverR(kind, r * r) * r, 1e-6 * (1 + Math.abs(derivative)));
                }
            }
        }
    }

    @Test
    void registryFindsModelsByKeyAndNamesTheKnownOnes() {
        assertSame(SoftSphereMixture.BERNU_HANSEN, ParticleModels.byDefault());
        assertSame(KobAndersen.MIXTURE, ParticleModels.byKey(" Kob-Andersen "));
        assertEquals(List.of("soft-sphere", "kob-andersen"), ParticleModels.keys());
        InputException e = assertThrows(InputException.class, () -> ParticleModels.byKey("lennard-jones"));
        assertTrue(e.getMessage().contains("soft-sphere") && e.getMessage().contains("kob-andersen"), e.getMessage());
        assertSame(StateParameter.TEMPERATURE, KobAndersen.MIXTURE.stateParameter());
        assertEquals(0.7, KobAndersen.MIXTURE.stateParameter().temperature(0.7, 1.2));
        assertEquals("gamma_eff", SoftSphereMixture.BERNU_HANSEN.stateParameter().key());
        assertEquals(1.078, SoftSphereMixture.BERNU_HANSEN.stateParameter().value(1.0, 0.8), 1e-12);
    }

    /** The generic protocol prepares a Kob-Andersen liquid: 80:20 on the lattice, the target T reached. */
    @Test
    void protocolPreparesAKobAndersenLiquid() {
        ParticleModel model = KobAndersen.MIXTURE;
        Configuration lattice = InitialConfigurations.lattice(model, 500, model.density(), LiquidProtocol.SKIN, 3);
        assertArrayEquals(new int[]{400, 100}, lattice.countByType(2));
        assertEquals(500 / 1.2, lattice.box().volume(), 1e-9);
        LiquidProtocol.Result r = LiquidProtocol.prepare(model, 500, model.density(), 1.0, 0.005, 2000, 1, 3,
                Progress.NONE);
        // T = 1, n = 1.2: LAMMPS's run above fluctuates around PE/atom -6.0 (log.lammps)
        assertEquals(-6.0, r.meanPotentialEnergyPerAtom(), 0.15);
        assertEquals(1.0, r.meanTemperature(), 0.1);
    }
}

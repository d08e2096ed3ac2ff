package io.github.mdxai.particles;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class VelocityVerletTest {

    static final Path DATA = Path.of("test-data/softsphere/config_N1000.data");

    /** 300 NVE steps from the LAMMPS configuration; returns the final state. */
    static ParticleState nve(int threads, double[] energies) {
        Configuration c = LammpsData.read(DATA);
        ParticleState s = new ParticleState(c, SoftSphereMixture.BERNU_HANSEN.masses());
        try (PairForces f = new PairForces(SoftSphereMixture.BERNU_HANSEN.potential(), s.types(), s.box(), 0.3, threads)) {
            VelocityVerlet vv = new VelocityVerlet(s, f, 0.005);
            energies[0] = vv.observe().totalEnergy() / s.size();
            vv.run(300, 100, (st, o) -> energies[1] = o.totalEnergy() / st.size(), Progress.NONE);
        }
        return s;
    }

    @Test
    void nveTrajectoryIsIndependentOfThreadsAndConservesEnergy() {
        double[] e1 = new double[2];
        double[] e2 = new double[2];
        ParticleState one = nve(1, e1);
        ParticleState two = nve(2, e2);
        assertArrayEquals(one.positions(), two.positions());
        assertArrayEquals(one.velocities(), two.velocities());
        // LAMMPS's Etot/atom at the start of its NVE benchmark: 5.523473334 (after 200 steps; here step 0 is close)
        assertEquals(5.5235, e1[0], 1e-3);
        // velocity Verlet at dt = 0.005: Etot/atom fluctuates by ~1e-4 (LAMMPS: 4.5e-5 change over 10^4 steps)
        assertEquals(e1[0], e1[1], 3e-4);
        assertEquals(20300, one.step()); // the data file is at step 20000
        assertEquals(1.5, one.time(), 1e-12);
    }

    @Test
    void bussiThermostatHoldsTheTargetTemperature() {
        Configuration c = LammpsData.read(DATA);
        ParticleState s = new ParticleState(c, SoftSphereMixture.BERNU_HANSEN.masses());
        s.assignVelocities(1.4, Rng.stream(5, "test velocities"));
        assertEquals(1.4, s.temperature(), 1e-12);
        double[] sum = new double[2];
        try (PairForces f = new PairForces(SoftSphereMixture.BERNU_HANSEN.potential(), s.types(), s.box(), 0.3, 1)) {
            VelocityVerlet vv = new VelocityVerlet(s, f, 0.005);
            vv.thermostat(new BussiThermostat(0.8, 0.1, Rng.stream(5, "bussi")));
            vv.run(400, 10, (st, o) -> {
                if (st.step() - c.step() > 200) {
                    sum[0] += o.temperature();
                    sum[1]++;
                }
            }, Progress.NONE);
        }
        // canonical fluctuations of T at N = 1000 are ~ T sqrt(2/3N) = 0.03; 20 samples over ~10 tau
        assertEquals(0.8, sum[0] / sum[1], 0.04);
    }

    @Test
    void snapshotWrapsPositionsAndKeepsImages() {
        Configuration c = LammpsData.read(DATA);
        ParticleState s = new ParticleState(c, SoftSphereMixture.BERNU_HANSEN.masses());
        Configuration snap = s.snapshot();
        assertArrayEquals(c.unwrappedPositions(), snap.unwrappedPositions(), 1e-12);
        for (int k = 0; k < snap.positions().length; k++) {
            assertTrue(snap.positions()[k] >= 0 && snap.positions()[k] < c.box().lx());
        }
    }
}

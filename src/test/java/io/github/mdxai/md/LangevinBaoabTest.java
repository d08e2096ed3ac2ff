package io.github.mdxai.md;

import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LangevinBaoabTest {

    /**
     * The unconstrained step runs in two fused passes; it must equal, to the bit, BAOAB written out term by term
     * (half kick, half drift, Ornstein-Uhlenbeck with the same draws, centre-of-mass removal, half drift, forces,
     * half kick).
     */
    @Test
    void fusedUnconstrainedStepIsBaoabToTheBit() {
        double kelvin = 300, friction = 2.0, dt = 0.001;
        double[] masses = IntegratorTest.TOP.masses();
        State fused = IntegratorTest.start(7, kelvin);
        State plain = IntegratorTest.start(7, kelvin);
        LangevinBaoab md = new LangevinBaoab(IntegratorTest.FF, masses, kelvin, friction, dt, null);
        md.prime(fused);
        Velocities.removeComMotion(masses, plain.v);
        double[] f = new double[plain.x.length];
        IntegratorTest.FF.energyAndForces(plain.x, f, null);
        double damping = Math.exp(-friction * dt);
        double spread = Math.sqrt(1 - damping * damping);
        SplittableRandom r1 = Rng.stream(7, "langevin"), r2 = Rng.stream(7, "langevin");
        double h = 0.5 * dt;
        double[] x = plain.x, v = plain.v;
        for (int step = 0; step < 200; step++) {
            md.step(fused, r1);
            double twice = 0;
            for (int c = 0; c < x.length; c++) {
                v[c] += h * (1.0 / masses[c / 3]) * f[c];
                x[c] += h * v[c];
                v[c] = damping * v[c] + spread * Math.sqrt(Units.BOLTZMANN * kelvin / masses[c / 3]) * r2.nextGaussian();
            }
            Velocities.removeComMotion(masses, v);
            for (int c = 0; c < x.length; c++) {
                twice += masses[c / 3] * v[c] * v[c];
                x[c] += h * v[c];
            }
            double potential = IntegratorTest.FF.energyAndForces(x, f, null);
            for (int c = 0; c < x.length; c++) {
                v[c] += h * (1.0 / masses[c / 3]) * f[c];
            }
            assertEquals(potential, fused.potentialEnergy(), 0.0, "step " + step);
            assertEquals(0.5 * twice, md.midStepKineticEnergy(), 1e-12 * twice, "step " + step);
        }
        assertArrayEquals(x, fused.x, 0.0);
        assertArrayEquals(v, fused.v, 0.0);
    }
}

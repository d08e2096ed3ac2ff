package io.github.mdxai.sampling;

import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreeEnergyTest {

    private final Axis ax = Axis.spanning("x", "nm", 0, 2, 2);
    private final Axis ay = Axis.spanning("y", "nm", 0, 1, 1);

    @Test
    void populationRatioGivesBoltzmannFreeEnergyDifference() {
        // 30 samples in bin 0, 10 in bin 1: F1 - F0 = kT ln 3.
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = i < 30 ? 0.5 : 1.5;
            y[i] = 0.5;
        }
        Grid2D f = FreeEnergy.surface(x, y, null, ax, ay, 300);
        assertEquals(0.0, f.get(0, 0), 1e-6);
        assertEquals(FreeEnergy.kT(300) * Math.log(3), f.get(1, 0), 1e-5);
        assertEquals("kJ/mol", f.valueUnit());
    }

    @Test
    void weightsActAsPopulationsAndEmptyBinsAreNaN() {
        Axis three = Axis.spanning("x", "nm", 0, 3, 3);
        Grid2D f = FreeEnergy.surface(new double[] {0.5, 1.5}, new double[] {0.5, 0.5}, new double[] {1, Math.E}, three, ay, 1000);
        assertEquals(0.0, f.get(1, 0), 1e-6);
        assertEquals(FreeEnergy.kT(1000), f.get(0, 0), 1e-5);
        assertTrue(Float.isNaN(f.get(2, 0)));
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThrows(InputException.class, () -> FreeEnergy.surface(new double[] {5}, new double[] {5}, null, ax, ay, 300));
        assertThrows(InputException.class, () -> FreeEnergy.surface(new double[] {0.5}, new double[] {0.5}, new double[] {-1}, ax, ay, 300));
        assertThrows(InputException.class, () -> FreeEnergy.surface(new double[] {0.5}, new double[] {0.5}, null, ax, ay, 0));
    }

    @Test
    void axisCoveringIncludesTheMaximum() {
        Axis a = FreeEnergy.axisCovering("x", "", new double[] {-1, 3, 2}, 4);
        assertEquals(0, a.bin(-1));
        assertEquals(3, a.bin(3));
    }
}

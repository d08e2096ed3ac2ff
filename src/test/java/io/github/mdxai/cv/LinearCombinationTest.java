package io.github.mdxai.cv;

import io.github.mdxai.io.GroFile;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearCombinationTest {

    static final double[] X = GroFile.read(Path.of("test-data/ala2/conformations.gro")).get(1).x();

    @Test
    void parsesSignsCoefficientsAndHyphenatedNames() {
        CollectiveVariable s = LinearCombination.parse("0.8*r6-10 - 1.2 * r6-11 + r5-9", 22);
        double expected = 0.8 * new Distance(5, 9).value(X) - 1.2 * new Distance(5, 10).value(X) + new Distance(4, 8).value(X);
        assertEquals(expected, s.value(X), 1e-12);
        assertEquals("nm", s.unit());
        assertFalse(s.periodic());
        assertEquals(LinearCombination.parse(LinearCombination.format(new String[]{"r6-10", "r6-11"}, new double[]{0.8, -1.2}), 22)
                .value(X), 0.8 * new Distance(5, 9).value(X) - 1.2 * new Distance(5, 10).value(X), 1e-12);
        assertTrue(LinearCombination.parse("phi", 22) instanceof Dihedral, "a lone CV stays itself (periodic)");
        assertThrows(InputException.class, () -> LinearCombination.parse("phi + r6-10", 22));
        assertThrows(InputException.class, () -> LinearCombination.parse("0.5*r6-10 r6-11", 22));
        assertThrows(InputException.class, () -> LinearCombination.parse("2*q", 22));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        CollectiveVariable s = LinearCombination.parse("0.5*phi - 2*psi + theta", 22);
        double[] grad = new double[X.length];
        assertEquals(s.value(X), s.valueAndGradient(X, grad), 1e-14);
        for (int c = 0; c < X.length; c++) {
            double[] xp = X.clone();
            double[] xm = X.clone();
            xp[c] += 1e-6;
            xm[c] -= 1e-6;
            assertEquals((s.value(xp) - s.value(xm)) / 2e-6, grad[c], 1e-5, "coordinate " + c);
        }
    }
}

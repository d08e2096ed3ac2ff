package io.github.mdxai.cv;

import io.github.mdxai.io.Frame;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.util.CsvTable;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CollectiveVariableTest {

    static final Path ALA2 = Path.of("test-data/ala2");

    @Test
    void phiPsiMatchTheReferenceTable() {
        List<Frame> frames = GroFile.read(ALA2.resolve("conformations.gro"));
        CsvTable energies = CsvTable.read(ALA2.resolve("energies.csv"));
        double[] phi = energies.column("phi_deg"), psi = energies.column("psi_deg");
        for (int f = 0; f < phi.length; f++) {
            double[] x = frames.get(f).x();
            assertEquals(phi[f], Math.toDegrees(Dihedral.phi().value(x)), 0.006, "phi frame " + f);
            assertEquals(psi[f], Math.toDegrees(Dihedral.psi().value(x)), 0.006, "psi frame " + f);
        }
        // the amide O6-C5-N7-CA9 is cis (O trans to H) in the EM structure
        assertEquals(0, Math.toDegrees(Dihedral.theta().value(frames.get(0).x())), 15);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        double[] x = GroFile.read(ALA2.resolve("conformations.gro")).get(3).x();
        for (CollectiveVariable cv : List.of(Dihedral.phi(), Dihedral.psi(), Dihedral.theta(), new Distance(5, 9),
                new Angle("a", 4, 6, 8))) {
            double[] grad = new double[x.length];
            double value = cv.valueAndGradient(x, grad);
            assertEquals(cv.value(x), value, 1e-15);
            double h = 1e-6;
            for (int c = 0; c < x.length; c++) {
                double keep = x[c];
                x[c] = keep + h;
                double up = cv.value(x);
                x[c] = keep - h;
                double down = cv.value(x);
                x[c] = keep;
                assertEquals((up - down) / (2 * h), grad[c], 1e-6, cv.name() + " component " + c);
            }
        }
    }

    @Test
    void distanceIsNamedByOneBasedIndices() {
        assertEquals("r6-10", new Distance(5, 9).name());
    }

    @Test
    void parsesUserLists() {
        List<CollectiveVariable> cvs = CollectiveVariables.parse("phi, psi r6-10 angle5-7-9 dihedral5-7-9-15", 22);
        assertEquals(List.of("phi", "psi", "r6-10", "angle5-7-9", "dihedral5-7-9-15"),
                cvs.stream().map(CollectiveVariable::name).toList());
        double[] x = GroFile.read(ALA2.resolve("conformations.gro")).get(1).x();
        assertEquals(Dihedral.phi().value(x), cvs.get(4).value(x), 0);
        assertEquals(0, CollectiveVariables.parse("  ", 22).size());
        io.github.mdxai.util.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.mdxai.util.InputException.class, () -> CollectiveVariables.parse("r6-30", 22));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("out of range 1..22"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(io.github.mdxai.util.InputException.class,
                () -> CollectiveVariables.parse("omega", 22));
    }
}

package io.github.mdxai.sampling;

import io.github.mdxai.cv.Dihedral;
import io.github.mdxai.io.GroFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlatBottomRestraintTest {

    static final double[] X = GroFile.read(Path.of("test-data/ala2/conformations.gro")).get(1).x();

    @Test
    void zeroInsideHarmonicOutsideAndForcesAreMinusTheGradient() {
        double phi = Math.toDegrees(Dihedral.phi().value(X));
        double psi = Math.toDegrees(Dihedral.psi().value(X));
        double[] f = new double[X.length];
        FlatBottomRestraint inside = FlatBottomRestraint.parse("phi " + (phi - 5) + " " + (phi + 5) + " psi " + (psi - 5) + " " + (psi + 5), 1000, 22);
        assertEquals(0, inside.addForces(X, f));
        assertEquals(0, java.util.Arrays.stream(f).map(Math::abs).max().orElseThrow());
        // psi 10 deg beyond the upper wall
        FlatBottomRestraint outside = FlatBottomRestraint.parse("phi " + (phi - 5) + " " + (phi + 5) + " psi "
                + (psi - 40) + " " + (psi - 10), 1000, 22);
        double u = outside.addForces(X, f);
        assertEquals(0.5 * 1000 * Math.pow(Math.toRadians(10), 2), u, 1e-6);
        double worst = 0;
        for (int c = 0; c < X.length; c++) {
            double[] xp = X.clone();
            double[] xm = X.clone();
            xp[c] += 1e-6;
            xm[c] -= 1e-6;
            double[] scratch = new double[X.length];
            double numeric = -(outside.addForces(xp, scratch) - outside.addForces(xm, scratch)) / 2e-6;
            worst = Math.max(worst, Math.abs(numeric - f[c]));
        }
        assertTrue(worst < 1e-4, "worst force error " + worst);
    }
}

package io.github.mdxai.sampling;

import io.github.mdxai.cv.StatePair;
import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurfaceAnalysisTest {

    @TempDir
    Path dir;

    /** Unweighted, untimed samples: phi, psi uniform on the circle, r in [0.2, 0.5] nm. */
    private CsvTable samples() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder("phi_deg,psi_deg,r6-10_nm\n");
        for (int k = 0; k < 20000; k++) {
            sb.append(random.nextDouble(-180, 180)).append(',').append(random.nextDouble(-180, 180)).append(',')
                    .append(random.nextDouble(0.2, 0.5)).append('\n');
        }
        Path file = dir.resolve("samples.csv");
        Files.writeString(file, sb.toString());
        return CsvTable.read(file);
    }

    @Test
    void onPhiPsiTheDefaultStatesGiveDeltaFFromTheirPopulations() throws Exception {
        CsvTable t = samples();
        SurfaceAnalysis.Result r = SurfaceAnalysis.compute(t, new SurfaceAnalysis.Settings("phi_deg", "psi_deg", "", 36,
                "", "", 300, 0, 5), null);
        assertNotNull(r.transition());
        StatePair states = StatePair.alanineDipeptide();
        assertEquals("C7eq", r.transition().states().a().name());
        double[] phi = t.column("phi_deg"), psi = t.column("psi_deg");
        int nA = 0, nB = 0;
        for (int k = 0; k < phi.length; k++) {
            nA += states.a().contains(new double[]{phi[k], psi[k]}) ? 1 : 0;
            nB += states.b().contains(new double[]{phi[k], psi[k]}) ? 1 : 0;
        }
        // uniform samples: Delta F = -kT ln(n_B / n_A), the boxes' area ratio up to sampling noise
        assertEquals(-FreeEnergy.kT(300) * Math.log((double) nB / nA), r.transition().deltaF().deltaF(), 1e-9);
        assertEquals(phi.length, r.inside());
        assertEquals("free_energy_phi_psi", r.stem());

        SurfaceAnalysis.writeTables(r, dir);
        assertEquals(List.of("phi_deg", "psi_deg", "F_kJmol", "barrier_from_C7eq_kJmol", "barrier_from_C7ax_kJmol"),
                CsvTable.read(dir.resolve("saddle.csv")).columns());
        assertEquals(List.of("phi_deg", "psi_deg", "F_kJmol"), CsvTable.read(dir.resolve("path.csv")).columns());
        CsvTable written = CsvTable.read(dir.resolve("states.csv"));
        assertEquals(5, written.column("blocks")[0]);
        assertTrue(Files.isRegularFile(dir.resolve("free_energy_phi_psi.csv")));
        assertTrue(SurfaceAnalysis.summary(r).contains("Delta F(C7ax - C7eq)"), SurfaceAnalysis.summary(r));
    }

    @Test
    void statesApplyOnlyToTheirAxes() throws Exception {
        CsvTable t = samples();
        SurfaceAnalysis.Settings overDistance = new SurfaceAnalysis.Settings("r6-10_nm", "phi_deg", "", 20, "", "", 300, 0, 5);
        SurfaceAnalysis.Result r = SurfaceAnalysis.compute(t, overDistance, null);
        assertNull(r.transition(), "the default states bound psi, which is not an axis");
        assertEquals("r6", r.grid().x().name().substring(0, 2));
        SurfaceAnalysis.writeTables(r, dir);
        assertTrue(!Files.exists(dir.resolve("saddle.csv")));

        Path file = dir.resolve("states.csv");
        StateRegion.write(file, List.of(StatePair.alanineDipeptide().a(), StatePair.alanineDipeptide().b()));
        InputException e = assertThrows(InputException.class, () -> SurfaceAnalysis.compute(t, overDistance, file));
        assertTrue(e.getMessage().contains("surface is over"), e.getMessage());
        assertNotNull(SurfaceAnalysis.compute(t, new SurfaceAnalysis.Settings("psi_deg", "phi_deg", "", 36, "", "", 300, 0, 5),
                file).transition(), "a given file on the axes, in either order");
    }
}

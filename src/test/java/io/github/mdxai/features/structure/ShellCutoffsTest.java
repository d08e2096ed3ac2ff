package io.github.mdxai.features.structure;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellCutoffsTest {

    static double[] lengths(Box b) {
        return new double[] {b.lx(), b.ly(), b.lz()};
    }

    @Test
    void softSphereMixtureShellsScaleWithSigma() {
        Configuration c = LammpsData.read(Path.of("test-data/softsphere/config_N1000.data"));
        double[] box = lengths(c.box());
        PartialRdf rdf = PartialRdf.forFirstShell(2, box, c.size());
        rdf.add(c.positions(), box, c.types(), Progress.NONE);
        ShellCutoffs shells = ShellCutoffs.find(rdf);
        double[] sigma = {1.0, 1.1, 1.2};
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double s = sigma[a + b];
                // first peak near sigma_ab, first minimum of a dense soft-sphere liquid near 1.4-1.6 sigma_ab
                assertEquals(s, shells.peak(a, b), 0.12 * s, "peak " + a + b);
                assertTrue(shells.cutoff(a, b) > 1.3 * s && shells.cutoff(a, b) < 1.75 * s, "cut " + a + b);
                // a true minimum of the smoothed curve: lower than 0.1 sigma on either side
                double[] g = shells.smoothed(a, b);
                int k = (int) (shells.cutoff(a, b) / rdf.binWidth());
                int w = (int) Math.round(0.1 * s / rdf.binWidth());
                assertTrue(g[k] < g[k - w] && g[k] < g[k + w]);
            }
        }
        assertEquals(shells.cutoff(0, 1), shells.cutoff(1, 0));
        NeighborList list = NeighborList.withinCutoffs(c.positions(), box, c.types(), shells.cutoffs(),
                Progress.NONE);
        double mean = list.edgeCount() / (double) list.size();
        assertTrue(mean > 11 && mean < 15, "mean coordination " + mean);
        double[][] pair = Coordination.meanBySpeciesPair(list, c.types(), 2);
        // every edge is counted from both ends: N_A z_AB = N_B z_BA
        int[] counts = c.countByType(2);
        assertEquals(counts[0] * pair[0][1], counts[1] * pair[1][0], 1e-9);
    }

    @Test
    void crystalGapGivesItsMiddle() {
        Lattices fcc = Lattices.fcc(4, 1.0);
        PartialRdf rdf = PartialRdf.forFirstShell(1, fcc.box, fcc.positions.length / 3);
        rdf.add(fcc.positions, fcc.box, new int[fcc.positions.length / 3], Progress.NONE);
        ShellCutoffs shells = ShellCutoffs.find(rdf);
        assertEquals(Math.sqrt(0.5), shells.peak(0, 0), rdf.binWidth());
        // nearest shell at 0.707, next at 1.0: the empty gap between the smoothed peaks is centred near 0.85
        assertEquals(0.854, shells.cutoff(0, 0), 0.03);
        NeighborList list = NeighborList.withinCutoffs(fcc.positions, fcc.box, new int[fcc.positions.length / 3],
                shells.cutoffs(), Progress.NONE);
        assertEquals(12 * list.size(), list.edgeCount());
    }

    @Test
    void absentSpeciesAndFailuresAreReported() {
        Lattices fcc = Lattices.fcc(3, 1.0);
        int n = fcc.positions.length / 3;
        PartialRdf rdf = PartialRdf.forFirstShell(2, fcc.box, n);
        rdf.add(fcc.positions, fcc.box, new int[n], Progress.NONE);
        ShellCutoffs shells = ShellCutoffs.find(rdf);
        assertTrue(shells.measured(0, 0) && !shells.measured(1, 1));
        assertEquals(shells.cutoff(0, 0), shells.cutoff(1, 1));
        PartialRdf empty = new PartialRdf(1, 0.5, 50);
        empty.add(fcc.positions, fcc.box, new int[n], Progress.NONE);
        assertThrows(InputException.class, () -> ShellCutoffs.find(empty));
    }
}

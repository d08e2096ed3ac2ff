package io.github.mdxai.features.structure;

import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructureAnalysisTest {

    @Test
    void crystalFramesWithFirstShellNeighbours() {
        Lattices fcc = Lattices.fcc(3, 1.0);
        int n = fcc.positions.length / 3;
        double[] shaken = fcc.positions.clone();
        SplittableRandom rnd = Rng.stream(9, "shake");
        for (int i = 0; i < shaken.length; i++) {
            shaken[i] += 0.02 * (rnd.nextDouble() - 0.5);
        }
        Box box = new Box(0, 0, 0, 3, 3, 3);
        List<Configuration> frames = List.of(Configuration.of(new int[n], fcc.positions, null, box),
                Configuration.of(new int[n], shaken, null, box));
        StructureAnalysis.Result r = StructureAnalysis.compute(frames,
                new StructureAnalysis.Options(StructureAnalysis.Neighbors.SHELL, 0, 0, null, 1), Progress.NONE);
        assertEquals(2, r.frames().size());
        assertTrue(r.shells().cutoff(0, 0) > 0.75 && r.shells().cutoff(0, 0) < 0.95);
        assertEquals(12.0, r.meanCoordination()[0][0], 1e-12);
        for (int f = 0; f < 2; f++) {
            StructureAnalysis.FrameDescriptors d = r.frames().get(f);
            for (int i = 0; i < n; i++) {
                assertEquals(12, d.coordination()[i]);
                assertEquals(0.57452, d.q6()[i], f == 0 ? 1e-5 : 0.05);
                assertEquals(0.25, d.voronoiVolume()[i], f == 0 ? 1e-12 : 0.01);
            }
        }
    }

    @Test
    void optionsAreChecked() {
        assertThrows(InputException.class, () -> StructureAnalysis.Neighbors.parse("voronoi"));
        assertEquals(StructureAnalysis.Neighbors.NEAREST, StructureAnalysis.Neighbors.parse(" Nearest "));
        assertThrows(InputException.class,
                () -> new StructureAnalysis.Options(StructureAnalysis.Neighbors.CUTOFF, -1, 12, null, 1));
        assertThrows(InputException.class,
                () -> new StructureAnalysis.Options(StructureAnalysis.Neighbors.NEAREST, 1, 0, null, 1));
        Lattices fcc = Lattices.fcc(1, 1.0);
        Configuration two = Configuration.of(new int[] {0, 1, 0, 1}, fcc.positions, null, new Box(0, 0, 0, 1, 1, 1));
        assertThrows(InputException.class, () -> StructureAnalysis.compute(List.of(two),
                new StructureAnalysis.Options(StructureAnalysis.Neighbors.NEAREST, 1, 12, new double[] {0.5}, 1),
                Progress.NONE));
    }
}

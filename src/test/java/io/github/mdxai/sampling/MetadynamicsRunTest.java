package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.CancelledException;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadynamicsRunTest {

    static final Path ALA2 = Path.of("test-data/ala2");
    static final Topology TOP = GromacsTopology.read(ALA2.resolve("processed.top"));
    static final double[] X0 = GroFile.read(ALA2.resolve("conformations.gro")).get(1).x();

    @TempDir
    Path dir;

    static MetadynamicsRun.Settings settings(long steps, long seed) {
        return new MetadynamicsRun.Settings(300, 1, 0.002, steps, 100, 1.2, new double[]{20, 20}, 6, seed, 100, true, false);
    }

    @Test
    void aCancelledRunLeavesConsistentFiles() throws Exception {
        CollectiveVariable[] cvs = CollectiveVariables.parseAtLeastOne("phi psi", 22);
        int[] checks = {0};
        Progress cancelSecondCheck = new Progress() {
            public void fraction(double done) {
            }

            public void status(String text) {
            }

            public boolean cancelled() {
                return ++checks[0] >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> MetadynamicsRun.run(TOP, X0, cvs, cvs, settings(100_000, 4), dir, cancelSecondCheck));
        // checks come every 1024 steps: cancelled at step 1024, rows and frames at steps 0, 100, ..., 1000
        CsvTable colvar = CsvTable.read(dir.resolve("colvar.csv"));
        assertEquals(11, colvar.rowCount());
        assertEquals(11, GroFile.read(dir.resolve("frames.gro")).size());
        assertEquals(10, CsvTable.read(dir.resolve("hills.csv")).rowCount());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void sameSeedSameRun() {
        CollectiveVariable[] cvs = CollectiveVariables.parseAtLeastOne("phi psi", 22);
        MetadynamicsRun.run(TOP, X0, cvs, cvs, settings(600, 9), dir.resolve("a"), Progress.NONE);
        MetadynamicsRun.run(TOP, X0, cvs, cvs, settings(600, 9), dir.resolve("b"), Progress.NONE);
        MetadynamicsRun.run(TOP, X0, cvs, cvs, settings(600, 10), dir.resolve("c"), Progress.NONE);
        double[] a = CsvTable.read(dir.resolve("a/colvar.csv")).column("phi_deg");
        assertArrayEquals(a, CsvTable.read(dir.resolve("b/colvar.csv")).column("phi_deg"));
        double[] c = CsvTable.read(dir.resolve("c/colvar.csv")).column("phi_deg");
        assertTrue(a[6] != c[6], "another seed, another trajectory");
    }
}

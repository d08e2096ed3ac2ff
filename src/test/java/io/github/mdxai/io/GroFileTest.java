package io.github.mdxai.io;

import io.github.mdxai.molecules.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GroFileTest {

    static final Path ALA2 = Path.of("test-data/ala2");

    @Test
    void readsEveryFrameAtItsPrecision() {
        List<Frame> frames = GroFile.read(ALA2.resolve("conformations.gro"));
        assertEquals(6, frames.size());
        assertEquals(2.666976, frames.get(0).x()[0], 0);
        assertEquals("HH31", frames.get(0).atomNames()[0]);
        assertEquals("NME", frames.get(0).residueNames()[21]);
        assertArrayEquals(new double[]{6, 6, 6}, frames.get(5).box(), 0);
        assertNull(frames.get(0).v());
        assertEquals(2.667, GroFile.read(ALA2.resolve("em.gro")).get(0).x()[0], 0);
    }

    @Test
    void writesAndReadsBackPositionsAndVelocities(@TempDir Path dir) {
        Topology top = GromacsTopology.read(ALA2.resolve("processed.top"));
        double[] x = GroFile.read(ALA2.resolve("conformations.gro")).get(2).x();
        double[] v = new double[x.length];
        Arrays.setAll(v, k -> Math.sin(k) * 0.9);
        Path out = dir.resolve("t.gro");
        GroFile.write(out, top, List.of("a", "b"), List.of(x, x), Arrays.asList(v, v), new double[]{6, 6, 6}, 6);
        List<Frame> back = GroFile.read(out);
        assertEquals(2, back.size());
        assertArrayEquals(x, back.get(1).x(), 5e-7);
        assertArrayEquals(v, back.get(1).v(), 5e-8);
        assertEquals("CA", back.get(0).atomNames()[8]);

        GroFile.write(out, top, List.of("c"), List.of(x), null, null, 3);
        Frame f = GroFile.read(out).get(0);
        assertArrayEquals(x, f.x(), 5e-4);
        assertNull(f.v());
    }
}

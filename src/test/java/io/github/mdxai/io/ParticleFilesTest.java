package io.github.mdxai.io;

import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ParticleFilesTest {

    static final Path DATA = Path.of("test-data/softsphere/config_N1000.data");
    static final Path DUMP = Path.of("test-data/softsphere/forces_N1000.dump");

    @TempDir
    Path tmp;

    @Test
    void readsLammpsDataSortedByIdWithZeroBasedTypes() {
        LammpsData.Data d = LammpsData.readWithMasses(DATA);
        Configuration c = d.configuration();
        assertEquals(1000, c.size());
        assertEquals(1, c.ids()[0]);
        assertEquals(1000, c.ids()[999]);
        assertArrayEquals(new double[]{1, 2}, d.masses());
        assertEquals(20000, c.step());
        assertEquals(10.7721734501594, c.box().lx());
        assertArrayEquals(new int[]{500, 500}, c.countByType(2));
        // atom 3 is "3 2 0.3408798570066217 1.7879009148076033 0.2577278366636974" with velocity 0.43179...
        int k = 2;
        assertEquals(3, c.ids()[k]);
        assertEquals(1, c.types()[k]);
        assertEquals(0.3408798570066217, c.positions()[3 * k]);
        assertEquals(0.2577278366636974, c.positions()[3 * k + 2]);
        assertEquals(0.43179328141974643, c.velocities()[3 * k]);
        assertEquals(-0.43246944455559966, c.velocities()[3 * k + 2]);
        // atom 117 has image flag iy = -1
        assertEquals(-1, c.images()[3 * 116 + 1]);
    }

    @Test
    void dumpAgreesWithDataFileAndKeepsForces() {
        Configuration data = LammpsData.read(DATA);
        List<LammpsDump.Frame> frames = LammpsDump.readFrames(DUMP);
        assertEquals(1, frames.size());
        Configuration dump = frames.get(0).configuration();
        for (int i = 0; i < 3000; i++) {
            assertEquals(data.positions()[i], dump.positions()[i], 1e-14);
        }
        assertArrayEquals(data.types(), dump.types());
        assertEquals(8.0408180036793357, frames.get(0).columns().get("fx")[0]);
    }

    @Test
    void dataDumpAndXyzRoundTrip() {
        Configuration c = LammpsData.read(DATA);
        Path data = tmp.resolve("c.data");
        LammpsData.write(data, c, new double[]{1, 2});
        assertEquals(c, LammpsData.read(data));

        Configuration later = new Configuration(c.ids(), c.types(), c.positions(), c.velocities(), c.images(), c.box(), 40, 0.2);
        Path xyz = tmp.resolve("t.xyz");
        ExtendedXyz.write(xyz, List.of(c, later));
        List<Configuration> back = ExtendedXyz.read(xyz);
        assertEquals(2, back.size());
        assertArrayEquals(c.positions(), back.get(1).positions());
        assertArrayEquals(c.velocities(), back.get(1).velocities());
        assertArrayEquals(c.images(), back.get(1).images());
        assertEquals(40, back.get(1).step());
        assertEquals(0.2, back.get(1).time());

        Path dump = tmp.resolve("t.lammpstrj");
        LammpsDump.write(dump, List.of(c, later));
        List<Configuration> d = LammpsDump.read(dump);
        assertEquals(later, d.get(1));
    }

    @Test
    void unwrappedDumpColumnsBecomeWrappedPositionsWithImages() throws Exception {
        Path f = tmp.resolve("u.lammpstrj");
        Files.writeString(f, """
                ITEM: TIMESTEP
                5
                ITEM: NUMBER OF ATOMS
                2
                ITEM: BOX BOUNDS pp pp pp
                0 10
                0 10
                0 10
                ITEM: ATOMS id type xu yu zu
                2 2 -1.5 3 25
                1 1 1 2 3
                """);
        Configuration c = LammpsDump.read(f).get(0);
        assertArrayEquals(new int[]{1, 2}, c.ids());
        assertArrayEquals(new double[]{1, 2, 3, 8.5, 3, 5}, c.positions(), 1e-12);
        assertArrayEquals(new int[]{0, 0, 0, -1, 0, 2}, c.images());
        assertArrayEquals(new double[]{1, 2, 3, -1.5, 3, 25}, c.unwrappedPositions(), 1e-12);
    }

    @Test
    void shortAtomsSectionNamesFileAndLine() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA));
        int atoms = lines.indexOf("Atoms # atomic");
        lines.remove(atoms + 5);
        lines.remove(atoms + 5);
        Path bad = tmp.resolve("short.data");
        Files.write(bad, lines);
        InputException e = assertThrows(InputException.class, () -> LammpsData.read(bad));
        assertTrue(e.getMessage().contains("short.data:") && e.getMessage().contains("ends after 998 entries, expected 1000"),
                e.getMessage());
    }

    @Test
    void badNumbersAndCountsAreInputErrors() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA));
        int atoms = lines.indexOf("Atoms # atomic");
        lines.set(atoms + 3, "625 1 1.13 NaN 2.18 0 0 0");
        Path nan = tmp.resolve("nan.data");
        Files.write(nan, lines);
        InputException e = assertThrows(InputException.class, () -> LammpsData.read(nan));
        assertTrue(e.getMessage().contains("nan.data:" + (atoms + 4) + ":"), e.getMessage());

        lines.set(atoms + 3, "625 3 1.13 1.5 2.18 0 0 0");
        Files.write(nan, lines);
        e = assertThrows(InputException.class, () -> LammpsData.read(nan));
        assertTrue(e.getMessage().contains("atom type 3 outside 1..2"), e.getMessage());

        Path xyz = tmp.resolve("bad.xyz");
        Files.writeString(xyz, "3\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nA 0 0 0\nB 1 1 1\n");
        e = assertThrows(InputException.class, () -> ExtendedXyz.read(xyz));
        assertTrue(e.getMessage().contains("ends after 2 particles, expected 3"), e.getMessage());
    }

    @Test
    void boxMinimumImageAndWrap() {
        Box b = new Box(-1, 0, 0, 4, 5, 6);
        assertEquals(-1.0, b.minimumImage(3.0, 0), 1e-15);
        assertEquals(2.0, b.minimumImage(2.0, 1), 1e-15);
        assertEquals(2.5, b.wrap(-1.5, 0), 1e-15);
        assertEquals(-1, b.image(-1.5, 0));
        assertEquals(120.0, b.volume());
    }
}

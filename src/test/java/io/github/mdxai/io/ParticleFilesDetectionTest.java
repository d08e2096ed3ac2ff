package io.github.mdxai.io;

import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one reader entry point: formats by content whatever the name, the name only as a hint, errors name the file. */
class ParticleFilesDetectionTest {

    static final Path DATA = Path.of("test-data/softsphere/config_N1000.data");
    static final Path DUMP = Path.of("test-data/softsphere/forces_N1000.dump");

    @TempDir
    Path tmp;

    private Path copy(Path from, String name) throws Exception {
        Path to = tmp.resolve(name);
        Files.copy(from, to);
        return to;
    }

    @Test
    void dataFilesAreRecognisedByContentWhateverTheirName() throws Exception {
        Configuration expected = LammpsData.read(DATA);
        for (String name : List.of("config.lmp", "data.mixture", "mixture", "misnamed.xyz", "misnamed.lammpstrj")) {
            ParticleFiles.Contents c = ParticleFiles.readContents(copy(DATA, name));
            assertEquals(ParticleFiles.Format.LAMMPS_DATA, c.format(), name);
            assertEquals(List.of(expected), c.frames(), name);
            assertArrayEquals(new double[]{1, 2}, c.masses(), name);
        }
    }

    @Test
    void dumpsAreRecognisedByContentWhateverTheirName() throws Exception {
        List<Configuration> expected = LammpsDump.read(DUMP);
        for (String name : List.of("forces.lmp", "dump.liquid", "forces", "misnamed.data")) {
            ParticleFiles.Contents c = ParticleFiles.readContents(copy(DUMP, name));
            assertEquals(ParticleFiles.Format.LAMMPS_DUMP, c.format(), name);
            assertEquals(expected, c.frames(), name);
            assertNull(c.masses());
        }
    }

    @Test
    void extendedXyzTrajectoriesAreRecognisedAndStrided() throws Exception {
        Configuration c = LammpsData.read(DATA);
        Path xyz = tmp.resolve("trajectory.txt");
        ExtendedXyz.write(xyz, List.of(c, c, c));
        assertEquals(ParticleFiles.Format.EXTENDED_XYZ, ParticleFiles.detect(xyz));
        assertEquals(3, ParticleFiles.read(xyz).size());
        assertEquals(2, ParticleFiles.read(xyz, 2).size());
        assertEquals(1, ParticleFiles.read(xyz, 5).size());
        assertThrows(InputException.class, () -> ParticleFiles.read(xyz, 0));
    }

    /** A data file whose title line is only a number is still a data file, not an XYZ count. */
    @Test
    void dataFileWithANumericTitleIsData() throws Exception {
        List<String> lines = Files.readAllLines(DATA);
        lines.set(0, "1000");
        Path data = tmp.resolve("numeric_title");
        Files.write(data, lines);
        assertEquals(ParticleFiles.Format.LAMMPS_DATA, ParticleFiles.detect(data));
    }

    @Test
    void errorsNameTheFileAndWhatWasExpected() throws Exception {
        Path unknown = tmp.resolve("notes");
        Files.writeString(unknown, "these are\nnot particles\n");
        InputException e = assertThrows(InputException.class, () -> ParticleFiles.read(unknown));
        assertTrue(e.getMessage().startsWith(unknown + ":1: unknown format") && e.getMessage().contains("LAMMPS dump")
                && e.getMessage().contains("extended XYZ"), e.getMessage());

        Path empty = tmp.resolve("empty.data");
        Files.writeString(empty, "\n\n");
        e = assertThrows(InputException.class, () -> ParticleFiles.read(empty));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("empty"), e.getMessage());

        e = assertThrows(InputException.class, () -> ParticleFiles.read(tmp.resolve("missing.xyz")));
        assertTrue(e.getMessage().contains("missing.xyz") && e.getMessage().contains("not found"), e.getMessage());

        e = assertThrows(InputException.class, () -> ParticleFiles.read(tmp));
        assertTrue(e.getMessage().contains(tmp.toString()) && e.getMessage().contains("folder"), e.getMessage());
    }

    /** Where the content names no format, the name chooses the reader, whose message says which line is wrong. */
    @Test
    void theNameIsAHintWhenTheContentNamesNoFormat() throws Exception {
        Path xyz = tmp.resolve("broken.xyz");
        Files.writeString(xyz, "three\ncomment\n");
        InputException e = assertThrows(InputException.class, () -> ParticleFiles.read(xyz));
        assertTrue(e.getMessage().startsWith(xyz + ":1:"), e.getMessage());
        assertEquals(ParticleFiles.Format.LAMMPS_DUMP, ParticleFiles.byName(Path.of("dump.melt")));
        assertEquals(ParticleFiles.Format.LAMMPS_DATA, ParticleFiles.byName(Path.of("data.lj")));
        assertNull(ParticleFiles.byName(Path.of("notes.txt")));
    }
}

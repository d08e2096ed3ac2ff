package io.github.mdxai.io;

import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed input gives a one-line InputException that starts with file:line. */
class BadInputTest {

    static final Path ALA2 = Path.of("test-data/ala2");
    static final Topology TOP = GromacsTopology.read(ALA2.resolve("processed.top"));

    static void expect(Path file, int line, String fragment, Consumer<Path> reader) {
        InputException e = assertThrows(InputException.class, () -> reader.accept(file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ":" + line + ": "), m);
        assertTrue(m.contains(fragment), m);
        assertFalse(m.contains("\n"), m);
    }

    static Path gro(Path dir, String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines);
    }

    static List<String> emLines() throws IOException {
        return new ArrayList<>(Files.readAllLines(ALA2.resolve("em.gro")));
    }

    @Test
    void truncatedGro(@TempDir Path dir) throws IOException {
        List<String> lines = emLines().subList(0, 12);
        expect(gro(dir, "t.gro", lines), 13, "truncated frame", GroFile::read);
    }

    @Test
    void nonNumericGro(@TempDir Path dir) throws IOException {
        List<String> lines = emLines();
        lines.set(4, lines.get(4).substring(0, 28) + "  abc   " + lines.get(4).substring(36));
        expect(gro(dir, "n.gro", lines), 5, "expected a number for coordinate y (nm), found 'abc'", GroFile::read);
    }

    @Test
    void nanCoordinates(@TempDir Path dir) throws IOException {
        List<String> lines = emLines();
        lines.set(6, lines.get(6).substring(0, 20) + "     NaN" + lines.get(6).substring(28));
        expect(gro(dir, "nan.gro", lines), 7, "expected a finite number for coordinate x", GroFile::read);
    }

    @Test
    void badAtomCountLine(@TempDir Path dir) throws IOException {
        List<String> lines = emLines();
        lines.set(1, "   2x");
        expect(gro(dir, "c.gro", lines), 2, "expected the atom count", GroFile::read);
    }

    @Test
    void atomCountNotMatchingTopology(@TempDir Path dir) throws IOException {
        List<String> lines = emLines();
        lines.remove(23);
        lines.set(1, "   21");
        expect(gro(dir, "m.gro", lines), 2, "has 21 atoms but the topology has 22", p -> Structures.read(p, TOP));
    }

    @Test
    void emptyAndBinaryFiles(@TempDir Path dir) throws IOException {
        expect(Files.writeString(dir.resolve("e.gro"), ""), 1, "empty file", GroFile::read);
        expect(Files.writeString(dir.resolve("e.pdb"), ""), 1, "no ATOM or HETATM records", PdbFile::read);
        expect(Files.writeString(dir.resolve("e.top"), "\n; nothing\n"), 1, "empty topology", GromacsTopology::read);
        byte[] junk = {'a', '\n', 'b', '\n', 0x7f, 0x45, 0x4c, 0x46, 0, 0, 1};
        expect(Files.write(dir.resolve("b.gro"), junk), 3, "binary data", GroFile::read);
        expect(Files.write(dir.resolve("b.top"), junk), 3, "binary data", GromacsTopology::read);
    }

    @Test
    void unknownAtomType(@TempDir Path dir) throws IOException {
        Path top = replaceInProcessed(dir, "     9         CT      2    ALA     CA", "     9         QQ      2    ALA     CA");
        expect(top, 678, "unknown atom type QQ", GromacsTopology::read);
    }

    @Test
    void indexOutOfRange(@TempDir Path dir) throws IOException {
        Path top = replaceInProcessed(dir, "   19    22     1 ", "   19    23     1 ");
        expect(top, 716, "atom index 23 out of range (expected 1..22)", GromacsTopology::read);
    }

    @Test
    void missingParametersAndUnsupportedFunctions(@TempDir Path dir) throws IOException {
        Path top = replaceInProcessed(dir, "   19    22     1 ", "   19    22     3 ");
        expect(top, 716, "unsupported bond function type 3", GromacsTopology::read);
        Path top2 = replaceInProcessed(dir, "   19    22     1 ", "   19    22     1  0.1");
        expect(top2, 716, "expected 2 parameters (b0 kb), found 1", GromacsTopology::read);
    }

    @Test
    void truncatedPdbModel(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(ALA2.resolve("conformations.pdb")).subList(0, 20);
        expect(Files.write(dir.resolve("t.pdb"), lines), 20, "has no ENDMDL", PdbFile::read);
    }

    static Path replaceInProcessed(Path dir, String from, String to) throws IOException {
        String text = Files.readString(ALA2.resolve("processed.top"));
        assertTrue(text.contains(from), from);
        Path out = dir.resolve("bad" + Math.abs(to.hashCode()) + ".top");
        Files.writeString(out, text.replace(from, to));
        return out;
    }
}

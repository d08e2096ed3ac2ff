package io.github.mdxai.fuzz;

import io.github.mdxai.io.GromacsTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutated GROMACS topologies (.top with its #include'd .itp beside it): one-line errors naming the file only. */
class GromacsTopologyFuzzTest {

    @TempDir
    Path dir;

    private void fuzz(String name, Path valid, String target, Fuzz.Reader reader) throws Exception {
        fuzz(name, valid, target, target, reader);
    }

    private void fuzz(String name, Path valid, String target, String named, Fuzz.Reader reader) throws Exception {
        Fuzz.Outcome outcome = Fuzz.run(name, Files.readAllBytes(valid), dir.resolve(target), named, 150, 14, reader);
        System.out.println(outcome.report(name).lines().findFirst().orElse(""));
        assertTrue(outcome.failures().isEmpty(), outcome.report(name));
    }

    @Test
    void processedTopology() throws Exception {
        fuzz("top (processed)", Path.of("test-data/ala2/processed.top"), "processed.top", GromacsTopology::read);
    }

    /** processed.top split in two: the force-field part as an .itp that the rest #includes. */
    private Path[] splitTopology() throws Exception {
        String text = Files.readString(Path.of("test-data/ala2/processed.top"));
        int molecule = text.indexOf("[ moleculetype");
        Path itp = dir.resolve("valid_forcefield.itp");
        Path top = dir.resolve("valid_system.top");
        Files.writeString(itp, text.substring(0, molecule));
        Files.writeString(top, "#include \"forcefield.itp\"\n" + text.substring(molecule));
        return new Path[] {top, itp};
    }

    @Test
    void topologyThatIncludes() throws Exception {
        Path[] valid = splitTopology();
        Files.copy(valid[1], dir.resolve("forcefield.itp"));
        fuzz("top (with #include)", valid[0], "system.top", GromacsTopology::read);
    }

    @Test
    void includedItp() throws Exception {
        Path[] valid = splitTopology();
        Files.copy(valid[0], dir.resolve("system.top"));
        Path top = dir.resolve("system.top");
        // a damaged .itp may surface where the .top uses what it lost ("no [ bondtypes ] entry"): either file is right
        fuzz("itp (included)", valid[1], "forcefield.itp", dir.getFileName().toString(), file -> GromacsTopology.read(top));
    }
}

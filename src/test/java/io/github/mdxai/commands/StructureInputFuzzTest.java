package io.github.mdxai.commands;

import io.github.mdxai.fuzz.Fuzz;
import io.github.mdxai.io.ParticleFiles;
import io.github.mdxai.io.ExtendedXyz;
import io.github.mdxai.io.LammpsDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structure Descriptors recognises its input by content: mutated data, dump and XYZ files through that door. */
class StructureInputFuzzTest {

    @TempDir
    Path dir;

    private void fuzz(String name, byte[] valid) throws Exception {
        // no extension, as LAMMPS names its files (data.lj, dump.melt)
        Fuzz.Outcome outcome = Fuzz.run(name, valid, dir.resolve("input"), 60, 14, ParticleFiles::read);
        System.out.println(outcome.report(name).lines().findFirst().orElse(""));
        assertTrue(outcome.failures().isEmpty(), outcome.report(name));
    }

    @Test
    void lammpsDataDumpAndXyzByContent() throws Exception {
        Path data = Path.of("test-data");
        fuzz("structure input (data)", Files.readAllBytes(data.resolve("softsphere/config_N1000.data")));
        fuzz("structure input (dump)", Files.readAllBytes(data.resolve("softsphere/forces_N1000.dump")));
        Path xyz = dir.resolve("valid.xyz");
        ExtendedXyz.write(xyz, LammpsDump.read(data.resolve("softsphere/forces_N1000.dump")));
        fuzz("structure input (xyz)", Files.readAllBytes(xyz));
    }
}

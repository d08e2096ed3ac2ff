package io.github.mdxai.commands.ij1;

import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.commands.host.GridImages;
import io.github.mdxai.sampling.FreeEnergy;
import io.github.mdxai.util.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ImageJ 1.54 in batch mode under Xvfb runs a macro line through plugins.config, as a user's macro would. */
class ImageJMacroIT {

    static Path samples(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("phi_deg,psi_deg,weight\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < 3000; i++) {
            sb.append(-80 + 30 * r.nextGaussian()).append(',').append(70 + 40 * r.nextGaussian()).append(',')
                    .append(0.5 + r.nextDouble()).append('\n');
        }
        Path csv = dir.resolve("samples.csv");
        Files.writeString(csv, sb.toString());
        return csv;
    }

    @Test
    void macroRunsTheCommandThroughPluginsConfig(@TempDir Path dir) throws Exception {
        Path csv = samples(dir);
        Path out = dir.resolve("fes out");
        Path macro = dir.resolve("fes.ijm");
        Files.writeString(macro, "run(\"Free Energy from Samples\", \"input=[" + csv + "] x=phi_deg y=psi_deg bins=36 "
                + "xrange=[-180 180] yrange=[-180 180] weights=weight temperature=300 out=[" + out + "]\");\n"
                + "print(\"macro finished\");\n");
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = host.run(dir.resolve("imagej.log"), 120, false, "ij.ImageJ", "-batch", macro.toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("macro finished"), r.output());
            assertFalse(r.output().contains("Unrecognized command"), r.output());
        }
        Grid2D written = GridImages.readTiff(out.resolve("free_energy_phi_psi.tif"));
        CsvTable table = CsvTable.read(csv);
        Axis ax = Axis.spanning("phi", "deg", -180, 180, 36);
        Axis ay = Axis.spanning("psi", "deg", -180, 180, 36);
        Grid2D expected = FreeEnergy.surface(table.column("phi_deg"), table.column("psi_deg"), table.column("weight"), ax, ay, 300);
        assertArrayEquals(expected.values(), written.values());
        assertEquals(ax, written.x());
        assertEquals(ay, written.y());
        assertEquals("kJ/mol", written.valueUnit());
    }

    @Test
    void unknownKeyInAMacroIsReportedNotHung(@TempDir Path dir) throws Exception {
        Path macro = dir.resolve("bad.ijm");
        Files.writeString(macro, "run(\"Free Energy from Samples\", \"input=/nope.csv x=a y=b out=/tmp colour=red\");\n");
        try (ImageJHost host = new ImageJHost(dir)) {
            ImageJHost.Result r = host.run(dir.resolve("imagej.log"), 120, false, "ij.ImageJ", "-batch", macro.toString());
            assertTrue(r.output().contains("unknown key 'colour'"), r.output());
        }
    }
}

package io.github.mdxai.commands.cli;

import io.github.mdxai.commands.host.GridImages;
import io.github.mdxai.grid.Grid2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MdxaiTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int call(String... args) {
        out.reset();
        err.reset();
        return new Mdxai(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Path samples(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("phi_deg,psi_deg,w\n");
        for (int i = 0; i < 200; i++) {
            sb.append(-170 + (i % 34) * 10).append(',').append(-60 + (i % 7) * 20).append(",1\n");
        }
        Path csv = dir.resolve("samples.csv");
        Files.writeString(csv, sb.toString());
        return csv;
    }

    @Test
    void listAndHelpDescribeCommands() {
        assertEquals(0, call("list"));
        assertTrue(out.toString().contains("Free Energy from Samples\tPlugins>MD XAI>Sampling>Free Energy from Samples"));
        assertEquals(0, call("help", "Free Energy from Samples"));
        assertTrue(out.toString().contains("temperature"), out::toString);
        assertTrue(out.toString().contains("default 60"), out::toString);
    }

    @Test
    void runWritesTheCalibratedGrid(@TempDir Path dir) throws Exception {
        Path csv = samples(dir);
        Path outDir = dir.resolve("my out");
        int code = call("run", "Free Energy from Samples", "input=" + csv + " x=phi_deg y=psi_deg bins=36 xrange=[-180 180] yrange=[-180 180] weights=w out=[" + outDir + "]");
        assertEquals(0, code, this::err);
        Grid2D g = GridImages.readTiff(outDir.resolve("free_energy_phi_psi.tif"));
        assertEquals("phi", g.x().name());
        assertEquals("deg", g.y().unit());
        assertEquals(-180, g.x().origin(), 1e-9);
        assertEquals(0.0, g.finiteMin(), 1e-9);
        assertTrue(Files.readString(outDir.resolve("free_energy_phi_psi.csv")).startsWith("phi_deg,psi_deg,F_kJmol\n"));
    }

    @Test
    void usageErrorsExitWithTwoAndOneLine(@TempDir Path dir) throws Exception {
        Path csv = samples(dir);
        assertEquals(2, call());
        assertEquals(2, call("frobnicate"));
        assertEquals(2, call("run", "No Such Command", ""));
        assertTrue(err().contains("unknown command"));
        assertEquals(2, call("run", "Free Energy from Samples", "input=" + csv + " x=phi_deg y=psi_deg out=" + dir + " colour=red"));
        assertTrue(err().contains("unknown key 'colour'") && err().contains("valid keys: input, x, y"), this::err);
        assertEquals(2, call("run", "Free Energy from Samples", "x=phi_deg y=psi_deg out=" + dir));
        assertTrue(err().contains("missing required input 'input'"), this::err);
        assertEquals(2, call("run", "Free Energy from Samples", "input=" + csv + " x=phi_deg y=psi_deg out=" + dir + " bins=many"));
        assertTrue(err().contains("'bins' is 'many', expected an integer"), this::err);
        assertEquals(2, call("run", "Free Energy from Samples", "input=" + csv + " x=phi_deg y=psi_deg out=" + dir + " bins=1"));
        assertFalse(err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void badInputFileFailsWithOneAndNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "phi_deg,psi_deg\n1,2\n3,oops\n");
        assertEquals(1, call("run", "Free Energy from Samples", "input=" + csv + " x=phi_deg y=psi_deg out=" + dir));
        assertTrue(err().contains(csv + ":3:") && err().contains("'oops'"), this::err);
        assertFalse(err().contains("\tat "));
        assertEquals(1, call("run", "Free Energy from Samples", "input=" + csv + " x=phi_deg y=nope out=" + dir));
        assertTrue(err().contains("no column 'nope'"), this::err);
    }
}

package io.github.mdxai.commands.ij1;

import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.commands.host.GridImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dialog generated from a command's inputs: labels with units, defaults, and typed values that run it. */
class DialogFormIT {

    @Test
    void dialogShowsLabelsAndDefaultsAndRunsWithTypedValues(@TempDir Path dir) throws Exception {
        Path csv = ImageJMacroIT.samples(dir);
        Path out = dir.resolve("out");
        try (ImageJHost host = new ImageJHost(dir)) {
            // String/file fields in order: input, x, y, bins, xrange, yrange, weights, temperature, out.
            ImageJHost.Result r = host.run(dir.resolve("driver.log"), 120, true, DialogFormDriver.class.getName(),
                    "io.github.mdxai.commands.FreeEnergyFromSamples",
                    "0", csv.toString(), "1", "phi_deg", "2", "psi_deg", "3", "24", "8", out.toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("Temperature (K)"), r.output());
            assertTrue(r.output().contains("DEFAULTS [, , , 60, , , , 300.0, ]"), r.output());
            assertTrue(r.output().contains("RAN OK"), r.output());
        }
        Grid2D g = GridImages.readTiff(out.resolve("free_energy_phi_psi.tif"));
        assertEquals(24, g.x().bins());
        assertEquals(0.0, g.finiteMin(), 1e-9);
    }
}

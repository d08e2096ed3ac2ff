package io.github.mdxai.commands.host;

import ij.ImagePlus;
import ij.measure.Calibration;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridImagesTest {

    private static Grid2D sample() {
        Axis x = new Axis("phi", "deg", -180, 10, 36);
        Axis y = new Axis("psi", "deg", -180, 15, 24);
        float[] values = new float[36 * 24];
        Grid2D g = new Grid2D(x, y, "F", "kJ/mol", values);
        for (int iy = 0; iy < 24; iy++) {
            for (int ix = 0; ix < 36; ix++) {
                g.set(ix, iy, ix + 100 * iy);
            }
        }
        g.set(3, 4, Float.NaN);
        return g;
    }

    @Test
    void imagePlusSharesTheArrayAndMeasuresAxesUpwards() {
        Grid2D g = sample();
        ImagePlus imp = GridImages.toImagePlus(g, "F");
        assertSame(g.values(), imp.getProcessor().getPixels());
        Calibration cal = imp.getCalibration();
        // Bottom row (image row 23) is the lowest psi bin: its centre is -172.5 deg.
        assertEquals(-172.5, cal.getY(23.5, imp.getHeight()), 1e-9);
        assertEquals(172.5, cal.getY(0.5, imp.getHeight()), 1e-9);
        assertEquals(-175, cal.getX(0.5), 1e-9);
        assertEquals(g.get(5, 0), imp.getProcessor().getf(5, 23));
        assertEquals("kJ/mol", cal.getValueUnit());
    }

    @Test
    void tiffRoundTripKeepsValuesAxesAndUnits(@TempDir Path dir) {
        Grid2D g = sample();
        Path file = dir.resolve("f.tif");
        GridImages.writeTiff(g, file);
        assertTrue(Files.exists(file));
        Grid2D back = GridImages.readTiff(file);
        assertArrayEquals(g.values(), back.values());
        assertEquals(g.x(), back.x());
        assertEquals(g.y(), back.y());
        assertEquals("kJ/mol", back.valueUnit());
        assertEquals("F", back.valueName());
        ImagePlus reopened = ij.IJ.openImage(file.toString());
        assertEquals(10.0, reopened.getCalibration().pixelWidth, 1e-12);
        assertEquals("deg", reopened.getCalibration().getYUnit());
        assertTrue(reopened.getCalibration().getInvertY());
        // The colour table travels in the TIFF: ImageJ reopens it in colour, NaN (unsampled) bins white.
        assertFalse(reopened.getProcessor().isDefaultLut(), "the TIFF reopens with its LUT, not grey");
        java.awt.image.IndexColorModel lut = reopened.getProcessor().getLut();
        assertEquals(255, lut.getRed(0));
        assertEquals(255, lut.getBlue(0));
        assertTrue(lut.getRed(128) != lut.getBlue(128), "a colour ramp, not grey");
    }
}

package io.github.mdxai.commands.host;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.FloatProcessor;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LutsTest {

    /** Two slices: 0 (empty space) in the first row, 1 ... 198 elsewhere, and one hot pixel of 10 000. */
    private static ImagePlus stackWithAHotPixel() {
        ImageStack stack = new ImageStack(10, 10);
        float value = 1;
        for (int z = 0; z < 2; z++) {
            float[] pixels = new float[100];
            for (int i = 10; i < 100; i++) {
                pixels[i] = value++;
            }
            stack.addSlice(new FloatProcessor(10, 10, pixels));
        }
        stack.getProcessor(2).setf(99, 10_000);
        return new ImagePlus("stack", stack);
    }

    @Test
    void percentilesCoverEverySliceLeaveOutGapsAndIgnoreAHotPixel() {
        ImagePlus imp = stackWithAHotPixel();
        // 180 non-zero values 1..179 and 10 000: the 99th percentile is the 178th smallest, 1st the 3rd
        assertArrayEquals(new double[]{3, 178}, Luts.percentileRange(imp, 1, 99, true), 1e-9);
        assertEquals(0, Luts.percentileRange(imp, 1, 99, false)[0], 1e-9, "the zeros count when they are data");
        assertEquals(10_000, Luts.percentileRange(imp, 0, 100, true)[1], 1e-9);
    }

    @Test
    void displayRangeLeavesTheDataAndTravelsWithTheTiffWithItsNote(@TempDir Path dir) throws Exception {
        ImagePlus imp = stackWithAHotPixel();
        imp.setLut(Luts.viridisLike());
        Luts.displayRange(imp, 3, 178, "display: 1st-99th percentile");
        assertEquals(3, imp.getDisplayRangeMin(), 1e-9);
        assertEquals(178, imp.getDisplayRangeMax(), 1e-9);
        assertEquals(10_000, imp.getStack().getProcessor(2).getf(99), "data unchanged");
        Path tif = dir.resolve("stack.tif");
        Files.write(tif, new FileSaver(imp).serialize());
        ImagePlus back = new Opener().openImage(tif.toString());
        assertEquals(178, back.getDisplayRangeMax(), 1e-6);
        assertEquals("display: 1st-99th percentile", Luts.displayNote(back));
        // a second range replaces the note rather than adding one
        Luts.displayRange(back, 0, 100, "display clipped at 99th percentile");
        assertEquals("display clipped at 99th percentile", Luts.displayNote(back));
        assertEquals(1, back.getInfoProperty().split("display_note=", -1).length - 1);
    }

    @Test
    void theFreeEnergyLutKeepsItsWhiteNaNEntryBelowTheRange() {
        Grid2D grid = new Grid2D(new Axis("attention", "", 0, 1, 4), new Axis("q6", "", 0, 1, 4), "particles", "count",
                new float[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 100});
        ImagePlus imp = GridImages.toImagePlus(grid, "histogram");
        Luts.displayRange(imp, 0, 14, "display clipped at 99th percentile");
        // 0 maps to LUT entry 1 (the ramp), not to entry 0 (white, for NaN)
        assertEquals(-14.0 / 254, imp.getDisplayRangeMin(), 1e-9);
        assertEquals("particles (count)", Luts.valueLabel(imp));
    }

    @Test
    void valueLabelNamesTheQuantityAndItsUnit() {
        Grid2D fes = new Grid2D(new Axis("phi", "deg", -180, 10, 2), new Axis("psi", "deg", -180, 10, 2), "F", "kJ/mol",
                new float[4]);
        assertEquals("F (kJ/mol)", Luts.valueLabel(GridImages.toImagePlus(fes, "F")));
        ImagePlus plain = new ImagePlus("plain", new FloatProcessor(2, 2));
        assertEquals("value", Luts.valueLabel(plain));
        plain.getCalibration().setValueUnit("attention");
        plain.setProperty("Info", "value_name=summed attention\n");
        assertTrue(Luts.valueLabel(plain).equals("summed attention"), "the unit already in the name is not repeated");
    }
}

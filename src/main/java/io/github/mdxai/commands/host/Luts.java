package io.github.mdxai.commands.host;

import ij.ImagePlus;
import ij.process.LUT;
import io.github.mdxai.figures.ColourMaps;

import java.awt.image.IndexColorModel;

/** Colour tables for result images. */
public final class Luts {

    private Luts() {
    }

    /**
     * Free energies in a perceptual ramp (low F dark blue, high F yellow) with unsampled (NaN) bins white: ImageJ shows
     * NaN as LUT entry 0, so entry 0 is white and the display range starts one step below the minimum.
     */
    public static void applyFreeEnergy(ImagePlus imp) {
        IndexColorModel ramp = viridisLike();
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        ramp.getReds(r);
        ramp.getGreens(g);
        ramp.getBlues(b);
        r[0] = (byte) 255;
        g[0] = (byte) 255;
        b[0] = (byte) 255;
        ij.process.ImageProcessor ip = imp.getProcessor();
        ip.resetMinAndMax();
        double min = ip.getMin();
        double max = ip.getMax();
        ip.setLut(new LUT(new IndexColorModel(8, 256, r, g, b), 0, 255));
        ip.setMinAndMax(min - (max - min) / 254, max);
        imp.updateAndDraw();
    }

    /** The figures' viridis-like ramp as an ImageJ LUT. */
    public static LUT viridisLike() {
        return new LUT(ColourMaps.viridis(), 0, 255);
    }
}

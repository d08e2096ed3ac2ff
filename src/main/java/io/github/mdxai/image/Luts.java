package io.github.mdxai.image;

import ij.ImagePlus;
import ij.process.LUT;

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

    /** A viridis-like ramp interpolated between a few anchor colours. */
    public static LUT viridisLike() {
        int[][] anchors = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * (anchors.length - 1);
            int k = Math.min((int) t, anchors.length - 2);
            double f = t - k;
            r[i] = (byte) Math.round(anchors[k][0] + f * (anchors[k + 1][0] - anchors[k][0]));
            g[i] = (byte) Math.round(anchors[k][1] + f * (anchors[k + 1][1] - anchors[k][1]));
            b[i] = (byte) Math.round(anchors[k][2] + f * (anchors[k + 1][2] - anchors[k][2]));
        }
        return new LUT(new IndexColorModel(8, 256, r, g, b), 0, 255);
    }
}

package io.github.mdxai.figures;

import java.awt.image.IndexColorModel;

/** Colour maps shared by the figures and the host's LUTs, so a PNG and an ImageJ window show the same colours. */
public final class ColourMaps {

    private ColourMaps() {
    }

    /** A viridis-like ramp (dark blue to yellow) interpolated between a few anchor colours, 256 entries. */
    public static IndexColorModel viridis() {
        return ramp(new int[][]{{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}});
    }

    /** A diverging ramp blue - white - red (ColorBrewer RdBu ends), 256 entries: for values around a midpoint such as p_B = 1/2. */
    public static IndexColorModel blueWhiteRed() {
        return ramp(new int[][]{{33, 102, 172}, {146, 197, 222}, {247, 247, 247}, {244, 165, 130}, {178, 24, 43}});
    }

    private static IndexColorModel ramp(int[][] anchors) {
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
        return new IndexColorModel(8, 256, r, g, b);
    }
}

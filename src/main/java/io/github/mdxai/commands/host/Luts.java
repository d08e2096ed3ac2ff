package io.github.mdxai.commands.host;

import ij.ImagePlus;
import ij.process.LUT;
import io.github.mdxai.figures.ColourMaps;

import java.awt.image.IndexColorModel;
import java.util.Arrays;

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

    /** Info key of a note on how the display range was chosen (the data are unchanged), shown on the colour bar. */
    public static final String DISPLAY_NOTE = "display_note";

    /**
     * A display range that a few extreme pixels do not dominate: the {@code lowPercent} and {@code highPercent}
     * percentiles of the finite values over all slices, zeros left out when they mark empty space (gaps, empty
     * histogram bins). {lo, hi}; NaN when nothing is left.
     */
    public static double[] percentileRange(ImagePlus imp, double lowPercent, double highPercent, boolean skipZeros) {
        ij.ImageStack stack = imp.getStack();
        long total = (long) stack.getSize() * stack.getWidth() * stack.getHeight();
        // large stacks: every k-th pixel is plenty for two display limits
        int stride = (int) Math.max(1, total / (1 << 22));
        float[] kept = new float[(int) Math.min(total, (1 << 22) + stack.getSize())];
        int n = 0;
        long index = 0;
        for (int z = 1; z <= stack.getSize(); z++) {
            ij.process.ImageProcessor ip = stack.getProcessor(z);
            for (int i = 0; i < ip.getPixelCount(); i++, index++) {
                float v = ip.getf(i);
                if (index % stride == 0 && Float.isFinite(v) && !(skipZeros && v == 0) && n < kept.length) {
                    kept[n++] = v;
                }
            }
        }
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        Arrays.sort(kept, 0, n);
        return new double[]{kept[rank(lowPercent, n)], kept[rank(highPercent, n)]};
    }

    private static int rank(double percent, int n) {
        return (int) Math.max(0, Math.min(n - 1, Math.round(percent / 100 * (n - 1))));
    }

    /**
     * Shows [lo, hi] (the data are unchanged) and records {@code note} in the image's Info, which a TIFF keeps and the
     * colour bar shows. With the free-energy LUT, whose entry 0 is white for NaN, lo maps to entry 1.
     */
    public static void displayRange(ImagePlus imp, double lo, double hi, String note) {
        if (!(hi > lo)) {
            return;
        }
        IndexColorModel lut = (IndexColorModel) imp.getProcessor().getColorModel();
        boolean whiteNaN = lut.getRGB(0) == 0xffffffff && lut.getRGB(1) != 0xffffffff;
        imp.setDisplayRange(whiteNaN ? lo - (hi - lo) / 254 : lo, hi);
        String info = imp.getInfoProperty() == null ? "" : imp.getInfoProperty();
        info = info.replaceAll("(?m)^" + DISPLAY_NOTE + "=.*\n?", "");
        imp.setProperty("Info", info + (info.isEmpty() || info.endsWith("\n") ? "" : "\n") + DISPLAY_NOTE + "=" + note + "\n");
    }

    /** The note on the display range, or "" when the display shows the full range. */
    public static String displayNote(ImagePlus imp) {
        return infoValue(imp, DISPLAY_NOTE);
    }

    /** "name (unit)" of the image's values: the grid's value name when it has one, the calibration's value unit. */
    public static String valueLabel(ImagePlus imp) {
        String name = infoValue(imp, "value_name");
        String unit = imp.getCalibration().getValueUnit();
        boolean hasUnit = unit != null && !unit.isBlank() && !unit.equals("Gray Value") && !name.contains(unit);
        if (name.isEmpty()) {
            return hasUnit ? unit : "value";
        }
        return hasUnit ? name + " (" + unit + ")" : name;
    }

    private static String infoValue(ImagePlus imp, String key) {
        String info = imp.getInfoProperty();
        if (info != null) {
            for (String line : info.split("\n")) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1).trim();
                }
            }
        }
        return "";
    }
}

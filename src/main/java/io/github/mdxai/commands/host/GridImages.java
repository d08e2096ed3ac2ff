package io.github.mdxai.commands.host;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Grids as calibrated ImageJ images: the FloatProcessor shares the grid's array; the calibration carries each axis'
 * origin, bin width and unit (y measured upwards, like a plot) and the value unit, and the image's Info property
 * the axis and value names, so a TIFF written here reopens in ImageJ with everything intact.
 */
public final class GridImages {

    private GridImages() {
    }

    /** An ImagePlus over the grid's own array, calibrated, in the figures' colour ramp (stored in a TIFF). */
    public static ImagePlus toImagePlus(Grid2D grid, String title) {
        FloatProcessor fp = new FloatProcessor(grid.x().bins(), grid.y().bins(), grid.values());
        double min = grid.finiteMin();
        double max = grid.finiteMax();
        if (Double.isFinite(min) && Double.isFinite(max)) {
            fp.setMinAndMax(min, max > min ? max : min + 1);
        }
        ImagePlus imp = new ImagePlus(title, fp);
        Calibration cal = new Calibration();
        Axis x = grid.x();
        Axis y = grid.y();
        cal.pixelWidth = x.step();
        cal.pixelHeight = y.step();
        cal.setXUnit(x.unit());
        cal.setYUnit(y.unit());
        cal.xOrigin = -x.origin() / x.step();
        // With invertY, ImageJ measures y as (yOrigin - row) * pixelHeight: the bottom edge is the axis origin.
        cal.setInvertY(true);
        cal.yOrigin = y.bins() + y.origin() / y.step();
        cal.setValueUnit(grid.valueUnit());
        imp.setCalibration(cal);
        Luts.applyFreeEnergy(imp);
        imp.setProperty("Info", "x_name=" + x.name() + "\ny_name=" + y.name() + "\nvalue_name=" + grid.valueName()
                + "\nx_origin=" + x.origin() + "\ny_origin=" + y.origin() + "\nx_step=" + x.step() + "\ny_step=" + y.step() + "\n");
        return imp;
    }

    /** Writes the grid as a calibrated 32-bit TIFF, atomically. */
    public static void writeTiff(Grid2D grid, Path target) {
        byte[] tiff = new FileSaver(toImagePlus(grid, target.getFileName().toString())).serialize();
        if (tiff == null) {
            throw new IllegalStateException("ImageJ could not encode " + target);
        }
        AtomicFiles.write(target, out -> out.write(tiff));
    }

    /** Reads a TIFF written by {@link #writeTiff} back into a grid. */
    public static Grid2D readTiff(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("file not found: " + file);
        }
        ImagePlus imp = new Opener().openImage(file.toString());
        if (imp == null || imp.getBitDepth() != 32) {
            throw InputException.at(file, 0, "not a 32-bit TIFF grid");
        }
        Map<String, String> info = parseInfo(imp.getInfoProperty());
        Calibration cal = imp.getCalibration();
        double xStep = number(info, "x_step", cal.pixelWidth);
        double yStep = number(info, "y_step", cal.pixelHeight);
        Axis x = new Axis(info.getOrDefault("x_name", "x"), cal.getXUnit(),
                number(info, "x_origin", -cal.xOrigin * xStep), xStep, imp.getWidth());
        Axis y = new Axis(info.getOrDefault("y_name", "y"), cal.getYUnit(),
                number(info, "y_origin", (cal.yOrigin - imp.getHeight()) * yStep), yStep, imp.getHeight());
        float[] values = (float[]) imp.getProcessor().getPixels();
        return new Grid2D(x, y, info.getOrDefault("value_name", "value"), cal.getValueUnit(), values);
    }

    private static Map<String, String> parseInfo(String info) {
        Map<String, String> map = new LinkedHashMap<>();
        if (info != null) {
            for (String line : info.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    map.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        return map;
    }

    private static double number(Map<String, String> info, String key, double fallback) {
        String v = info.get(key);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

package io.github.mdxai.commands.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import io.github.mdxai.commands.host.ColourBarOverlay;
import io.github.mdxai.commands.host.Luts;
import io.github.mdxai.commands.host.ResultFiles;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that shows a command's results in ImageJ 1.x, by kind rather than by command: every CSV it wrote as
 * a ResultsTable titled after the file, a CSV whose first column is an increasing number (time, r, epoch) also as a
 * live Plot, every TIFF as a calibrated image with its LUT and a colour bar, image outputs not already written as
 * TIFF, and text outputs in the Log. Only called when ImageJ has a window: batch and CLI runs open nothing.
 */
final class ResultWindows {

    /** Caps keep a study (dozens of files) from burying the desktop; the Log names every file written. */
    private static final int MAX_TABLES = 8;
    private static final int MAX_PLOTS = 6;
    private static final int MAX_IMAGES = 6;
    private static final int MAX_SERIES = 6;
    private static final long MAX_TABLE_BYTES = 20L << 20;
    private static final Color[] SERIES_COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    private ResultWindows() {
    }

    /**
     * One Log line naming what was written, the command's text outputs not already logged while it ran, then the
     * windows. {@code hostShowsImages}: the host (Fiji's legacy layer) shows the command's image outputs itself, so a
     * TIFF titled like one of them is not opened again.
     */
    static void show(String title, Module module, List<Path> written, Set<String> logged, boolean windows,
                     boolean hostShowsImages) {
        if (!written.isEmpty()) {
            Path folder = written.get(0).getParent();
            List<String> names = written.stream().map(p -> folder.relativize(p).toString()).toList();
            IJ.log(title + ": wrote " + names.size() + " file" + (names.size() == 1 ? "" : "s") + " in " + folder + ": "
                    + String.join(", ", names));
        }
        for (ModuleItem<?> item : module.getInfo().outputs()) {
            if (module.getOutput(item.getName()) instanceof String text && !text.isBlank() && !logged.contains(text.strip())) {
                IJ.log(text.startsWith(title) ? text : title + ": " + text);
            }
        }
        if (!windows) {
            return;
        }
        widenLog();
        Set<String> imageStems = new HashSet<>();
        Set<String> outputTitles = new HashSet<>();
        for (ModuleItem<?> item : module.getInfo().outputs()) {
            if (hostShowsImages && module.getOutput(item.getName()) instanceof ImagePlus imp) {
                outputTitles.add(imp.getTitle());
            }
        }
        int tables = 0;
        int plots = 0;
        int images = 0;
        for (Path file : written) {
            switch (ResultFiles.kind(file)) {
                case TABLE -> {
                    ResultsTable table = table(file);
                    if (table == null) {
                        continue;
                    }
                    if (tables++ < MAX_TABLES) {
                        // A unique title: show() would otherwise replace the table of another folder's file of that name.
                        table.show(unusedTitle(file.getFileName().toString()));
                    }
                    List<Plot> found = histogramPlots(table, ResultFiles.stem(file));
                    if (found.isEmpty()) {
                        Plot plot = predictedPlot(table, ResultFiles.stem(file));
                        plot = plot != null ? plot : seriesPlot(table, ResultFiles.stem(file));
                        found = plot == null ? List.of() : List.of(plot);
                    }
                    for (Plot plot : found) {
                        if (plots++ < MAX_PLOTS) {
                            plot.show();
                        }
                    }
                }
                case IMAGE -> {
                    if (!outputTitles.contains(ResultFiles.stem(file)) && images++ < MAX_IMAGES) {
                        ImagePlus imp = IJ.openImage(file.toString());
                        if (imp != null) {
                            imageStems.add(ResultFiles.stem(file));
                            showImage(imp);
                        }
                    }
                }
                default -> {
                }
            }
        }
        for (ModuleItem<?> item : hostShowsImages ? List.<ModuleItem<?>>of() : module.getInfo().outputs()) {
            if (module.getOutput(item.getName()) instanceof ImagePlus imp && !imageStems.contains(imp.getTitle())
                    && images++ < MAX_IMAGES) {
                showImage(imp);
            }
        }
    }

    /**
     * The files written by this run; when it wrote no table or image (a study whose steps were all done rewrites only
     * its report), every file in the output locations, so that a rerun still shows the results.
     */
    static List<Path> toShow(ResultFiles results) {
        List<Path> written = results.written();
        boolean shows = written.stream().anyMatch(f -> ResultFiles.kind(f) != ResultFiles.Kind.OTHER);
        return shows ? written : results.present();
    }

    /** ImageJ opens its Log 400 pixels wide, which cuts the summaries: widen it once. */
    private static void widenLog() {
        java.awt.Window log = ij.WindowManager.getWindow("Log");
        if (log != null && log.getWidth() < 800) {
            java.awt.EventQueue.invokeLater(() -> log.setSize(800, Math.max(log.getHeight(), 300)));
        }
    }

    /** The file name, or name-1.csv, name-2.csv, ... when a window already has that title. */
    static String unusedTitle(String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String title = name;
        for (int k = 1; ij.WindowManager.getWindow(title) != null; k++) {
            title = stem + "-" + k + extension;
        }
        return title;
    }

    private static ResultsTable table(Path file) {
        try {
            if (Files.size(file) > MAX_TABLE_BYTES) {
                IJ.log("  " + file.getFileName() + " not opened (" + (Files.size(file) >> 20) + " MB): File > Import > Results");
                return null;
            }
            return ResultsTable.open(file.toString());
        } catch (IOException e) {
            IJ.log("  " + file.getFileName() + " could not be read as a table: " + e.getMessage());
            return null;
        }
    }

    /**
     * Histograms written as {@code [group,] bin_lower, bin_upper, count} rows: one bar plot per group (the leading
     * text column, e.g. the descriptor), counts against bin centres.
     */
    static List<Plot> histogramPlots(ResultsTable table, String title) {
        String[] headings = table.getHeadings();
        int lower = table.getColumnIndex("bin_lower");
        int upper = table.getColumnIndex("bin_upper");
        int count = table.getColumnIndex("count");
        String quantity = null;
        // bins written as <quantity>_low, <quantity>_high, then the counts (the committor test's p_B histogram)
        if (lower < 0 && headings.length >= 3 && headings[0].endsWith("_low")
                && headings[1].equals(headings[0].replaceAll("_low$", "_high"))) {
            lower = 0;
            upper = 1;
            count = 2;
            quantity = headings[0].replaceAll("_low$", "");
        }
        if (lower < 0 || upper < 0 || count < 0 || table.size() == 0) {
            return List.of();
        }
        String countName = headings[count];
        String axis = quantity;
        String groupColumn = lower == 0 || headings[0].equals("bin_lower") ? null : headings[0];
        java.util.Map<String, List<Integer>> rows = new java.util.LinkedHashMap<>();
        for (int r = 0; r < table.size(); r++) {
            String group = groupColumn == null ? "" : table.getStringValue(groupColumn, r);
            rows.computeIfAbsent(group, g -> new ArrayList<>()).add(r);
        }
        List<Plot> plots = new ArrayList<>();
        int lowerColumn = lower;
        int upperColumn = upper;
        int countColumn = count;
        rows.forEach((group, indices) -> {
            double[] centre = new double[indices.size()];
            double[] counts = new double[indices.size()];
            for (int i = 0; i < centre.length; i++) {
                int r = indices.get(i);
                centre[i] = 0.5 * (table.getValueAsDouble(lowerColumn, r) + table.getValueAsDouble(upperColumn, r));
                counts[i] = table.getValueAsDouble(countColumn, r);
            }
            Plot plot = new Plot(group.isEmpty() ? title : title + ": " + group,
                    group.isEmpty() ? (axis == null ? "value" : axis) : group, countName);
            plot.setFont(java.awt.Font.PLAIN, 14);
            plot.setAxisLabelFont(java.awt.Font.PLAIN, 14);
            plot.setColor(SERIES_COLOURS[0], new Color(0xaec7e8));
            plot.add("bar", centre, counts);
            plot.setLimitsToFit(false);
            plots.add(plot);
        });
        return plots;
    }

    /** A live plot of the numeric columns in one unit against the first non-index column, when it increases. */
    static Plot seriesPlot(ResultsTable table, String title) {
        String[] headings = table.getHeadings();
        int rows = table.size();
        if (rows < 2 || headings.length < 2) {
            return null;
        }
        // the axis: the first column that is not a row number or identifier (configurations: their time)
        int xColumn = 0;
        while (xColumn < headings.length - 1 && INDEX_COLUMNS.contains(headings[xColumn])) {
            xColumn++;
        }
        double[] x = table.getColumn(headings[xColumn]);
        if (x == null) {
            return null;
        }
        for (int i = 0; i < rows; i++) {
            if (!Double.isFinite(x[i]) || (i > 0 && x[i] <= x[i - 1])) {
                return null;
            }
        }
        List<String> names = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int c = xColumn + 1; c < headings.length && ys.size() < MAX_SERIES; c++) {
            double[] y = table.getColumn(headings[c]);
            // one axis, one unit: columns in the first plotted column's unit (degrees and kJ/mol do not share an axis)
            if (y != null && Arrays.stream(y).anyMatch(Double::isFinite) && !isClock(x, y) && !isLabel(y)
                    && (names.isEmpty() || unitOf(headings[c]).equals(unitOf(names.get(0))))) {
                names.add(headings[c]);
                ys.add(y);
            }
        }
        if (ys.isEmpty()) {
            return null;
        }
        // log-spaced times (MSD, F_s against t; the lag-0 row left out) on a log axis, and then a positive quantity
        // over decades too, as in the PNG figures; evenly spaced series stay linear
        int from = x[0] == 0 ? 1 : 0;
        boolean logX = logSpaced(Arrays.copyOfRange(x, from, rows));
        if (logX) {
            x = Arrays.copyOfRange(x, from, rows);
            ys.replaceAll(y -> Arrays.copyOfRange(y, from, rows));
        }
        Plot plot = new Plot(title, headings[xColumn], ys.size() == 1 ? names.get(0) : unitOf(names.get(0)));
        plot.setFont(java.awt.Font.PLAIN, 14);
        plot.setAxisLabelFont(java.awt.Font.PLAIN, 14);
        for (int s = 0; s < ys.size(); s++) {
            plot.setColor(SERIES_COLOURS[s % SERIES_COLOURS.length]);
            plot.setLineWidth(1.5f);
            plot.addPoints(x, ys.get(s), Plot.LINE);
        }
        if (ys.size() > 1) {
            plot.setColor(Color.BLACK);
            plot.setLegend(String.join("\t", names), Plot.AUTO_POSITION);
        }
        plot.setAxisXLog(logX);
        plot.setAxisYLog(logX && spansDecades(ys));
        plot.setLimitsToFit(false);
        return plot;
    }

    /**
     * Values sampled evenly in log: positive, over two decades or more, with at least a third of them below the
     * geometric middle of their range (evenly spaced times from 0.1 to 1000 have 1 % there).
     */
    static boolean logSpaced(double[] x) {
        if (!spansDecades(List.of(x))) {
            return false;
        }
        double[] finite = Arrays.stream(x).filter(Double::isFinite).toArray();
        double middle = Math.sqrt(Arrays.stream(finite).min().orElseThrow() * Arrays.stream(finite).max().orElseThrow());
        return 3 * Arrays.stream(finite).filter(v -> v < middle).count() >= finite.length;
    }

    /** Whether every finite value is positive and together they span two decades or more. */
    static boolean spansDecades(List<double[]> series) {
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (double[] values : series) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    if (v <= 0) {
                        return false;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max >= 100 * min;
    }

    /** Row numbers and identifiers: not an axis to draw lines along. */
    private static final Set<String> INDEX_COLUMNS = Set.of("row", "config", "id", "index", "particle", "atom");

    /** The unit suffix of a column name (phi_deg: deg, bias_kJmol: kJmol); "value" when it has none. */
    static String unitOf(String column) {
        int underscore = column.lastIndexOf('_');
        String suffix = underscore < 0 ? "" : column.substring(underscore + 1);
        return suffix.matches("deg|rad|nm|ps|fs|kJmol|kJmolnm|K|tau|sigma|sigma2|sigma3|bar|eps|epsilon|s") ? suffix : "value";
    }

    /** Measured against predicted values ({@code X_predicted}, {@code X_measured} columns) as a scatter plot. */
    static Plot predictedPlot(ResultsTable table, String title) {
        for (String heading : table.getHeadings()) {
            if (heading.endsWith("_predicted")) {
                String measured = heading.replaceAll("_predicted$", "_measured");
                if (table.getColumnIndex(measured) >= 0) {
                    Plot plot = new Plot(title, measured, heading);
                    plot.setFont(java.awt.Font.PLAIN, 14);
                    plot.setAxisLabelFont(java.awt.Font.PLAIN, 14);
                    plot.setColor(SERIES_COLOURS[0]);
                    plot.addPoints(table.getColumn(measured), table.getColumn(heading), Plot.CIRCLE);
                    plot.setLimitsToFit(false);
                    return plot;
                }
            }
        }
        return null;
    }

    /** A second time axis (time next to step): exactly affine in the first column, so not a quantity to plot. */
    private static boolean isClock(double[] x, double[] y) {
        int n = x.length - 1;
        double slope = (y[n] - y[0]) / (x[n] - x[0]);
        if (!(slope > 0)) {
            return false;
        }
        double scale = Math.abs(y[n]) + Math.abs(y[0]);
        for (int i = 1; i < n; i++) {
            if (Math.abs(y[0] + slope * (x[i] - x[0]) - y[i]) > 1e-6 * scale) {
                return false;
            }
        }
        return true;
    }

    /** A small set of whole numbers (phase, class, flag): a label, not a quantity. */
    private static boolean isLabel(double[] y) {
        java.util.Set<Double> distinct = new HashSet<>();
        for (double v : y) {
            if (Double.isFinite(v) && v != Math.rint(v)) {
                return false;
            }
            distinct.add(v);
        }
        return distinct.size() <= 5 && y.length > distinct.size();
    }

    /** Shows a result image magnified to a readable size, in colour, with a colour bar for 32-bit values. */
    static void showImage(ImagePlus imp) {
        boolean values = imp.getBitDepth() == 32;
        if (values && imp.getStackSize() == 1 && imp.getProcessor().isDefaultLut()) {
            Luts.applyFreeEnergy(imp);
        } else if (values && imp.getProcessor().isDefaultLut()) {
            imp.setLut(Luts.viridisLike());
        }
        imp.show();
        // Grids are often a few dozen bins wide: magnify them to a readable size (about 480 screen pixels).
        int zoom = Math.min(3200, 100 * Math.max(1, 480 / Math.max(imp.getWidth(), imp.getHeight())));
        if (zoom > 100) {
            IJ.run(imp, "Set... ", "zoom=" + zoom);
        }
        // drawn at screen resolution, so it reads at any zoom (ImageJ's Calibration Bar does not beyond 400 %)
        if (values && !ColourBarOverlay.present(imp)) {
            ColourBarOverlay.add(imp);
            String unit = imp.getCalibration().getValueUnit();
            if (unit != null && !unit.isBlank() && !unit.equals("Gray Value")) {
                IJ.showStatus(imp.getTitle() + ": values in " + unit);
            }
        }
    }
}

package io.github.mdxai.figures;

import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.util.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A figure of a {@link Grid2D} as a PNG: the grid in a colour map (viridis-like, values clipped to [min, max], NaN
 * bins light grey), a colour bar with the value name and unit, axes with ticks labelled in the axis units, contour
 * lines at a fixed step, and optionally points (e.g. sampled configurations), a path and labelled markers. Drawn
 * into a {@link BufferedImage} with java.awt only, so it works headless. Configure with the chained setters, then
 * {@link #render()} or {@link #writePng(Path)}.
 */
public final class SurfacePlot {

    private static final int PLOT = 520;
    /** Left margin, title band, gap before a colour bar, right margin, band for the x ticks and label (pixels). */
    private static final int LEFT = 90, TOP = 50, BAR_GAP = 25, RIGHT = 10, AXIS_BAND = 66;
    private static final Color NO_DATA = new Color(225, 225, 225);

    /** A level line of another grid, its colour and legend label. */
    private record Isoline(Grid2D field, double level, Color colour, String label) {
    }

    private final Grid2D grid;
    private String title = "";
    private double minValue = Double.NaN;
    private double maxValue = Double.NaN;
    private double contourStep = Double.NaN;
    private final List<double[][]> pointSets = new ArrayList<>();
    private final List<Color> pointColours = new ArrayList<>();
    private final List<String> pointLabels = new ArrayList<>();
    private double[][] path;
    private final List<Object[]> markers = new ArrayList<>();
    private final List<Isoline> isolines = new ArrayList<>();
    private double[][] valuePoints;
    private double valueMin;
    private double valueMax;
    private String valueLabel;

    public SurfacePlot(Grid2D grid) {
        this.grid = grid;
    }

    public SurfacePlot title(String text) {
        this.title = text;
        return this;
    }

    /** Colour range; values above max show the top colour (default: the grid's finite range). */
    public SurfacePlot range(double min, double max) {
        this.minValue = min;
        this.maxValue = max;
        return this;
    }

    /** Contour lines every {@code step} value units from the minimum up to the colour maximum (NaN: none). */
    public SurfacePlot contours(double step) {
        this.contourStep = step;
        return this;
    }

    /** Points at (x[k], y[k]) in axis units, drawn as small dots of the given colour, named in the legend. */
    public SurfacePlot points(double[] x, double[] y, Color colour, String label) {
        pointSets.add(new double[][]{x.clone(), y.clone()});
        pointColours.add(colour);
        pointLabels.add(label);
        return this;
    }

    /**
     * Points coloured by a value on a blue - white - red scale over [min, max] (e.g. p_B over [0, 1]), outlined in
     * black, with a second colour bar labelled {@code label}. Figures drawn with the same range share the scale.
     */
    public SurfacePlot valuePoints(double[] x, double[] y, double[] values, double min, double max, String label) {
        this.valuePoints = new double[][]{x.clone(), y.clone(), values.clone()};
        this.valueMin = min;
        this.valueMax = max;
        this.valueLabel = label;
        return this;
    }

    /** A polyline through (x[k], y[k]); on wrapping axes, jumps of more than half the axis are not drawn. */
    public SurfacePlot path(double[] x, double[] y) {
        this.path = new double[][]{x.clone(), y.clone()};
        return this;
    }

    /**
     * The level line {@code field = level} of another grid on the same axes (e.g. the mean model p_B = 0.5 over a
     * free-energy surface), drawn as a thick line of the given colour outlined in black, each piece as one curve;
     * NaN bins of {@code field} cut it (so a caller hides it where it is not supported by setting those bins NaN).
     */
    public SurfacePlot isoline(Grid2D field, double level, Color colour, String label) {
        isolines.add(new Isoline(field, level, colour, label));
        return this;
    }

    /** A labelled cross at (x, y). */
    public SurfacePlot marker(double x, double y, String label) {
        markers.add(new Object[]{x, y, label});
        return this;
    }

    public BufferedImage render() {
        Legend legend = legend();
        int width = LEFT + PLOT + BAR_GAP + ColourBar.WIDTH + (valuePoints == null ? 0 : BAR_GAP + ColourBar.WIDTH) + RIGHT;
        int legendHeight = legend.height(width - LEFT - RIGHT);
        int height = TOP + PLOT + AXIS_BAND + legendHeight + (legendHeight > 0 ? 10 : 0);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        FigureStyle.smooth(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double lo = Double.isNaN(minValue) ? grid.finiteMin() : minValue;
        double hi = Double.isNaN(maxValue) ? grid.finiteMax() : maxValue;
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        IndexColorModel lut = ColourMaps.viridis();
        drawCells(g, lut, lo, hi);
        g.setClip(LEFT, TOP, PLOT, PLOT);
        if (contourStep > 0) {
            drawContours(g, lo, hi);
        }
        for (int k = 0; k < pointSets.size(); k++) {
            drawPoints(g, pointSets.get(k), pointColours.get(k));
        }
        if (valuePoints != null) {
            drawValuePoints(g);
        }
        for (Isoline line : isolines) {
            drawIsoline(g, line);
        }
        if (path != null) {
            drawPath(g);
        }
        for (Object[] m : markers) {
            drawMarker(g, (double) m[0], (double) m[1], (String) m[2]);
        }
        g.setClip(null);
        drawAxes(g);
        int barX = LEFT + PLOT + BAR_GAP;
        ColourBar.draw(g, lut, lo, hi, barX, TOP, PLOT, axisLabel(grid.valueName(), grid.valueUnit()));
        if (valuePoints != null) {
            ColourBar.draw(g, ColourMaps.blueWhiteRed(), valueMin, valueMax, barX + ColourBar.WIDTH + BAR_GAP, TOP, PLOT,
                    valueLabel);
        }
        legend.draw(g, LEFT, TOP + PLOT + AXIS_BAND, width - LEFT - RIGHT);
        g.dispose();
        return image;
    }

    /** One entry per kind of mark drawn: grey bins, contours, points, the isolines, path and markers. */
    private Legend legend() {
        Legend legend = new Legend();
        if (hasNaN(grid)) {
            legend.add("no samples", Legend.Mark.BOX, NO_DATA, Color.GRAY, 1f);
        }
        if (contourStep > 0) {
            legend.add("contours every " + label(contourStep) + (grid.valueUnit().isBlank() ? "" : " " + grid.valueUnit()),
                    Legend.Mark.OUTLINED_LINE, Color.WHITE, new Color(68, 1, 84), 1f);
        }
        for (int k = 0; k < pointSets.size(); k++) {
            legend.add(pointLabels.get(k), Legend.Mark.DOT, pointColours.get(k), Color.GRAY, 1f);
        }
        if (valuePoints != null) {
            legend.add(valueLabel + " (colour bar)", Legend.Mark.DOT, Color.WHITE, Color.BLACK, 1f);
        }
        for (Isoline line : isolines) {
            boolean drawn = !LevelLines.of(line.field(), line.level()).isEmpty();
            legend.add(line.label() + (drawn ? "" : ": no crossing, not drawn"), Legend.Mark.OUTLINED_LINE, line.colour(),
                    Color.BLACK, 3f);
        }
        if (path != null) {
            legend.add("minimum free-energy path", Legend.Mark.OUTLINED_LINE, Color.WHITE, Color.BLACK, 2f);
        }
        if (!markers.isEmpty()) {
            legend.add(String.join(", ", markers.stream().map(m -> (String) m[2]).distinct().toList()),
                    Legend.Mark.CROSS, Color.RED, Color.BLACK, 1.2f);
        }
        return legend;
    }

    private static boolean hasNaN(Grid2D field) {
        for (float v : field.values()) {
            if (Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** Renders and writes the PNG atomically. */
    public void writePng(Path target) {
        BufferedImage image = render();
        AtomicFiles.write(target, out -> ImageIO.write(image, "png", out));
    }

    /** Several figures rendered next to each other into one PNG (e.g. the same points on two surfaces). */
    public static void writeSideBySide(Path target, SurfacePlot... plots) {
        List<BufferedImage> images = new ArrayList<>();
        int width = 0;
        int height = 0;
        for (SurfacePlot p : plots) {
            BufferedImage image = p.render();
            images.add(image);
            width += image.getWidth();
            height = Math.max(height, image.getHeight());
        }
        BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage image : images) {
            g.drawImage(image, x, 0, null);
            x += image.getWidth();
        }
        g.dispose();
        AtomicFiles.write(target, out -> ImageIO.write(all, "png", out));
    }

    private double px(double x) {
        return LEFT + (x - grid.x().origin()) / (grid.x().bins() * grid.x().step()) * PLOT;
    }

    private double py(double y) {
        return TOP + PLOT - (y - grid.y().origin()) / (grid.y().bins() * grid.y().step()) * PLOT;
    }

    private void drawCells(Graphics2D g, IndexColorModel lut, double lo, double hi) {
        int nx = grid.x().bins(), ny = grid.y().bins();
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                float v = grid.get(ix, iy);
                int x0 = (int) Math.round(LEFT + (double) ix / nx * PLOT), x1 = (int) Math.round(LEFT + (double) (ix + 1) / nx * PLOT);
                int y0 = (int) Math.round(TOP + PLOT - (double) (iy + 1) / ny * PLOT), y1 = (int) Math.round(TOP + PLOT - (double) iy / ny * PLOT);
                g.setColor(Float.isNaN(v) ? NO_DATA : new Color(lut.getRGB(index(v, lo, hi))));
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
    }

    private static int index(double v, double lo, double hi) {
        return (int) Math.max(0, Math.min(255, Math.round((v - lo) / (hi - lo) * 255)));
    }

    /** Contour lines of the grid itself, thin and translucent white. */
    private void drawContours(Graphics2D g, double lo, double hi) {
        g.setColor(new Color(255, 255, 255, 150));
        g.setStroke(new BasicStroke(0.8f));
        for (double level = lo + contourStep; level < hi; level += contourStep) {
            for (double[][] line : LevelLines.of(grid, level)) {
                g.draw(polyline(line));
            }
        }
    }

    /** An isoline's pieces, each one curve with round joins: black underneath, then its colour. */
    private void drawIsoline(Graphics2D g, Isoline line) {
        List<double[][]> pieces = LevelLines.of(line.field(), line.level());
        for (int pass = 0; pass < 2; pass++) {
            g.setColor(pass == 0 ? Color.BLACK : line.colour());
            g.setStroke(new BasicStroke(pass == 0 ? 5f : 3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (double[][] piece : pieces) {
                g.draw(polyline(piece));
            }
        }
    }

    private Path2D polyline(double[][] xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(px(xy[0][0]), py(xy[1][0]));
        for (int k = 1; k < xy[0].length; k++) {
            p.lineTo(px(xy[0][k]), py(xy[1][k]));
        }
        return p;
    }

    /** Dots; many points are drawn smaller and translucent so that their density stays visible. */
    private void drawPoints(Graphics2D g, double[][] xy, Color colour) {
        boolean many = xy[0].length > 300;
        double r = many ? 1.2 : 1.6;
        g.setColor(many ? new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150) : colour);
        for (int k = 0; k < xy[0].length; k++) {
            g.fill(new Ellipse2D.Double(px(xy[0][k]) - r, py(xy[1][k]) - r, 2 * r, 2 * r));
        }
    }

    private void drawPath(Graphics2D g) {
        double spanX = grid.x().bins() * grid.x().step(), spanY = grid.y().bins() * grid.y().step();
        for (int pass = 0; pass < 2; pass++) {
            g.setColor(pass == 0 ? Color.BLACK : Color.WHITE);
            g.setStroke(new BasicStroke(pass == 0 ? 4f : 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int k = 1; k < path[0].length; k++) {
                if (Math.abs(path[0][k] - path[0][k - 1]) > spanX / 2 || Math.abs(path[1][k] - path[1][k - 1]) > spanY / 2) {
                    continue;
                }
                g.draw(new Line2D.Double(px(path[0][k - 1]), py(path[1][k - 1]), px(path[0][k]), py(path[1][k])));
            }
        }
    }

    private void drawMarker(Graphics2D g, double x, double y, String label) {
        double cx = px(x), cy = py(y);
        g.setStroke(new BasicStroke(2.5f));
        g.setColor(Color.BLACK);
        g.draw(new Line2D.Double(cx - 7, cy - 7, cx + 7, cy + 7));
        g.draw(new Line2D.Double(cx - 7, cy + 7, cx + 7, cy - 7));
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(Color.RED);
        g.draw(new Line2D.Double(cx - 6, cy - 6, cx + 6, cy + 6));
        g.draw(new Line2D.Double(cx - 6, cy + 6, cx + 6, cy - 6));
        g.setFont(FigureStyle.text().deriveFont(Font.BOLD));
        g.setColor(Color.BLACK);
        g.drawString(label, (float) cx + 9, (float) cy - 7);
        g.setColor(Color.WHITE);
        g.drawString(label, (float) cx + 8, (float) cy - 8);
    }

    private void drawAxes(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, PLOT, PLOT);
        g.setFont(FigureStyle.text());
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(grid.x().origin(), grid.x().max())) {
            int x = (int) Math.round(px(t));
            g.drawLine(x, TOP + PLOT, x, TOP + PLOT + 5);
            String s = label(t);
            g.drawString(s, x - fm.stringWidth(s) / 2, TOP + PLOT + 7 + fm.getAscent());
        }
        for (double t : ticks(grid.y().origin(), grid.y().max())) {
            int y = (int) Math.round(py(t));
            g.drawLine(LEFT - 5, y, LEFT, y);
            String s = label(t);
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 2);
        }
        FigureStyle.centred(g, axisLabel(grid.x().name(), grid.x().unit()), LEFT + PLOT / 2.0, TOP + PLOT + 50,
                FigureStyle.label());
        FigureStyle.vertical(g, axisLabel(grid.y().name(), grid.y().unit()), 22, TOP + PLOT / 2.0, FigureStyle.label(), false);
        FigureStyle.centred(g, title, LEFT + PLOT / 2.0, TOP - 18, FigureStyle.title());
    }

    private void drawValuePoints(Graphics2D g) {
        IndexColorModel lut = ColourMaps.blueWhiteRed();
        double r = valuePoints[0].length > 300 ? 2.5 : 3.5;
        g.setStroke(new BasicStroke(0.8f));
        for (int k = 0; k < valuePoints[0].length; k++) {
            double v = valuePoints[2][k];
            if (Double.isNaN(v)) {
                continue;
            }
            Ellipse2D dot = new Ellipse2D.Double(px(valuePoints[0][k]) - r, py(valuePoints[1][k]) - r, 2 * r, 2 * r);
            g.setColor(new Color(lut.getRGB(index(v, valueMin, valueMax))));
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.draw(dot);
        }
    }

    private static String axisLabel(String name, String unit) {
        return unit == null || unit.isBlank() ? name : name + " (" + unit + ")";
    }

    /** Round tick values inside [lo, hi]: steps of 1, 2 or 5 times a power of ten, about six ticks (60 for 360 deg). */
    static double[] ticks(double lo, double hi) {
        double span = hi - lo;
        double step;
        if (Math.abs(span - 360) < 1e-6) {
            step = 60;
        } else {
            double raw = span / 6;
            double p = Math.pow(10, Math.floor(Math.log10(raw)));
            double m = raw / p;
            step = (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
        }
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9 * step; t += step) {
            out.add(Math.abs(t) < 1e-12 * step ? 0 : t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A tick label: integers plain, others with three significant digits and no trailing zeros. */
    static String label(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v).strip()).stripTrailingZeros().toPlainString();
    }
}

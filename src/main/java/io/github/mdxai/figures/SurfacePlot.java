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
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
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
    private static final int LEFT = 80, TOP = 50, BAR_GAP = 25, BAR_WIDTH = 22, RIGHT = 110, BOTTOM = 65;

    private final Grid2D grid;
    private String title = "";
    private double minValue = Double.NaN;
    private double maxValue = Double.NaN;
    private double contourStep = Double.NaN;
    private final List<double[][]> pointSets = new ArrayList<>();
    private final List<Color> pointColours = new ArrayList<>();
    private double[][] path;
    private final List<Object[]> markers = new ArrayList<>();
    private final List<Object[]> isolines = new ArrayList<>();
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

    /** Points at (x[k], y[k]) in axis units, drawn as small dots of the given colour. */
    public SurfacePlot points(double[] x, double[] y, Color colour) {
        pointSets.add(new double[][]{x.clone(), y.clone()});
        pointColours.add(colour);
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
     * free-energy surface), drawn as a thick line of the given colour.
     */
    public SurfacePlot isoline(Grid2D field, double level, Color colour) {
        isolines.add(new Object[]{field, level, colour});
        return this;
    }

    /** A labelled cross at (x, y). */
    public SurfacePlot marker(double x, double y, String label) {
        markers.add(new Object[]{x, y, label});
        return this;
    }

    public BufferedImage render() {
        int width = LEFT + PLOT + BAR_GAP + BAR_WIDTH + RIGHT + (valuePoints == null ? 0 : BAR_WIDTH + RIGHT);
        int height = TOP + PLOT + BOTTOM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double lo = Double.isNaN(minValue) ? grid.finiteMin() : minValue;
        double hi = Double.isNaN(maxValue) ? grid.finiteMax() : maxValue;
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        IndexColorModel lut = ColourMaps.viridis();
        drawCells(g, lut, lo, hi);
        if (contourStep > 0) {
            drawContours(g, lo, hi);
        }
        g.setClip(LEFT, TOP, PLOT, PLOT);
        for (int k = 0; k < pointSets.size(); k++) {
            drawPoints(g, pointSets.get(k), pointColours.get(k));
        }
        if (valuePoints != null) {
            drawValuePoints(g);
        }
        for (Object[] line : isolines) {
            g.setColor((Color) line[2]);
            g.setStroke(new BasicStroke(2.5f));
            drawLevel(g, (Grid2D) line[0], (double) line[1]);
        }
        if (path != null) {
            drawPath(g);
        }
        for (Object[] m : markers) {
            drawMarker(g, (double) m[0], (double) m[1], (String) m[2]);
        }
        g.setClip(null);
        drawAxes(g);
        drawColourBar(g, lut, lo, hi, LEFT + PLOT + BAR_GAP, axisLabel(grid.valueName(), grid.valueUnit()));
        if (valuePoints != null) {
            drawColourBar(g, ColourMaps.blueWhiteRed(), valueMin, valueMax, LEFT + PLOT + BAR_GAP + BAR_WIDTH + RIGHT, valueLabel);
        }
        g.dispose();
        return image;
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
                g.setColor(Float.isNaN(v) ? new Color(225, 225, 225) : new Color(lut.getRGB(index(v, lo, hi))));
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
    }

    private static int index(double v, double lo, double hi) {
        return (int) Math.max(0, Math.min(255, Math.round((v - lo) / (hi - lo) * 255)));
    }

    /** Marching squares over the bin centres; squares with a NaN corner are skipped. */
    private void drawContours(Graphics2D g, double lo, double hi) {
        g.setColor(new Color(255, 255, 255, 150));
        g.setStroke(new BasicStroke(0.8f));
        for (double level = lo + contourStep; level < hi; level += contourStep) {
            drawLevel(g, grid, level);
        }
    }

    /** The level set {@code field = level} by marching squares over bin centres (cells with a NaN corner skipped). */
    private void drawLevel(Graphics2D g, Grid2D field, double level) {
        int nx = field.x().bins(), ny = field.y().bins();
        double[] cx = new double[4], cy = new double[4], cv = new double[4];
        double[] ex = new double[4], ey = new double[4];
        for (int iy = 0; iy + 1 < ny; iy++) {
            for (int ix = 0; ix + 1 < nx; ix++) {
                int[][] corner = {{ix, iy}, {ix + 1, iy}, {ix + 1, iy + 1}, {ix, iy + 1}};
                boolean ok = true;
                for (int c = 0; c < 4; c++) {
                    cv[c] = field.get(corner[c][0], corner[c][1]);
                    cx[c] = field.x().center(corner[c][0]);
                    cy[c] = field.y().center(corner[c][1]);
                    ok &= !Double.isNaN(cv[c]);
                }
                if (!ok) {
                    continue;
                }
                int found = 0;
                for (int e = 0; e < 4; e++) {
                    int f = (e + 1) % 4;
                    if ((cv[e] < level) != (cv[f] < level)) {
                        double t = (level - cv[e]) / (cv[f] - cv[e]);
                        ex[found] = cx[e] + t * (cx[f] - cx[e]);
                        ey[found] = cy[e] + t * (cy[f] - cy[e]);
                        found++;
                    }
                }
                for (int s = 0; s + 1 < found; s += 2) {
                    g.draw(new Line2D.Double(px(ex[s]), py(ey[s]), px(ex[s + 1]), py(ey[s + 1])));
                }
            }
        }
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
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(label, (float) cx + 9, (float) cy - 7);
        g.setColor(Color.WHITE);
        g.drawString(label, (float) cx + 8, (float) cy - 8);
    }

    private void drawAxes(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, PLOT, PLOT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(grid.x().origin(), grid.x().max())) {
            int x = (int) Math.round(px(t));
            g.drawLine(x, TOP + PLOT, x, TOP + PLOT + 5);
            String s = label(t);
            g.drawString(s, x - fm.stringWidth(s) / 2, TOP + PLOT + 19);
        }
        for (double t : ticks(grid.y().origin(), grid.y().max())) {
            int y = (int) Math.round(py(t));
            g.drawLine(LEFT - 5, y, LEFT, y);
            String s = label(t);
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        fm = g.getFontMetrics();
        String xl = axisLabel(grid.x().name(), grid.x().unit());
        g.drawString(xl, LEFT + PLOT / 2 - fm.stringWidth(xl) / 2, TOP + PLOT + 45);
        String yl = axisLabel(grid.y().name(), grid.y().unit());
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yl, -(TOP + PLOT / 2) - fm.stringWidth(yl) / 2, LEFT - 50);
        g.setTransform(saved);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        fm = g.getFontMetrics();
        g.drawString(title, LEFT + PLOT / 2 - fm.stringWidth(title) / 2, TOP - 18);
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

    private void drawColourBar(Graphics2D g, IndexColorModel lut, double lo, double hi, int x0, String name) {
        for (int y = 0; y < PLOT; y++) {
            g.setColor(new Color(lut.getRGB(255 - (int) Math.round(y * 255.0 / (PLOT - 1)))));
            g.fillRect(x0, TOP + y, BAR_WIDTH, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, TOP, BAR_WIDTH, PLOT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(lo, hi)) {
            int y = (int) Math.round(TOP + PLOT - (t - lo) / (hi - lo) * PLOT);
            g.drawLine(x0 + BAR_WIDTH, y, x0 + BAR_WIDTH + 4, y);
            g.drawString(label(t), x0 + BAR_WIDTH + 7, y + fm.getAscent() / 2 - 1);
        }
        AffineTransform saved = g.getTransform();
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        fm = g.getFontMetrics();
        g.drawString(name, TOP + PLOT / 2 - fm.stringWidth(name) / 2, -(x0 + BAR_WIDTH + 52));
        g.setTransform(saved);
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

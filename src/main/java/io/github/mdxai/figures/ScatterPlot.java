package io.github.mdxai.figures;

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
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scatter plot with axes, ticks, labels, title, a legend, optional straight lines (e.g. y = x), histogram bars
 * and text notes,
 * rendered headless into a {@link BufferedImage} (java.awt only) and saved as PNG.
 * <pre>
 * new ScatterPlot("Committor", "measured pB", "predicted pB").range(0, 1, 0, 1)
 *     .series("test", x, y, Color.RED).line(0, 0, 1, 1, Color.GRAY, "y = x").note("r = 0.90").writePng(path, 640, 560);
 * </pre>
 */
public final class ScatterPlot {

    /** Points, or a curve through them in the given order when {@code joined}. */
    private record Series(String label, double[] x, double[] y, Color color, boolean joined) {
    }

    private record Line(double x0, double y0, double x1, double y1, Color color, String label) {
    }

    /** Bars from y = 0 to heights[b] over [lower[b], lower[b] + width]. */
    private record Bars(double[] lower, double width, double[] heights, Color color) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Bars> bars = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private double[] range;
    private double markerSize = 5;
    private boolean logX;
    private boolean logY;

    public ScatterPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Fixes the axis ranges (otherwise they fit the data). */
    public ScatterPlot range(double xMin, double xMax, double yMin, double yMax) {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("empty plot range");
        }
        range = new double[]{xMin, xMax, yMin, yMax};
        return this;
    }

    /** Adds points; x and y must have the same length. */
    public ScatterPlot series(String label, double[] x, double[] y, Color color) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        series.add(new Series(label, x.clone(), y.clone(), color, false));
        return this;
    }

    /** Adds a curve through (x[i], y[i]) in order (e.g. a loss per epoch); non-finite values break it. */
    public ScatterPlot curve(String label, double[] x, double[] y, Color color) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        series.add(new Series(label, x.clone(), y.clone(), color, true));
        return this;
    }

    /** Adds histogram bars: bar b spans [lower[b], lower[b] + width] in x and [0, heights[b]] in y. */
    public ScatterPlot bars(double[] lower, double width, double[] heights, Color color) {
        if (lower.length != heights.length || !(width > 0)) {
            throw new IllegalArgumentException("bars need one height per lower edge and a positive width");
        }
        bars.add(new Bars(lower.clone(), width, heights.clone(), color));
        return this;
    }

    /** Adds a dashed straight segment in data coordinates, named in the legend unless the label is empty. */
    public ScatterPlot line(double x0, double y0, double x1, double y1, Color color, String label) {
        lines.add(new Line(x0, y0, x1, y1, color, label));
        return this;
    }

    /** Adds a line of text under the legend, outside the data. */
    public ScatterPlot note(String text) {
        notes.add(text);
        return this;
    }

    /** A logarithmic x axis (decades): points at x <= 0 are left out, as are bars. */
    public ScatterPlot logX() {
        logX = true;
        return this;
    }

    /** A logarithmic y axis (decades): points at y <= 0 are left out, as are bars. */
    public ScatterPlot logY() {
        logY = true;
        return this;
    }

    /** Marker diameter in pixels. */
    public ScatterPlot markerSize(double pixels) {
        markerSize = pixels;
        return this;
    }

    /**
     * Renders at the given size: title on top, the plot, then below its x axis the legend (one entry per labelled
     * series and line) and the notes, so that neither covers data.
     */
    public BufferedImage render(int width, int height) {
        double[] r = range != null ? range : dataRange();
        if ((logX && !(r[0] > 0)) || (logY && !(r[2] > 0))) {
            throw new IllegalArgumentException("a logarithmic axis needs a positive range");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            FigureStyle.smooth(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Font font = FigureStyle.text();
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            Legend legend = legend();
            AxisTicks xTicks = new AxisTicks(r[0], r[1], logX);
            AxisTicks yTicks = new AxisTicks(r[2], r[3], logY);
            int tickWidth = 0;
            for (double v : yTicks.values) {
                tickWidth = Math.max(tickWidth, fm.stringWidth(yTicks.label(v)));
            }
            int left = fm.getHeight() + 18 + tickWidth;
            int right = 24;
            int top = FigureStyle.metrics(FigureStyle.title()).getHeight() + 16;
            int legendHeight = legend.height(width - left - right);
            int below = legendHeight + notes.size() * fm.getHeight();
            int bottom = fm.getHeight() * 2 + 24 + below;
            int pw = width - left - right;
            int ph = height - top - bottom;
            Frame f = new Frame(left, top, pw, ph, r, logX, logY);

            g.setColor(Color.BLACK);
            FigureStyle.centred(g, title, width / 2.0, top - 12 - fm.getDescent(), FigureStyle.title());
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.BLACK);
            for (double v : xTicks.minor) {
                int px = (int) Math.round(f.px(v));
                g.drawLine(px, top + ph, px, top + ph + 3);
            }
            for (double v : yTicks.minor) {
                int py = (int) Math.round(f.py(v));
                g.drawLine(left - 3, py, left, py);
            }
            for (double v : xTicks.values) {
                int px = (int) Math.round(f.px(v));
                g.setColor(new Color(230, 230, 230));
                g.drawLine(px, top, px, top + ph);
                g.setColor(Color.BLACK);
                g.drawLine(px, top + ph, px, top + ph + 5);
                drawCentered(g, xTicks.label(v), px, top + ph + 6 + fm.getAscent(), font);
            }
            for (double v : yTicks.values) {
                int py = (int) Math.round(f.py(v));
                g.setColor(new Color(230, 230, 230));
                g.drawLine(left, py, left + pw, py);
                g.setColor(Color.BLACK);
                g.drawLine(left - 5, py, left, py);
                String s = yTicks.label(v);
                g.drawString(s, left - 8 - fm.stringWidth(s), py + fm.getAscent() / 2 - 2);
            }
            g.setColor(Color.BLACK);
            g.drawRect(left, top, pw, ph);
            int xLabelBaseline = top + ph + 12 + fm.getHeight() + fm.getAscent();
            FigureStyle.centred(g, xLabel, left + pw / 2.0, xLabelBaseline, FigureStyle.label());
            FigureStyle.vertical(g, yLabel, fm.getAscent() + 4, top + ph / 2.0, FigureStyle.label(), false);

            g.setClip(left, top, pw + 1, ph + 1);
            for (Bars b : logX || logY ? List.<Bars>of() : bars) {
                for (int i = 0; i < b.lower.length; i++) {
                    double x0 = f.px(b.lower[i]);
                    double x1 = f.px(b.lower[i] + b.width);
                    double y0 = f.py(Math.max(0, b.heights[i]));
                    Rectangle2D bar = new Rectangle2D.Double(x0, y0, x1 - x0, f.py(0) - y0);
                    g.setColor(b.color);
                    g.fill(bar);
                    g.setColor(b.color.darker());
                    g.draw(bar);
                }
            }
            g.setStroke(dashed());
            for (Line l : lines) {
                if (!f.shows(l.x0, l.y0) || !f.shows(l.x1, l.y1)) {
                    continue;
                }
                g.setColor(l.color);
                g.draw(new Line2D.Double(f.px(l.x0), f.py(l.y0), f.px(l.x1), f.py(l.y1)));
            }
            for (Series s : series) {
                if (s.joined) {
                    drawCurve(g, f, s);
                    continue;
                }
                g.setStroke(new BasicStroke(1f));
                Color fill = new Color(s.color.getRed(), s.color.getGreen(), s.color.getBlue(), 150);
                for (int i = 0; i < s.x.length; i++) {
                    if (!f.shows(s.x[i], s.y[i])) {
                        continue;
                    }
                    Ellipse2D dot = new Ellipse2D.Double(f.px(s.x[i]) - markerSize / 2, f.py(s.y[i]) - markerSize / 2,
                            markerSize, markerSize);
                    g.setColor(fill);
                    g.fill(dot);
                }
            }
            g.setClip(null);
            int legendTop = xLabelBaseline + fm.getDescent() + 10;
            legend.draw(g, left, legendTop, width - left - right);
            g.setColor(Color.BLACK);
            g.setFont(font);
            int ty = legendTop + legendHeight + fm.getAscent();
            for (String note : notes) {
                g.drawString(note, left, ty);
                ty += fm.getHeight();
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private Legend legend() {
        Legend legend = new Legend();
        for (Series s : series) {
            if (s.label != null && !s.label.isEmpty()) {
                legend.add(s.label, s.joined ? Legend.Mark.LINE : Legend.Mark.DOT, s.color, null, 2.5f);
            }
        }
        for (Line l : lines) {
            if (l.label != null && !l.label.isEmpty()) {
                legend.add(l.label, Legend.Mark.DASHED, l.color, null, 1.5f);
            }
        }
        return legend;
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f);
    }

    private static void drawCurve(Graphics2D g, Frame f, Series s) {
        g.setColor(s.color);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double p = new Path2D.Double();
        boolean open = false;
        for (int i = 0; i < s.x.length; i++) {
            if (!f.shows(s.x[i], s.y[i])) {
                open = false;
                continue;
            }
            if (open) {
                p.lineTo(f.px(s.x[i]), f.py(s.y[i]));
            } else {
                p.moveTo(f.px(s.x[i]), f.py(s.y[i]));
                open = true;
            }
        }
        g.draw(p);
    }

    /** Renders and writes a PNG atomically. */
    public void writePng(Path file, int width, int height) {
        writePng(render(width, height), file);
    }

    static void writePng(BufferedImage image, Path file) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new java.io.IOException("no PNG writer available");
            }
        });
    }

    static void drawCentered(Graphics2D g, String text, int x, int baseline, Font font) {
        Font before = g.getFont();
        g.setFont(font);
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, baseline);
        g.setFont(before);
    }

    private double[] dataRange() {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i]) && (!logX || s.x[i] > 0) && (!logY || s.y[i] > 0)) {
                    xMin = Math.min(xMin, s.x[i]);
                    xMax = Math.max(xMax, s.x[i]);
                    yMin = Math.min(yMin, s.y[i]);
                    yMax = Math.max(yMax, s.y[i]);
                }
            }
        }
        for (Bars b : logX || logY ? List.<Bars>of() : bars) {
            for (int i = 0; i < b.lower.length; i++) {
                xMin = Math.min(xMin, b.lower[i]);
                xMax = Math.max(xMax, b.lower[i] + b.width);
                yMin = Math.min(yMin, 0);
                yMax = Math.max(yMax, b.heights[i]);
            }
        }
        if (xMin > xMax) {
            return new double[]{0, 1, 0, 1};
        }
        double[] x = logX ? padLog(xMin, xMax) : pad(xMin, xMax);
        double[] y = logY ? padLog(yMin, yMax) : pad(yMin, yMax);
        return new double[]{x[0], x[1], y[0], y[1]};
    }

    private static double[] pad(double lo, double hi) {
        double span = hi - lo;
        double margin = span > 0 ? 0.05 * span : Math.max(1e-9, Math.abs(lo) * 0.1 + 0.5);
        return new double[]{lo - margin, hi + margin};
    }

    /** Padding of a positive range on a log axis: 5 % of its decades on each side (a factor 2 when it is one value). */
    private static double[] padLog(double lo, double hi) {
        double[] p = pad(Math.log10(lo), Math.log10(hi));
        if (!(hi > lo)) {
            p = new double[]{Math.log10(lo) - 0.3, Math.log10(hi) + 0.3};
        }
        return new double[]{Math.pow(10, p[0]), Math.pow(10, p[1])};
    }

    /**
     * Labelled ticks and unlabelled minor ticks of one axis: on a linear axis nice steps; on a log axis the decades,
     * with 2 and 5 times them labelled too when fewer than three decades show, and the other integers as minor ticks.
     */
    private static final class AxisTicks {
        final double[] values;
        final double[] minor;
        private final double step;
        private final boolean log;
        /** Labels as powers of ten (10⁻⁴), when some decade would need more than 3 decimals or 5 digits. */
        private final boolean powers;

        AxisTicks(double lo, double hi, boolean log) {
            this.log = log;
            powers = log && (lo < 1e-3 * (1 - 1e-9) || hi >= 1e5);
            if (!log) {
                step = Ticks.step(lo, hi, 6);
                values = Ticks.values(lo, hi, step);
                minor = new double[0];
                return;
            }
            step = Double.NaN;
            List<Double> decades = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
                for (int m = 1; m <= 9; m++) {
                    double v = m * Math.pow(10, e);
                    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                        (m == 1 ? decades : all).add(v);
                    }
                }
            }
            List<Double> labelled = new ArrayList<>(decades);
            List<Double> rest = new ArrayList<>();
            for (double v : all) {
                double mantissa = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
                boolean twoOrFive = Math.abs(mantissa - 2) < 1e-6 || Math.abs(mantissa - 5) < 1e-6;
                (decades.size() < 3 && twoOrFive ? labelled : rest).add(v);
            }
            labelled.sort(null);
            values = labelled.stream().mapToDouble(Double::doubleValue).toArray();
            minor = rest.stream().mapToDouble(Double::doubleValue).toArray();
        }

        String label(double v) {
            if (!log) {
                return Ticks.label(v, step);
            }
            int exponent = (int) Math.floor(Math.log10(v) + 1e-9);
            if (!powers) {
                return Ticks.label(v, Math.pow(10, exponent));
            }
            long mantissa = Math.round(v / Math.pow(10, exponent));
            return (mantissa == 1 ? "" : mantissa + "×") + "10" + superscript(exponent);
        }

        private static String superscript(int exponent) {
            String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
            StringBuilder b = new StringBuilder(exponent < 0 ? "⁻" : "");
            for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
                b.append(digits.charAt(c - '0'));
            }
            return b.toString();
        }
    }

    /** Data to pixel mapping of the plot area, linear or logarithmic per axis. */
    private record Frame(int left, int top, int width, int height, double[] r, boolean logX, boolean logY) {
        double px(double x) {
            return left + fraction(x, r[0], r[1], logX) * width;
        }

        double py(double y) {
            return top + height - fraction(y, r[2], r[3], logY) * height;
        }

        /** Whether a point can be placed: finite, and positive on a log axis. */
        boolean shows(double x, double y) {
            return Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0);
        }

        private static double fraction(double v, double lo, double hi, boolean log) {
            return log ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
        }
    }
}

package io.github.mdxai.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A horizontal bar chart (one bar per labelled value, first value on top) with a value axis, ticks, axis label and
 * title, rendered headless into a {@link BufferedImage} and saved as PNG. Suits rankings such as feature importances.
 * Negative values extend to the left of zero.
 */
public final class BarChart {

    private final String title;
    private final String valueLabel;
    private final String[] labels;
    private final double[] values;
    private Color color = new Color(70, 110, 180);

    public BarChart(String title, String valueLabel, String[] labels, double[] values) {
        if (labels.length != values.length) {
            throw new IllegalArgumentException("labels and values differ in length");
        }
        this.title = title;
        this.valueLabel = valueLabel;
        this.labels = labels.clone();
        this.values = values.clone();
    }

    public BarChart color(Color barColor) {
        color = barColor;
        return this;
    }

    /** Renders at the given width; the height follows from the number of bars unless given (> 0). */
    public BufferedImage render(int width, int height) {
        Font font = FigureStyle.text();
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        pg.dispose();
        int row = fm.getHeight() + 6;
        int top = fm.getHeight() * 2 + 12;
        int bottom = fm.getHeight() * 3 + 10;
        int h = height > 0 ? height : top + bottom + row * Math.max(1, labels.length);
        int labelWidth = 0;
        for (String l : labels) {
            labelWidth = Math.max(labelWidth, fm.stringWidth(l));
        }
        int left = labelWidth + 16;
        int right = 24;
        int pw = Math.max(10, width - left - right);
        int ph = h - top - bottom;
        double lo = 0;
        double hi = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double step = Ticks.step(lo, hi, 5);
        lo = lo < 0 ? Math.floor(lo / step + 1e-9) * step : 0;
        hi = hi > 0 ? Math.ceil(hi / step - 1e-9) * step : 0;

        BufferedImage image = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            FigureStyle.smooth(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, h);
            g.setFont(font);
            g.setColor(Color.BLACK);
            // a title wider than the figure steps down to the label size rather than being cut
            Font titleFont = fm.stringWidth(title) * FigureStyle.TITLE / FigureStyle.TEXT > width - 16 ? FigureStyle.label()
                    : FigureStyle.title();
            ScatterPlot.drawCentered(g, title, width / 2, fm.getHeight() + 4, titleFont);
            for (double v : Ticks.values(lo, hi, step)) {
                int px = (int) Math.round(left + (v - lo) / (hi - lo) * pw);
                g.setColor(new Color(230, 230, 230));
                g.drawLine(px, top, px, top + ph);
                g.setColor(Color.BLACK);
                g.drawLine(px, top + ph, px, top + ph + 5);
                ScatterPlot.drawCentered(g, Ticks.label(v, step), px, top + ph + 6 + fm.getAscent(), font);
            }
            int zero = (int) Math.round(left + (0 - lo) / (hi - lo) * pw);
            double barHeight = (double) ph / Math.max(1, labels.length);
            for (int i = 0; i < labels.length; i++) {
                int y = (int) Math.round(top + i * barHeight);
                int bh = Math.max(1, (int) Math.round(barHeight * 0.75));
                if (Double.isFinite(values[i])) {
                    int px = (int) Math.round(left + (values[i] - lo) / (hi - lo) * pw);
                    g.setColor(color);
                    g.fillRect(Math.min(zero, px), y + (int) (barHeight * 0.125), Math.abs(px - zero), bh);
                }
                g.setColor(Color.BLACK);
                g.drawString(labels[i], left - 8 - fm.stringWidth(labels[i]),
                        (int) Math.round(y + barHeight / 2 + fm.getAscent() / 2.0 - 2));
            }
            g.setStroke(new BasicStroke(1f));
            g.drawRect(left, top, pw, ph);
            g.drawLine(zero, top, zero, top + ph);
            ScatterPlot.drawCentered(g, valueLabel, left + pw / 2, h - fm.getDescent() - 6, FigureStyle.label());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes a PNG atomically; height 0 sizes it to the bars. */
    public void writePng(Path file, int width, int height) {
        ScatterPlot.writePng(render(width, height), file);
    }
}

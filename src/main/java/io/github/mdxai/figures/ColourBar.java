package io.github.mdxai.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.IndexColorModel;

/**
 * A vertical colour bar: the colour map from {@code lo} (bottom) to {@code hi} (top), ticks with labels on its right
 * and the quantity with its unit written top to bottom beyond them. {@link #WIDTH} is the room it takes.
 */
public final class ColourBar {

    /** Width of the bar itself (pixels). */
    public static final int BAR = 22;
    /** Width of bar, tick labels and the rotated quantity label together (pixels). */
    public static final int WIDTH = 110;

    private ColourBar() {
    }

    /** Draws the bar with its top-left corner at (x, top) and the given height. */
    public static void draw(Graphics2D g, IndexColorModel lut, double lo, double hi, int x, int top, int height,
                            String label) {
        for (int y = 0; y < height; y++) {
            g.setColor(new Color(lut.getRGB(255 - (int) Math.round(y * 255.0 / Math.max(1, height - 1)))));
            g.fillRect(x, top + y, BAR, 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, top, BAR, height);
        g.setFont(FigureStyle.text());
        FontMetrics fm = g.getFontMetrics();
        double span = hi > lo ? hi - lo : 1;
        double step = Ticks.step(lo, lo + span, 5);
        for (double t : Ticks.values(lo, lo + span, step)) {
            int y = (int) Math.round(top + height - (t - lo) / span * height);
            g.drawLine(x + BAR, y, x + BAR + 4, y);
            g.drawString(Ticks.label(t, step), x + BAR + 7, y + fm.getAscent() / 2 - 2);
        }
        // read top to bottom, glyphs towards the right of the baseline
        int ascent = FigureStyle.metrics(FigureStyle.label()).getAscent();
        FigureStyle.vertical(g, label, x + WIDTH - ascent - 4, top + height / 2.0, FigureStyle.label(), true);
    }
}

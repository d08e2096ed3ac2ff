package io.github.mdxai.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A legend drawn outside the data (in a band the figure reserves for it): one entry per line type, point kind or
 * bar colour, each a small sample of the mark and its label, flowed left to right into as many rows as the width
 * needs. Figures ask {@link #height} for the band, then {@link #draw} into it.
 */
public final class Legend {

    /** How an entry's sample is drawn. */
    public enum Mark {
        /** A solid line of the entry's width. */
        LINE,
        /** A dashed line. */
        DASHED,
        /** A dark line with a light core (a path drawn over a colour map). */
        OUTLINED_LINE,
        /** A filled dot, outlined when an outline colour is given. */
        DOT,
        /** A filled square (bars, areas). */
        BOX,
        /** An x-shaped cross. */
        CROSS
    }

    private record Entry(String label, Mark mark, Color colour, Color outline, float width) {
    }

    private static final int SAMPLE = 30, AFTER_SAMPLE = 8, BETWEEN = 26, ROW_GAP = 6;

    private final List<Entry> entries = new ArrayList<>();

    /** An entry; {@code outline} may be null; {@code width} is the line width in pixels (lines only). */
    public Legend add(String label, Mark mark, Color colour, Color outline, float width) {
        entries.add(new Entry(label, mark, colour, outline, width));
        return this;
    }

    public Legend add(String label, Mark mark, Color colour) {
        return add(label, mark, colour, null, 2.5f);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Height of the band the legend fills at this width (0 when empty). */
    public int height(int width) {
        return layout(width, FigureStyle.metrics(FigureStyle.text())).rows * rowHeight();
    }

    /** Draws the legend with its top-left corner at (x, y), entries flowed within {@code width}. */
    public void draw(Graphics2D g, int x, int y, int width) {
        Font font = FigureStyle.text();
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        Layout layout = layout(width, fm);
        Stroke before = g.getStroke();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int ex = x + layout.x[i];
            int centre = y + layout.row[i] * rowHeight() + rowHeight() / 2 - ROW_GAP / 2;
            sample(g, e, ex, centre);
            g.setColor(Color.BLACK);
            g.drawString(e.label, ex + SAMPLE + AFTER_SAMPLE, centre + fm.getAscent() / 2 - 2);
        }
        g.setStroke(before);
    }

    private static int rowHeight() {
        return FigureStyle.metrics(FigureStyle.text()).getHeight() + ROW_GAP;
    }

    private record Layout(int[] x, int[] row, int rows) {
    }

    private Layout layout(int width, FontMetrics fm) {
        int[] xs = new int[entries.size()];
        int[] rows = new int[entries.size()];
        int cx = 0;
        int row = 0;
        for (int i = 0; i < entries.size(); i++) {
            int w = SAMPLE + AFTER_SAMPLE + fm.stringWidth(entries.get(i).label);
            if (cx > 0 && cx + w > width) {
                row++;
                cx = 0;
            }
            xs[i] = cx;
            rows[i] = row;
            cx += w + BETWEEN;
        }
        return new Layout(xs, rows, entries.isEmpty() ? 0 : row + 1);
    }

    private static void sample(Graphics2D g, Entry e, int x, int cy) {
        switch (e.mark) {
            case LINE -> {
                g.setColor(e.colour);
                g.setStroke(new BasicStroke(e.width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(x, cy, x + SAMPLE, cy));
            }
            case DASHED -> {
                g.setColor(e.colour);
                g.setStroke(new BasicStroke(e.width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[]{6f, 4f}, 0f));
                g.draw(new Line2D.Double(x, cy, x + SAMPLE, cy));
            }
            case OUTLINED_LINE -> {
                g.setColor(e.outline == null ? Color.BLACK : e.outline);
                // thin lines get a wide dark band, so that a white core reads as a white line on a dark map
                g.setStroke(new BasicStroke(Math.max(e.width + 2, 6f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(x + 2, cy, x + SAMPLE - 2, cy));
                g.setColor(e.colour);
                g.setStroke(new BasicStroke(e.width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(x + 2, cy, x + SAMPLE - 2, cy));
            }
            case DOT -> {
                Ellipse2D dot = new Ellipse2D.Double(x + SAMPLE / 2.0 - 5, cy - 5, 10, 10);
                g.setColor(e.colour);
                g.fill(dot);
                if (e.outline != null) {
                    g.setColor(e.outline);
                    g.setStroke(new BasicStroke(1f));
                    g.draw(dot);
                }
            }
            case BOX -> {
                g.setColor(e.colour);
                g.fillRect(x + 4, cy - 7, SAMPLE - 8, 14);
                if (e.outline != null) {
                    g.setColor(e.outline);
                    g.setStroke(new BasicStroke(1f));
                    g.drawRect(x + 4, cy - 7, SAMPLE - 8, 14);
                }
            }
            case CROSS -> {
                double c = x + SAMPLE / 2.0;
                g.setColor(e.outline == null ? Color.BLACK : e.outline);
                g.setStroke(new BasicStroke(e.width + 1.5f));
                g.draw(new Line2D.Double(c - 6, cy - 6, c + 6, cy + 6));
                g.draw(new Line2D.Double(c - 6, cy + 6, c + 6, cy - 6));
                g.setColor(e.colour);
                g.setStroke(new BasicStroke(e.width));
                g.draw(new Line2D.Double(c - 5, cy - 5, c + 5, cy + 5));
                g.draw(new Line2D.Double(c - 5, cy + 5, c + 5, cy - 5));
            }
        }
    }
}

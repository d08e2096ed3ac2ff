package io.github.mdxai.figures;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Fonts and text helpers shared by every figure, so that all of them read alike. Figures are meant to be shown at
 * one image pixel per CSS pixel (the report does): the smallest text, 15 px, is 11.25 pt at 96 dpi, the size a
 * journal asks for at 100 %.
 */
public final class FigureStyle {

    /** Tick labels, legends, notes: the smallest text in a figure (pixels). */
    public static final float TEXT = 15f;
    /** Axis labels (pixels). */
    public static final float LABEL = 16f;
    /** Titles, bold (pixels). */
    public static final float TITLE = 18f;

    private FigureStyle() {
    }

    public static Font text() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(TEXT);
    }

    public static Font label() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(LABEL);
    }

    public static Font title() {
        return new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(TITLE);
    }

    /** Antialiased shapes and text. */
    public static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Metrics of a font without a drawing surface at hand (e.g. to size a figure before drawing it). */
    public static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            smooth(g);
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    /** Text centred horizontally on x with its baseline at y, in the given font (the graphics' font is kept). */
    public static void centred(Graphics2D g, String text, double x, double baseline, Font font) {
        Font before = g.getFont();
        g.setFont(font);
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
        g.setFont(before);
    }

    /**
     * Text rotated a quarter turn, centred on y with its baseline at x: read bottom to top with the glyphs left of
     * the baseline (a y-axis label), or top to bottom with the glyphs right of it when {@code clockwise}.
     */
    public static void vertical(Graphics2D g, String text, double x, double y, Font font, boolean clockwise) {
        AffineTransform saved = g.getTransform();
        Font before = g.getFont();
        g.setFont(font);
        g.translate(x, y);
        g.rotate(clockwise ? Math.PI / 2 : -Math.PI / 2);
        g.drawString(text, -g.getFontMetrics().stringWidth(text) / 2f, 0f);
        g.setTransform(saved);
        g.setFont(before);
    }
}

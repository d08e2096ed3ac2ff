package io.github.mdxai.commands.host;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Overlay;
import ij.gui.Roi;
import io.github.mdxai.figures.ColourBar;
import io.github.mdxai.figures.FigureStyle;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.image.IndexColorModel;

/**
 * A colour bar in the top-right corner of an image window, drawn at screen resolution whatever the zoom (ImageJ's
 * Calibration Bar is drawn in image pixels, which at the 800-1600 % that small grids are shown at comes out as a black
 * box), from the image's current LUT and display range, so it follows Brightness/Contrast. Labelled with the value
 * name and unit and, when the display range was clipped, how ({@link Luts#DISPLAY_NOTE}).
 */
public final class ColourBarOverlay extends Roi {

    private static final int MARGIN = 8;
    private static final int PADDING = 6;
    private static final Color BACKGROUND = new Color(255, 255, 255, 225);

    private final ImagePlus image;
    private final String label;
    private final String note;

    private ColourBarOverlay(ImagePlus image, String label, String note) {
        super(0, 0, image.getWidth(), image.getHeight());
        this.image = image;
        this.label = label;
        this.note = note;
        setName("colour bar");
    }

    /** Adds the bar to the image's overlay (created if needed), not selectable, on every slice. */
    public static void add(ImagePlus imp) {
        Overlay overlay = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        overlay.add(new ColourBarOverlay(imp, Luts.valueLabel(imp), Luts.displayNote(imp)));
        overlay.selectable(false);
        imp.setOverlay(overlay);
    }

    /** Whether an image already carries one (a reopened window keeps its overlay). */
    public static boolean present(ImagePlus imp) {
        Overlay overlay = imp.getOverlay();
        if (overlay != null) {
            for (int i = 0; i < overlay.size(); i++) {
                if (overlay.get(i) instanceof ColourBarOverlay) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void draw(Graphics g) {
        ImageCanvas canvas = image.getCanvas();
        // only on this image's own window (not when flattened or drawn into another image)
        if (canvas == null || getImage() != image || !(image.getProcessor().getColorModel() instanceof IndexColorModel lut)) {
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            FigureStyle.smooth(g2);
            int noteWidth = note.isEmpty() ? 0 : FigureStyle.metrics(FigureStyle.text()).getHeight();
            int width = ColourBar.WIDTH + noteWidth + 2 * PADDING;
            // as tall as its labels need (at least 180 px), so that it covers little of the image
            int text = Math.max(FigureStyle.metrics(FigureStyle.label()).stringWidth(label),
                    FigureStyle.metrics(FigureStyle.text()).stringWidth(note));
            int height = Math.max(80, Math.min(canvas.getHeight() - 2 * MARGIN - 2 * PADDING, Math.max(180, text + 16)));
            int x = canvas.getWidth() - MARGIN - width;
            int top = MARGIN;
            g2.setColor(BACKGROUND);
            g2.fillRect(x, top, width, height + 2 * PADDING);
            g2.setColor(Color.GRAY);
            g2.drawRect(x, top, width, height + 2 * PADDING);
            double lo = image.getDisplayRangeMin();
            double hi = image.getDisplayRangeMax();
            ColourBar.draw(g2, lut, lo, hi, x + PADDING, top + PADDING, height, label);
            if (!note.isEmpty()) {
                g2.setColor(Color.DARK_GRAY);
                FigureStyle.vertical(g2, note, x + PADDING + ColourBar.WIDTH + 2, top + PADDING + height / 2.0,
                        FigureStyle.text(), true);
            }
        } finally {
            g2.dispose();
        }
    }
}

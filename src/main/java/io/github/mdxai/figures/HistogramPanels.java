package io.github.mdxai.figures;

import io.github.mdxai.util.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Histograms side by side on one shared y scale (e.g. committor histograms of several dividing surfaces): per panel,
 * bars of the measured fraction per bin over [xMin, xMax], a reference drawn as a step line (e.g. what binomial noise
 * alone would give), a title and a few lines of numbers; one legend and common axis labels with units. Headless
 * java.awt; configure with {@link #panel}, then {@link #writePng}.
 */
public final class HistogramPanels {

    private static final int PANEL_W = 360, PANEL_H = 300, LEFT = 78, GAP = 36, BOTTOM = 150, RIGHT = 48;
    /** Room for a panel title between the legend and the panels (pixels). */
    private static final int TITLE_BAND = 36;
    private static final Color BAR = new Color(70, 110, 180);
    private static final Color REFERENCE = new Color(230, 120, 20);

    private record Panel(String title, double[] fractions, double[] reference, List<String> notes) {
    }

    private final String xLabel;
    private final String yLabel;
    private final String barLegend;
    private final String referenceLegend;
    private final double xMin;
    private final double xMax;
    private final List<Panel> panels = new ArrayList<>();

    public HistogramPanels(String xLabel, String yLabel, double xMin, double xMax, String barLegend, String referenceLegend) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xMin = xMin;
        this.xMax = xMax;
        this.barLegend = barLegend;
        this.referenceLegend = referenceLegend;
    }

    /** A panel: fractions per equal-width bin, the reference per bin (or null), lines of numbers under the axis. */
    public HistogramPanels panel(String title, double[] fractions, double[] reference, List<String> notes) {
        panels.add(new Panel(title, fractions.clone(), reference == null ? null : reference.clone(), List.copyOf(notes)));
        return this;
    }

    public BufferedImage render() {
        int count = Math.max(1, panels.size());
        int width = LEFT + count * PANEL_W + (count - 1) * GAP + RIGHT;
        Legend legend = legend();
        // the legend may wrap into two rows on a single narrow panel: the panels start below it
        int top = 10 + legend.height(width - LEFT - RIGHT) + TITLE_BAND;
        int height = top + PANEL_H + BOTTOM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        FigureStyle.smooth(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double yMax = 0;
        for (Panel p : panels) {
            for (double f : p.fractions()) {
                yMax = Math.max(yMax, f);
            }
            if (p.reference() != null) {
                for (double f : p.reference()) {
                    yMax = Math.max(yMax, f);
                }
            }
        }
        yMax = yMax > 0 ? yMax * 1.08 : 1;
        for (int k = 0; k < panels.size(); k++) {
            drawPanel(g, panels.get(k), LEFT + k * (PANEL_W + GAP), top, yMax, k == 0);
        }
        legend.draw(g, LEFT, 10, width - LEFT - RIGHT);
        g.dispose();
        return image;
    }

    public void writePng(Path target) {
        BufferedImage image = render();
        AtomicFiles.write(target, out -> ImageIO.write(image, "png", out));
    }

    private void drawPanel(Graphics2D g, Panel p, int x0, int top, double yMax, boolean first) {
        int bins = p.fractions().length;
        double binW = (double) PANEL_W / bins;
        g.setColor(BAR);
        for (int b = 0; b < bins; b++) {
            int h = (int) Math.round(p.fractions()[b] / yMax * PANEL_H);
            g.fillRect((int) Math.round(x0 + b * binW) + 1, top + PANEL_H - h, (int) Math.round(binW) - 2, h);
        }
        if (p.reference() != null) {
            Path2D.Double step = new Path2D.Double();
            for (int b = 0; b < bins; b++) {
                double y = top + PANEL_H - p.reference()[b] / yMax * PANEL_H;
                if (b == 0) {
                    step.moveTo(x0, y);
                } else {
                    step.lineTo(x0 + b * binW, y);
                }
                step.lineTo(x0 + (b + 1) * binW, y);
            }
            g.setColor(REFERENCE);
            g.setStroke(new BasicStroke(2.2f));
            g.draw(step);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, top, PANEL_W, PANEL_H);
        g.setFont(FigureStyle.text());
        FontMetrics fm = g.getFontMetrics();
        for (double t : SurfacePlot.ticks(xMin, xMax)) {
            int x = (int) Math.round(x0 + (t - xMin) / (xMax - xMin) * PANEL_W);
            g.drawLine(x, top + PANEL_H, x, top + PANEL_H + 5);
            String s = SurfacePlot.label(t);
            g.drawString(s, x - fm.stringWidth(s) / 2, top + PANEL_H + 20);
        }
        for (double t : SurfacePlot.ticks(0, yMax)) {
            int y = (int) Math.round(top + PANEL_H - t / yMax * PANEL_H);
            g.drawLine(x0 - 5, y, x0, y);
            if (first) {
                String s = SurfacePlot.label(t);
                g.drawString(s, x0 - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
            }
        }
        g.setFont(FigureStyle.label());
        fm = g.getFontMetrics();
        g.drawString(xLabel, x0 + PANEL_W / 2 - fm.stringWidth(xLabel) / 2, top + PANEL_H + 42);
        if (first) {
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, -(top + PANEL_H / 2) - fm.stringWidth(yLabel) / 2, x0 - 52);
            g.setTransform(saved);
        }
        g.setFont(FigureStyle.title());
        fm = g.getFontMetrics();
        g.drawString(p.title(), x0 + PANEL_W / 2 - fm.stringWidth(p.title()) / 2, top - 10);
        g.setFont(FigureStyle.text());
        fm = g.getFontMetrics();
        int y = top + PANEL_H + 64;
        for (String line : p.notes()) {
            g.drawString(line, x0, y);
            y += fm.getHeight();
        }
    }

    private Legend legend() {
        return new Legend().add(barLegend, Legend.Mark.BOX, BAR).add(referenceLegend, Legend.Mark.LINE, REFERENCE, null, 2.2f);
    }
}

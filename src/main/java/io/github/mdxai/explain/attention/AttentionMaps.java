package io.github.mdxai.explain.attention;

import io.github.mdxai.figures.ColourBar;
import io.github.mdxai.figures.ColourMaps;
import io.github.mdxai.figures.FigureStyle;
import io.github.mdxai.figures.Ticks;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.learn.graph.ParticleGraph;
import io.github.mdxai.util.InputException;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/** Attention as pictures: a voxel stack of the box, a slab of discs with a colour bar, attention-q6 histogram. */
public final class AttentionMaps {

    private AttentionMaps() {
    }

    /** A 3D float stack, x fastest, voxel edge {@code voxel} (sigma), origin at the box's lower corner. */
    public record VoxelStack(int nx, int ny, int nz, double voxel, float[] data) {
    }

    /**
     * Fills each voxel with the value of the particle nearest to its centre (minimum image), i.e. paints each
     * particle's Voronoi cell; voxels farther than {@code reach} from every particle stay 0.
     */
    public static VoxelStack voxels(ParticleGraph g, double[] values, double voxel, double reach) {
        InputException.require(voxel > 0 && reach > 0, "voxel size and reach must be positive");
        double[] box = g.box();
        int nx = (int) Math.ceil(box[0] / voxel);
        int ny = (int) Math.ceil(box[1] / voxel);
        int nz = (int) Math.ceil(box[2] / voxel);
        InputException.require((long) nx * ny * nz <= 256L << 20, "voxel grid too large; use larger voxels");
        float[] data = new float[nx * ny * nz];
        float[] best = new float[data.length];
        Arrays.fill(best, Float.POSITIVE_INFINITY);
        int span = (int) Math.ceil(reach / voxel);
        int[] dims = {nx, ny, nz};
        for (int i = 0; i < g.nodeCount(); i++) {
            int[] c = new int[3];
            double[] p = new double[3];
            for (int d = 0; d < 3; d++) {
                p[d] = wrap(g.positions()[3 * i + d], box[d]);
                c[d] = (int) Math.floor(p[d] / voxel);
            }
            for (int dz = -span; dz <= span; dz++) {
                int z = Math.floorMod(c[2] + dz, nz);
                double rz = minimumImage((z + 0.5) * voxel - p[2], box[2]);
                for (int dy = -span; dy <= span; dy++) {
                    int y = Math.floorMod(c[1] + dy, ny);
                    double ry = minimumImage((y + 0.5) * voxel - p[1], box[1]);
                    for (int dx = -span; dx <= span; dx++) {
                        int x = Math.floorMod(c[0] + dx, nx);
                        double rx = minimumImage((x + 0.5) * voxel - p[0], box[0]);
                        float r2 = (float) (rx * rx + ry * ry + rz * rz);
                        int k = x + dims[0] * (y + dims[1] * z);
                        if (r2 <= reach * reach && r2 < best[k]) {
                            best[k] = r2;
                            data[k] = (float) values[i];
                        }
                    }
                }
            }
        }
        return new VoxelStack(nx, ny, nz, voxel, data);
    }

    /**
     * Particles whose z lies within {@code thickness/2} of {@code zCentre}, drawn as discs of radius
     * {@code radius[type]} (sigma) coloured by value on a viridis scale from vmin to vmax: a title naming the slab,
     * the box outline, a colour bar labelled {@code label}, and under the box a scale bar (length in sigma) and a
     * species key (disc size per type, types named A, B, ...).
     */
    public static BufferedImage slab(ParticleGraph g, double[] values, double zCentre, double thickness,
                                     double[] radius, int pixelsPerSigma, double vmin, double vmax, String label) {
        InputException.require(thickness > 0 && pixelsPerSigma >= 4, "slab thickness > 0 and >= 4 pixels/sigma");
        double[] box = g.box();
        int w = (int) Math.ceil(box[0] * pixelsPerSigma);
        int h = (int) Math.ceil(box[1] * pixelsPerSigma);
        int left = 20;
        int top = 56;
        String subtitle = String.format(Locale.ROOT, "slab %.2g sigma thick at z = %.3g sigma, seen along z", thickness, zCentre);
        int content = Math.max(w, Math.max(FigureStyle.metrics(FigureStyle.text()).stringWidth(subtitle),
                speciesKeyWidth(radius, pixelsPerSigma)));
        double maxRadius = Arrays.stream(radius).max().orElse(0.5) * pixelsPerSigma;
        int scaleRow = top + h + 26;
        int speciesRow = (int) Math.round(scaleRow + 22 + maxRadius);
        int width = left + content + 25 + ColourBar.WIDTH;
        int height = (int) Math.round(speciesRow + maxRadius + 12);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        FigureStyle.smooth(gr);
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, width, height);
        double span = vmax > vmin ? vmax - vmin : 1;
        IndexColorModel lut = ColourMaps.viridis();
        Integer[] inSlab = IntStream.range(0, g.nodeCount())
                .filter(i -> Math.abs(minimumImage(g.positions()[3 * i + 2] - zCentre, box[2])) <= thickness / 2)
                .boxed().toArray(Integer[]::new);
        // farther (lower z) discs first, so nearer ones overlap them
        Arrays.sort(inSlab, Comparator.comparingDouble(i -> minimumImage(g.positions()[3 * i + 2] - zCentre,
                box[2])));
        gr.setClip(left, top, w, h);
        gr.setStroke(new BasicStroke(1f));
        for (int i : inSlab) {
            double x = left + wrap(g.positions()[3 * i], box[0]) * pixelsPerSigma;
            double y = top + (box[1] - wrap(g.positions()[3 * i + 1], box[1])) * pixelsPerSigma;
            double r = radius[g.types()[i]] * pixelsPerSigma;
            Ellipse2D disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            gr.setColor(new Color(lut.getRGB(colourIndex((values[i] - vmin) / span))));
            gr.fill(disc);
            gr.setColor(Color.DARK_GRAY);
            gr.draw(disc);
        }
        gr.setClip(null);
        gr.setColor(Color.BLACK);
        gr.drawRect(left, top, w, h);
        FigureStyle.centred(gr, "Attention per particle", left + content / 2.0, 22, FigureStyle.title());
        FigureStyle.centred(gr, subtitle, left + content / 2.0, 44, FigureStyle.text());
        ColourBar.draw(gr, lut, vmin, vmin + span, left + content + 25, top, h, label);
        drawScaleBar(gr, left, scaleRow, pixelsPerSigma, box[0]);
        drawSpeciesKey(gr, left, speciesRow, radius, pixelsPerSigma);
        gr.dispose();
        return img;
    }

    /** A black bar of a round length (1, 2 or 5 x 10^k sigma, about a quarter of the box) with its length. */
    private static void drawScaleBar(Graphics2D g, int x, int y, int pixelsPerSigma, double boxLength) {
        double length = Ticks.step(0, boxLength, 4);
        int pixels = (int) Math.round(length * pixelsPerSigma);
        g.setColor(Color.BLACK);
        g.fillRect(x, y - 4, pixels, 8);
        g.setFont(FigureStyle.text());
        String text = Ticks.label(length, length) + " sigma";
        g.drawString(text, x + pixels + 8, y + g.getFontMetrics().getAscent() / 2 - 2);
    }

    private static String speciesName(int type, double radius) {
        return String.format(Locale.ROOT, "%s (radius %.2g sigma)", (char) ('A' + type), radius);
    }

    private static int speciesKeyWidth(double[] radius, int pixelsPerSigma) {
        FontMetrics fm = FigureStyle.metrics(FigureStyle.text());
        int width = 0;
        for (int t = 0; t < radius.length; t++) {
            width += (int) Math.round(2 * radius[t] * pixelsPerSigma + 12 + fm.stringWidth(speciesName(t, radius[t])) + 18);
        }
        return width;
    }

    /** One grey disc per species at its drawn size, named A, B, ... with its radius. */
    private static void drawSpeciesKey(Graphics2D g, int x, int y, double[] radius, int pixelsPerSigma) {
        g.setFont(FigureStyle.text());
        int cx = x;
        for (int t = 0; t < radius.length; t++) {
            double r = radius[t] * pixelsPerSigma;
            Ellipse2D disc = new Ellipse2D.Double(cx, y - r, 2 * r, 2 * r);
            g.setColor(new Color(200, 200, 200));
            g.fill(disc);
            g.setColor(Color.DARK_GRAY);
            g.draw(disc);
            g.setColor(Color.BLACK);
            String name = speciesName(t, radius[t]);
            g.drawString(name, (float) (cx + 2 * r + 6), y + g.getFontMetrics().getAscent() / 2f - 2);
            cx += (int) Math.round(2 * r + 12 + g.getFontMetrics().stringWidth(name) + 18);
        }
    }

    private static int colourIndex(double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        return (int) Math.round(f * 255);
    }

    /** Counts of particles in bins of (x, y), e.g. attention on x and q6 on y, stored like every Grid2D. */
    public static Grid2D histogram(double[] x, double[] y, String xName, String yName, int bins) {
        InputException.require(x.length == y.length && x.length > 0, "histogram needs equal, non-empty columns");
        Axis ax = Axis.spanning(xName, "", min(x), nextUp(max(x)), bins);
        Axis ay = Axis.spanning(yName, "", min(y), nextUp(max(y)), bins);
        float[] counts = new float[bins * bins];
        for (int k = 0; k < x.length; k++) {
            int i = ax.bin(x[k]);
            int j = ay.bin(y[k]);
            if (i >= 0 && j >= 0) {
                counts[i + bins * (bins - 1 - j)]++; // Grid2D rows run top-down: the first row is the highest y bin
            }
        }
        return new Grid2D(ax, ay, "particles", "count", counts);
    }

    private static double nextUp(double v) {
        return v + Math.max(1e-9, Math.abs(v) * 1e-9);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(1);
    }

    private static double wrap(double x, double length) {
        double u = x - length * Math.floor(x / length);
        return u >= length ? 0 : u;
    }

    private static double minimumImage(double d, double length) {
        return d - length * Math.rint(d / length);
    }
}

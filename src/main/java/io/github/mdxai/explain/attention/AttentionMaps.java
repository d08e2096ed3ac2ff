package io.github.mdxai.explain.attention;

import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.learn.graph.ParticleGraph;
import io.github.mdxai.util.InputException;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
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
     * {@code radius[type]} (sigma) coloured by value on a viridis scale from vmin to vmax, with a labelled colour bar.
     */
    public static BufferedImage slab(ParticleGraph g, double[] values, double zCentre, double thickness,
                                     double[] radius, int pixelsPerSigma, double vmin, double vmax, String label) {
        InputException.require(thickness > 0 && pixelsPerSigma >= 4, "slab thickness > 0 and >= 4 pixels/sigma");
        double[] box = g.box();
        int w = (int) Math.ceil(box[0] * pixelsPerSigma);
        int h = (int) Math.ceil(box[1] * pixelsPerSigma);
        int bar = 90;
        BufferedImage img = new BufferedImage(w + bar, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, w + bar, h);
        double span = vmax > vmin ? vmax - vmin : 1;
        Integer[] inSlab = IntStream.range(0, g.nodeCount())
                .filter(i -> Math.abs(minimumImage(g.positions()[3 * i + 2] - zCentre, box[2])) <= thickness / 2)
                .boxed().toArray(Integer[]::new);
        // farther (lower z) discs first, so nearer ones overlap them
        Arrays.sort(inSlab, Comparator.comparingDouble(i -> minimumImage(g.positions()[3 * i + 2] - zCentre,
                box[2])));
        gr.setStroke(new BasicStroke(1f));
        for (int i : inSlab) {
            double x = wrap(g.positions()[3 * i], box[0]) * pixelsPerSigma;
            double y = (box[1] - wrap(g.positions()[3 * i + 1], box[1])) * pixelsPerSigma;
            double r = radius[g.types()[i]] * pixelsPerSigma;
            Ellipse2D disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            gr.setColor(viridis((values[i] - vmin) / span));
            gr.fill(disc);
            gr.setColor(Color.DARK_GRAY);
            gr.draw(disc);
        }
        int barTop = 20;
        int barHeight = h - 40;
        for (int k = 0; k < barHeight; k++) {
            gr.setColor(viridis(1 - k / (double) (barHeight - 1)));
            gr.fillRect(w + 12, barTop + k, 20, 1);
        }
        gr.setColor(Color.BLACK);
        gr.drawRect(w + 12, barTop, 20, barHeight);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        gr.drawString(String.format(Locale.ROOT, "%.3g", vmax), w + 36, barTop + 8);
        gr.drawString(String.format(Locale.ROOT, "%.3g", vmin), w + 36, barTop + barHeight);
        gr.drawString(label, w + 4, barTop - 6);
        gr.dispose();
        return img;
    }

    /** Counts of particles in bins of (x, y): e.g. attention on x and q6 on y. */
    public static Grid2D histogram(double[] x, double[] y, String xName, String yName, int bins) {
        InputException.require(x.length == y.length && x.length > 0, "histogram needs equal, non-empty columns");
        Axis ax = Axis.spanning(xName, "", min(x), nextUp(max(x)), bins);
        Axis ay = Axis.spanning(yName, "", min(y), nextUp(max(y)), bins);
        float[] counts = new float[bins * bins];
        for (int k = 0; k < x.length; k++) {
            int i = ax.bin(x[k]);
            int j = ay.bin(y[k]);
            if (i >= 0 && j >= 0) {
                counts[i + bins * j]++;
            }
        }
        return new Grid2D(ax, ay, "particles", "count", counts);
    }

    private static double nextUp(double v) {
        return v + Math.max(1e-9, Math.abs(v) * 1e-9);
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(1);
    }

    private static double wrap(double x, double length) {
        double u = x - length * Math.floor(x / length);
        return u >= length ? 0 : u;
    }

    private static double minimumImage(double d, double length) {
        return d - length * Math.rint(d / length);
    }

    private static final float[][] VIRIDIS = {
            {0.267f, 0.005f, 0.329f}, {0.283f, 0.141f, 0.458f}, {0.254f, 0.265f, 0.530f}, {0.207f, 0.372f, 0.553f},
            {0.164f, 0.471f, 0.558f}, {0.128f, 0.567f, 0.551f}, {0.135f, 0.659f, 0.518f}, {0.267f, 0.749f, 0.441f},
            {0.478f, 0.821f, 0.318f}, {0.741f, 0.873f, 0.150f}, {0.993f, 0.906f, 0.144f}};

    /** Viridis colour of a fraction in [0, 1] (clamped), by linear interpolation of 11 stops. */
    static Color viridis(double f) {
        double t = Math.max(0, Math.min(1, Double.isNaN(f) ? 0 : f)) * (VIRIDIS.length - 1);
        int k = Math.min(VIRIDIS.length - 2, (int) t);
        float u = (float) (t - k);
        float[] a = VIRIDIS[k];
        float[] b = VIRIDIS[k + 1];
        return new Color(a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1]), a[2] + u * (b[2] - a[2]));
    }
}

package io.github.mdxai.explain;

import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.learn.CommittorModel;
import io.github.mdxai.sampling.FreeEnergy;
import io.github.mdxai.sampling.MinimumFreeEnergyPath;
import io.github.mdxai.sampling.Reweighting;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Percentiles;

import java.util.List;

/**
 * The free energy in two features (e.g. the two distances an explained network names) from reweighted frames, with
 * what the committor says on it: the mean model p_B per bin (its 0.5 level is the network's dividing line projected
 * on the two features), the minimum free-energy path between the two states' basins, and how close configurations
 * with p_B near 0.5 lie to that path's saddle compared with configurations committed to A or B.
 */
public final class CommittorLandscape {

    private CommittorLandscape() {
    }

    /** Frames of a reweighted run: the two features, weights, which state each frame is in, and optional model p_B. */
    public record Frames(double[] x, double[] y, double[] weights, boolean[] inA, boolean[] inB, double[] modelPB) {

        /**
         * The given rows of a COLVAR table: features {@code x} and {@code y} (named with or without unit suffix), the
         * weight column, membership of states A and B by their CVs' columns, and the model's p_B when a model is given.
         */
        public static Frames fromColvar(CsvTable colvar, int[] rows, String x, String y, String weights,
                                        StateRegion a, StateRegion b, CommittorModel model) {
            double[] modelPB = null;
            if (model != null) {
                double[][] all = model.featuresOf(colvar);
                double[][] selected = new double[rows.length][];
                for (int k = 0; k < rows.length; k++) {
                    selected[k] = all[rows[k]];
                }
                double[] q = model.q(selected);
                modelPB = new double[q.length];
                for (int k = 0; k < q.length; k++) {
                    modelPB[k] = CommittorModel.pB(q[k]);
                }
            }
            return new Frames(select(colvar, x, rows), select(colvar, y, rows), select(colvar, weights, rows),
                    membership(colvar, rows, a), membership(colvar, rows, b), modelPB);
        }

        private static double[] select(CsvTable table, String column, int[] rows) {
            return Reweighting.select(table.column(table.columns().get(table.columnIndexAnyUnit(column))), rows);
        }

        private static boolean[] membership(CsvTable colvar, int[] rows, StateRegion region) {
            List<String> cvs = region.cvNames();
            double[][] values = new double[cvs.size()][];
            for (int c = 0; c < cvs.size(); c++) {
                values[c] = colvar.column(colvar.columns().get(colvar.columnIndexAnyUnit(cvs.get(c))));
            }
            boolean[] in = new boolean[rows.length];
            double[] point = new double[cvs.size()];
            for (int k = 0; k < rows.length; k++) {
                for (int c = 0; c < point.length; c++) {
                    point[c] = values[c][rows[k]];
                }
                in[k] = region.contains(point);
            }
            return in;
        }
    }

    /** Committor configurations: the two features and the measured p_B. */
    public record Points(double[] x, double[] y, double[] pB) {

        /** Columns x and y (with or without unit suffix) and pB of a committor dataset such as features.csv. */
        public static Points of(CsvTable dataset, String x, String y) {
            return new Points(dataset.column(dataset.columns().get(dataset.columnIndexAnyUnit(x))),
                    dataset.column(dataset.columns().get(dataset.columnIndexAnyUnit(y))), dataset.column("pB"));
        }
    }

    /**
     * Distances to the saddle along the minimum free-energy path, as a fraction of the path's length (0 = level with
     * the saddle), as medians over configurations with 0.4 < p_B < 0.6 ("mid"), p_B < 0.1 ("A") and p_B > 0.9 ("B").
     */
    public record SaddleProximity(double medianMid, int countMid, double medianA, int countA, double medianB, int countB) {
    }

    public record Result(Grid2D freeEnergy, Grid2D meanModelPB, MinimumFreeEnergyPath.Path path, SaddleProximity proximity) {
    }

    public static Result compute(Frames frames, Points points, Axis ax, Axis ay, double temperature) {
        Grid2D f = FreeEnergy.surface(frames.x(), frames.y(), frames.weights(), ax, ay, temperature);
        Grid2D meanPB = frames.modelPB() == null ? null : weightedMean(frames, ax, ay);
        MinimumFreeEnergyPath.Path path = basinPath(f, frames, ax, ay);
        SaddleProximity proximity = path == null || points == null ? null : proximity(points, path, ax, ay);
        return new Result(f, meanPB, path, proximity);
    }

    /** Fewest frames in a bin's 3 x 3 neighbourhood for its mean model p_B to be shown. */
    static final int MIN_FRAMES = 10;

    /**
     * Per bin, the weighted mean of the model's p_B over the frames in the bin and its eight neighbours (a light
     * smoothing, so that the 0.5 level is not drawn around single frames); NaN where fewer than {@link #MIN_FRAMES}.
     */
    static Grid2D weightedMean(Frames frames, Axis ax, Axis ay) {
        int nx = ax.bins();
        int ny = ay.bins();
        double[] sum = new double[nx * ny];
        double[] weight = new double[sum.length];
        int[] count = new int[sum.length];
        for (int i = 0; i < frames.x().length; i++) {
            int ix = ax.bin(frames.x()[i]);
            int iy = ay.bin(frames.y()[i]);
            if (ix >= 0 && iy >= 0) {
                sum[iy * nx + ix] += frames.weights()[i] * frames.modelPB()[i];
                weight[iy * nx + ix] += frames.weights()[i];
                count[iy * nx + ix]++;
            }
        }
        Grid2D g = new Grid2D(ax, ay, "pB", "", new float[sum.length]);
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                double s = 0;
                double w = 0;
                int n = 0;
                for (int jy = Math.max(0, iy - 1); jy <= Math.min(ny - 1, iy + 1); jy++) {
                    for (int jx = Math.max(0, ix - 1); jx <= Math.min(nx - 1, ix + 1); jx++) {
                        s += sum[jy * nx + jx];
                        w += weight[jy * nx + jx];
                        n += count[jy * nx + jx];
                    }
                }
                g.set(ix, iy, n >= MIN_FRAMES && w > 0 ? (float) (s / w) : Float.NaN);
            }
        }
        return g;
    }

    /**
     * The minimum free-energy path from the lowest bin dominated by state-A frames to the lowest bin dominated by
     * state-B frames; null when either state has no frames inside the axes or no sampled bins join the two.
     */
    static MinimumFreeEnergyPath.Path basinPath(Grid2D f, Frames frames, Axis ax, Axis ay) {
        int n = ax.bins() * ay.bins();
        double[] weightA = new double[n];
        double[] weightB = new double[n];
        for (int i = 0; i < frames.x().length; i++) {
            int ix = ax.bin(frames.x()[i]);
            int iy = ay.bin(frames.y()[i]);
            if (ix >= 0 && iy >= 0) {
                if (frames.inA()[i]) {
                    weightA[iy * ax.bins() + ix] += frames.weights()[i];
                } else if (frames.inB()[i]) {
                    weightB[iy * ax.bins() + ix] += frames.weights()[i];
                }
            }
        }
        int minA = lowest(f, weightA, weightB);
        int minB = lowest(f, weightB, weightA);
        if (minA < 0 || minB < 0 || minA == minB) {
            return null;
        }
        try {
            return MinimumFreeEnergyPath.find(f, box("A", minA, ax, ay), box("B", minB, ax, ay));
        } catch (InputException noPath) {
            return null;
        }
    }

    private static int lowest(Grid2D f, double[] mine, double[] other) {
        int best = -1;
        double bestF = Double.POSITIVE_INFINITY;
        for (int k = 0; k < mine.length; k++) {
            float v = f.get(k % f.x().bins(), k / f.x().bins());
            if (mine[k] > other[k] && Float.isFinite(v) && v < bestF) {
                bestF = v;
                best = k;
            }
        }
        return best;
    }

    private static StateRegion box(String name, int bin, Axis ax, Axis ay) {
        double cx = ax.center(bin % ax.bins());
        double cy = ay.center(bin / ax.bins());
        return new StateRegion(name, List.of(bound(ax, cx), bound(ay, cy)));
    }

    private static StateRegion.Bound bound(Axis axis, double centre) {
        InputException.require(axis.unit().equals("nm") || axis.unit().equals("deg"),
                "feature " + axis.name() + " has unit '" + axis.unit() + "'; the basin path needs nm or deg");
        return new StateRegion.Bound(axis.name(), axis.unit(), centre - 0.5 * axis.step(), centre + 0.5 * axis.step());
    }

    /**
     * Each configuration is placed on the path by its nearest path point (axes scaled by their spans), giving its
     * progress s in [0, 1] by arc length; the distance to the saddle is |s - s_saddle|.
     */
    static SaddleProximity proximity(Points points, MinimumFreeEnergyPath.Path path, Axis ax, Axis ay) {
        double spanX = ax.bins() * ax.step();
        double spanY = ay.bins() * ay.step();
        int m = path.x().length;
        double[] arc = new double[m];
        for (int k = 1; k < m; k++) {
            arc[k] = arc[k - 1] + Math.hypot((path.x()[k] - path.x()[k - 1]) / spanX, (path.y()[k] - path.y()[k - 1]) / spanY);
        }
        double length = arc[m - 1] > 0 ? arc[m - 1] : 1;
        double saddle = arc[path.saddleIndex()] / length;
        double[] mid = new double[points.pB().length];
        double[] a = new double[mid.length];
        double[] b = new double[mid.length];
        int nMid = 0;
        int nA = 0;
        int nB = 0;
        for (int i = 0; i < mid.length; i++) {
            int nearest = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                double d = Math.hypot((points.x()[i] - path.x()[k]) / spanX, (points.y()[i] - path.y()[k]) / spanY);
                if (d < best) {
                    best = d;
                    nearest = k;
                }
            }
            double d = Math.abs(arc[nearest] / length - saddle);
            double p = points.pB()[i];
            if (p > 0.4 && p < 0.6) {
                mid[nMid++] = d;
            } else if (p < 0.1) {
                a[nA++] = d;
            } else if (p > 0.9) {
                b[nB++] = d;
            }
        }
        return new SaddleProximity(median(mid, nMid), nMid, median(a, nA), nA, median(b, nB), nB);
    }

    private static double median(double[] values, int n) {
        return Percentiles.of(values, n, 50);
    }
}

package io.github.mdxai.figures;

import io.github.mdxai.grid.Grid2D;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The level set {@code field = level} of a grid as polylines in axis units: marching squares over the bin centres
 * (squares with a NaN corner are skipped, so NaN bins cut the line), with the segments joined end to end into as few
 * polylines as the level set has pieces. A closed loop repeats its first point at the end.
 */
public final class LevelLines {

    private LevelLines() {
    }

    /** The pieces of the level line, each as {x[], y[]}, longest first. */
    public static List<double[][]> of(Grid2D field, double level) {
        int nx = field.x().bins();
        int ny = field.y().bins();
        List<long[]> segments = new ArrayList<>();
        double[] cv = new double[4];
        for (int iy = 0; iy + 1 < ny; iy++) {
            for (int ix = 0; ix + 1 < nx; ix++) {
                cv[0] = field.get(ix, iy);
                cv[1] = field.get(ix + 1, iy);
                cv[2] = field.get(ix + 1, iy + 1);
                cv[3] = field.get(ix, iy + 1);
                if (Double.isNaN(cv[0]) || Double.isNaN(cv[1]) || Double.isNaN(cv[2]) || Double.isNaN(cv[3])) {
                    continue;
                }
                long[] crossed = new long[4];
                int found = 0;
                for (int e = 0; e < 4; e++) {
                    if ((cv[e] < level) != (cv[(e + 1) % 4] < level)) {
                        crossed[found++] = edgeKey(ix, iy, e, nx);
                    }
                }
                for (int s = 0; s + 1 < found; s += 2) {
                    segments.add(new long[]{crossed[s], crossed[s + 1]});
                }
            }
        }
        // each crossed grid edge is shared by at most two squares: follow segments through shared edges
        Map<Long, List<Integer>> byEdge = new HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            for (long key : segments.get(s)) {
                byEdge.computeIfAbsent(key, k -> new ArrayList<>(2)).add(s);
            }
        }
        boolean[] used = new boolean[segments.size()];
        List<double[][]> lines = new ArrayList<>();
        for (int start = 0; start < segments.size(); start++) {
            if (used[start]) {
                continue;
            }
            used[start] = true;
            List<Long> chain = new ArrayList<>(List.of(segments.get(start)[0], segments.get(start)[1]));
            extend(chain, segments, byEdge, used);
            java.util.Collections.reverse(chain);
            extend(chain, segments, byEdge, used);
            double[][] xy = new double[2][chain.size()];
            for (int k = 0; k < chain.size(); k++) {
                double[] p = crossing(field, chain.get(k), level, nx);
                xy[0][k] = p[0];
                xy[1][k] = p[1];
            }
            lines.add(xy);
        }
        lines.sort((a, b) -> Double.compare(length(b), length(a)));
        return lines;
    }

    /** Length of a polyline in axis units scaled by the bin steps (i.e. in bins). */
    public static double lengthInBins(double[][] line, Grid2D field) {
        double total = 0;
        for (int k = 1; k < line[0].length; k++) {
            total += Math.hypot((line[0][k] - line[0][k - 1]) / field.x().step(),
                    (line[1][k] - line[1][k - 1]) / field.y().step());
        }
        return total;
    }

    private static double length(double[][] line) {
        double total = 0;
        for (int k = 1; k < line[0].length; k++) {
            total += Math.hypot(line[0][k] - line[0][k - 1], line[1][k] - line[1][k - 1]);
        }
        return total;
    }

    private static void extend(List<Long> chain, List<long[]> segments, Map<Long, List<Integer>> byEdge, boolean[] used) {
        while (true) {
            long end = chain.get(chain.size() - 1);
            int next = -1;
            for (int s : byEdge.get(end)) {
                if (!used[s]) {
                    next = s;
                    break;
                }
            }
            if (next < 0) {
                return;
            }
            used[next] = true;
            long[] seg = segments.get(next);
            chain.add(seg[0] == end ? seg[1] : seg[0]);
        }
    }

    /**
     * A grid edge between two bin centres, named once whichever square sees it: edge e of square (ix, iy) runs from
     * corner e to corner e + 1 of (ix, iy), (ix+1, iy), (ix+1, iy+1), (ix, iy+1).
     */
    private static long edgeKey(int ix, int iy, int e, int nx) {
        return switch (e) {
            case 0 -> 2L * (iy * (long) nx + ix);             // bottom: (ix, iy) - (ix+1, iy), horizontal
            case 1 -> 2L * (iy * (long) nx + ix + 1) + 1;     // right: (ix+1, iy) - (ix+1, iy+1), vertical
            case 2 -> 2L * ((iy + 1) * (long) nx + ix);       // top: (ix, iy+1) - (ix+1, iy+1), horizontal
            default -> 2L * (iy * (long) nx + ix) + 1;        // left: (ix, iy) - (ix, iy+1), vertical
        };
    }

    /** Where the level crosses an edge, by linear interpolation between its two bin centres. */
    private static double[] crossing(Grid2D field, long key, double level, int nx) {
        long node = key / 2;
        int ix = (int) (node % nx);
        int iy = (int) (node / nx);
        int jx = key % 2 == 0 ? ix + 1 : ix;
        int jy = key % 2 == 0 ? iy : iy + 1;
        double a = field.get(ix, iy);
        double b = field.get(jx, jy);
        double t = (level - a) / (b - a);
        double x0 = field.x().center(ix);
        double y0 = field.y().center(iy);
        return new double[]{x0 + t * (field.x().center(jx) - x0), y0 + t * (field.y().center(jy) - y0)};
    }
}

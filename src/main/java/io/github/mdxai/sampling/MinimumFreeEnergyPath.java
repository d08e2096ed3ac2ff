package io.github.mdxai.sampling;

import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.util.InputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The minimum free-energy path between two states on a free-energy grid and its saddle. The path minimises first
 * the highest free energy met on the way (a minimax, or bottleneck, shortest path: Dijkstra whose path cost is the
 * running maximum of F, so the saddle height is exact on the grid), then, among such paths, the sum of F along the
 * way (which keeps the path in the valleys). Moves go to the 8 neighbouring bins; axes in degrees spanning 360 wrap
 * around. Bins without data (NaN) are impassable. Ends: the lowest bin inside each state region.
 */
public final class MinimumFreeEnergyPath {

    /**
     * A path of bin centres (x, y in axis units) from the minimum of A to the minimum of B with F at each point; the
     * saddle is the point of highest F.
     */
    public record Path(double[] x, double[] y, double[] f, int saddleIndex) {

        public double saddleX() {
            return x[saddleIndex];
        }

        public double saddleY() {
            return y[saddleIndex];
        }

        public double saddleF() {
            return f[saddleIndex];
        }

        /** F(saddle) - F(minimum of A), kJ/mol. */
        public double barrierFromA() {
            return f[saddleIndex] - f[0];
        }

        /** F(saddle) - F(minimum of B), kJ/mol. */
        public double barrierFromB() {
            return f[saddleIndex] - f[f.length - 1];
        }
    }

    private MinimumFreeEnergyPath() {
    }

    /** Whether an axis wraps: degrees over a full turn. */
    public static boolean wraps(io.github.mdxai.grid.Axis axis) {
        return "deg".equals(axis.unit()) && Math.abs(axis.bins() * axis.step() - 360) < 1e-6 * 360;
    }

    public static Path find(Grid2D grid, StateRegion a, StateRegion b) {
        int nx = grid.x().bins(), ny = grid.y().bins();
        boolean wrapX = wraps(grid.x()), wrapY = wraps(grid.y());
        List<String> order = List.of(grid.x().name(), grid.y().name());
        int start = lowestInside(grid, a.in(order), a.name());
        int end = lowestInside(grid, b.in(order), b.name());
        int n = nx * ny;
        double[] bestMax = new double[n];
        double[] bestSum = new double[n];
        int[] previous = new int[n];
        boolean[] done = new boolean[n];
        java.util.Arrays.fill(bestMax, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(bestSum, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(previous, -1);
        PriorityQueue<double[]> queue = new PriorityQueue<>((p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0]) : Double.compare(p[1], q[1]));
        bestMax[start] = value(grid, start);
        bestSum[start] = 0;
        queue.add(new double[]{bestMax[start], 0, start});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int node = (int) top[2];
            if (done[node]) {
                continue;
            }
            done[node] = true;
            if (node == end) {
                break;
            }
            int ix = node % nx, iy = node / nx;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (dx == 0 && dy == 0) {
                        continue;
                    }
                    int jx = ix + dx, jy = iy + dy;
                    if (wrapX) {
                        jx = (jx + nx) % nx;
                    }
                    if (wrapY) {
                        jy = (jy + ny) % ny;
                    }
                    if (jx < 0 || jy < 0 || jx >= nx || jy >= ny) {
                        continue;
                    }
                    int next = jy * nx + jx;
                    double f = value(grid, next);
                    if (done[next] || Double.isNaN(f)) {
                        continue;
                    }
                    double max = Math.max(top[0], f);
                    double sum = top[1] + f * Math.hypot(dx, dy);
                    if (max < bestMax[next] || (max == bestMax[next] && sum < bestSum[next])) {
                        bestMax[next] = max;
                        bestSum[next] = sum;
                        previous[next] = node;
                        queue.add(new double[]{max, sum, next});
                    }
                }
            }
        }
        InputException.require(done[end], "no path of sampled bins joins " + a.name() + " and " + b.name());
        List<Integer> nodes = new ArrayList<>();
        for (int k = end; k != -1; k = previous[k]) {
            nodes.add(k);
        }
        Collections.reverse(nodes);
        double[] px = new double[nodes.size()], py = new double[nodes.size()], pf = new double[nodes.size()];
        int saddle = 0;
        for (int k = 0; k < px.length; k++) {
            int node = nodes.get(k);
            px[k] = grid.x().center(node % nx);
            py[k] = grid.y().center(node / nx);
            pf[k] = value(grid, node);
            if (pf[k] > pf[saddle]) {
                saddle = k;
            }
        }
        return new Path(px, py, pf, saddle);
    }

    private static double value(Grid2D grid, int node) {
        int nx = grid.x().bins();
        return grid.get(node % nx, node / nx);
    }

    private static int lowestInside(Grid2D grid, StateRegion.Membership region, String name) {
        int nx = grid.x().bins(), ny = grid.y().bins();
        int best = -1;
        double bestF = Double.POSITIVE_INFINITY;
        double[] at = new double[2];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                at[0] = grid.x().center(ix);
                at[1] = grid.y().center(iy);
                float f = grid.get(ix, iy);
                if (Float.isFinite(f) && f < bestF && region.contains(at)) {
                    bestF = f;
                    best = iy * nx + ix;
                }
            }
        }
        InputException.require(best >= 0, "state " + name + " holds no sampled bin of the free-energy grid");
        return best;
    }
}

package io.github.mdxai.features.structure;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Parallel;
import io.github.mdxai.util.Progress;

/**
 * Voronoi cell volume of every particle of an orthorhombic periodic box, optionally radical (Laguerre, power
 * diagram) weighted by particle radii. Each cell is built on its own, as voro++ does: start from the box
 * centred on the particle (its own periodic images bound it there) and cut it with the bisecting plane of each
 * neighbour image in order of distance, until no farther neighbour can reach the cell. The cells tile the box.
 */
public final class Voronoi {

    private Voronoi() {
    }

    /**
     * @param positions interleaved x, y, z
     * @param box       edge lengths of the periodic box
     * @param radii     particle radii for radical weighting, or null for the plain Voronoi tessellation
     * @param threads   worker threads (results do not depend on it)
     */
    public static double[] volumes(double[] positions, double[] box, double[] radii, int threads, Progress progress) {
        PeriodicCells.checkGeometry(positions, box);
        int n = positions.length / 3;
        if (threads < 1) {
            throw new InputException("threads: expected at least 1, got " + threads);
        }
        double maxRadius = 0;
        if (radii != null) {
            if (radii.length != n) {
                throw new InputException("radii: expected one radius per particle (" + n + "), got " + radii.length);
            }
            for (int i = 0; i < n; i++) {
                if (!(radii[i] >= 0) || Double.isInfinite(radii[i])) {
                    throw new InputException("radii: particle " + (i + 1) + " has radius " + radii[i]
                            + ", expected a finite number >= 0");
                }
                maxRadius = Math.max(maxRadius, radii[i]);
            }
        }
        double[] volumes = new double[n];
        if (n == 0) {
            return volumes;
        }
        double spacing = Math.cbrt(box[0] * box[1] * box[2] / n);
        // enough for most cells of a dense system; a cell that needs more widens its own search
        double searchRadius = 2.0 * spacing;
        PeriodicCells cells = new PeriodicCells(positions, box, searchRadius / 2);
        double rmax = maxRadius;
        Parallel.forChunks(n, threads, progress, (chunk, from, to) -> {
            Worker w = new Worker(cells, box, radii, rmax, searchRadius);
            for (int i = from; i < to; i++) {
                volumes[i] = w.volume(i);
            }
        });
        return volumes;
    }

    /** Scratch for one chunk of particles: one cell and one candidate buffer. */
    private static final class Worker {
        private final PeriodicCells cells;
        private final double[] box;
        private final double[] radii;
        private final double maxRadius;
        private final double initialSearch;
        private final ConvexCell cell = new ConvexCell();
        private final PeriodicCells.Candidates candidates = new PeriodicCells.Candidates();

        Worker(PeriodicCells cells, double[] box, double[] radii, double maxRadius, double initialSearch) {
            this.cells = cells;
            this.box = box;
            this.radii = radii;
            this.maxRadius = maxRadius;
            this.initialSearch = initialSearch;
        }

        double volume(int i) {
            cell.reset(box[0] / 2, box[1] / 2, box[2] / 2);
            double ri2 = radii == null ? 0 : radii[i] * radii[i];
            double searched = 0;
            double search = initialSearch;
            while (true) {
                cells.collect(i, search, candidates);
                candidates.sortByDistance();
                for (int k = 0; k < candidates.size; k++) {
                    int s = candidates.order[k];
                    double d2 = candidates.r2[s];
                    if (d2 <= searched * searched) {
                        continue; // applied in an earlier, smaller search
                    }
                    double d = Math.sqrt(d2);
                    if (d >= reach(ri2)) {
                        return cell.volume();
                    }
                    if (d == 0) {
                        throw new InputException("particles " + (i + 1) + " and " + (candidates.index[s] + 1)
                                + " sit on the same point: Voronoi cell undefined");
                    }
                    double rj2 = radii == null ? 0 : radii[candidates.index[s]] * radii[candidates.index[s]];
                    double offset = (d2 + ri2 - rj2) / (2 * d);
                    if (offset * Math.abs(offset) >= cell.maxRadiusSquared()) {
                        continue; // the plane lies beyond every vertex
                    }
                    cell.clip(candidates.dx[s] / d, candidates.dy[s] / d, candidates.dz[s] / d, offset);
                    if (cell.isEmpty()) {
                        return 0;
                    }
                }
                double needed = reach(ri2);
                if (needed <= search) {
                    return cell.volume();
                }
                searched = search;
                search = Math.max(needed, 1.5 * search);
            }
        }

        /** No neighbour image at this distance or farther can cut the cell (voro++'s criterion, radical form). */
        private double reach(double ri2) {
            double rv2 = cell.maxRadiusSquared();
            double rv = Math.sqrt(rv2);
            if (radii == null) {
                return 2 * rv;
            }
            // plane offset (d^2 + ri^2 - rj^2)/(2d) >= rv for all rj <= maxRadius
            return rv + Math.sqrt(Math.max(0, rv2 + maxRadius * maxRadius - ri2));
        }
    }
}

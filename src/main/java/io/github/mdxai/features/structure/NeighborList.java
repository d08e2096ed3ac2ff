package io.github.mdxai.features.structure;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Parallel;
import io.github.mdxai.util.Progress;

import java.util.Arrays;

/**
 * Who neighbours whom, in compressed sparse rows: the neighbours of particle i are
 * {@code neighbors()[offsets()[i] .. offsets()[i+1])}, and {@code displacements()[3e .. 3e+3)} is the vector from i
 * to the periodic image of neighbour e (minimum image whenever the neighbour radius is below half the box; with
 * larger radii every image counts, as a periodic engine's ghost atoms do). Each row is sorted by distance, then by
 * neighbour index. The graph network builds its edges from exactly these arrays.
 */
public final class NeighborList {

    private final int[] offsets;
    private final int[] neighbors;
    private final double[] displacements;

    /** Wraps CSR arrays (not copied). */
    public NeighborList(int[] offsets, int[] neighbors, double[] displacements) {
        if (offsets == null || offsets.length < 1 || offsets[0] != 0) {
            throw new IllegalArgumentException("offsets must start at 0");
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IllegalArgumentException("offsets must not decrease");
            }
        }
        int edges = offsets[offsets.length - 1];
        if (neighbors.length != edges || displacements.length != 3 * edges) {
            throw new IllegalArgumentException("expected " + edges + " neighbours and " + 3 * edges + " displacements");
        }
        this.offsets = offsets;
        this.neighbors = neighbors;
        this.displacements = displacements;
    }

    /** Every image closer than {@code cutoff} (strictly, as LAMMPS's r^2 &lt; rc^2). */
    public static NeighborList withinCutoff(double[] positions, double[] box, double cutoff, Progress progress) {
        return withinCutoff(positions, box, cutoff, 1, progress);
    }

    /** As {@link #withinCutoff(double[], double[], double, Progress)}, on several threads (same result). */
    public static NeighborList withinCutoff(double[] positions, double[] box, double cutoff, int threads,
                                            Progress progress) {
        requirePositive(cutoff, "cutoff");
        PeriodicCells.checkGeometry(positions, box);
        int n = positions.length / 3;
        int[] types = new int[n];
        return withinCutoffs(positions, box, types, new double[][] {{cutoff}}, threads, progress);
    }

    /**
     * Every image closer than the cut-off of its species pair.
     *
     * @param types   0-based species of each particle
     * @param cutoffs symmetric matrix of cut-offs, one row and column per species
     */
    public static NeighborList withinCutoffs(double[] positions, double[] box, int[] types, double[][] cutoffs,
                                             Progress progress) {
        return withinCutoffs(positions, box, types, cutoffs, 1, progress);
    }

    /** As {@link #withinCutoffs(double[], double[], int[], double[][], Progress)}, on several threads. */
    public static NeighborList withinCutoffs(double[] positions, double[] box, int[] types, double[][] cutoffs,
                                             int threads, Progress progress) {
        PeriodicCells.checkGeometry(positions, box);
        int n = positions.length / 3;
        checkTypes(types, n, cutoffs.length);
        double maxCut = 0;
        for (int a = 0; a < cutoffs.length; a++) {
            if (cutoffs[a].length != cutoffs.length) {
                throw new InputException("cut-off matrix must be square (one row per species)");
            }
            for (int b = 0; b < cutoffs.length; b++) {
                requirePositive(cutoffs[a][b], "cut-off for species " + (a + 1) + "-" + (b + 1));
                if (cutoffs[a][b] != cutoffs[b][a]) {
                    throw new InputException("cut-off matrix must be symmetric");
                }
                maxCut = Math.max(maxCut, cutoffs[a][b]);
            }
        }
        PeriodicCells cells = new PeriodicCells(positions, box, maxCut);
        double reach = maxCut;
        Builder[] parts = new Builder[Parallel.chunks(n)];
        Parallel.forChunks(n, threads, progress, (chunk, from, to) -> {
            Builder builder = new Builder(to - from);
            PeriodicCells.Candidates c = new PeriodicCells.Candidates();
            for (int i = from; i < to; i++) {
                cells.collect(i, reach, c);
                c.sortByDistance();
                double[] row = cutoffs[types[i]];
                for (int k = 0; k < c.size; k++) {
                    int s = c.order[k];
                    double rc = row[types[c.index[s]]];
                    if (c.r2[s] < rc * rc) {
                        builder.add(c.index[s], c.dx[s], c.dy[s], c.dz[s]);
                    }
                }
                builder.endRow();
            }
            parts[chunk] = builder;
        });
        return Builder.concatenate(parts, n);
    }

    /**
     * The k nearest images of each particle. Ties at the k-th distance go to the lower particle index, so the
     * choice is deterministic (an engine's partial sort may pick another of the tied images).
     */
    public static NeighborList nearest(double[] positions, double[] box, int k, Progress progress) {
        return nearest(positions, box, k, 1, progress);
    }

    /** As {@link #nearest(double[], double[], int, Progress)}, on several threads (same result). */
    public static NeighborList nearest(double[] positions, double[] box, int k, int threads, Progress progress) {
        PeriodicCells.checkGeometry(positions, box);
        int n = positions.length / 3;
        if (k < 1) {
            throw new InputException("k: expected at least 1 nearest neighbour, got " + k);
        }
        if (n == 0) {
            return new Builder(0).build();
        }
        double volume = box[0] * box[1] * box[2];
        // radius of a sphere holding about k+1 particles at the mean density, with a margin
        double radius = 1.3 * Math.cbrt(3.0 * (k + 1) * volume / (4.0 * Math.PI * n));
        PeriodicCells cells = new PeriodicCells(positions, box, radius);
        Builder[] parts = new Builder[Parallel.chunks(n)];
        Parallel.forChunks(n, threads, progress, (chunk, from, to) -> {
            Builder builder = new Builder(to - from);
            PeriodicCells.Candidates c = new PeriodicCells.Candidates();
            for (int i = from; i < to; i++) {
                double r = radius;
                cells.collect(i, r, c);
                while (c.size < k) {
                    r *= 1.5;
                    cells.collect(i, r, c);
                }
                c.sortByDistance();
                for (int m = 0; m < k; m++) {
                    int s = c.order[m];
                    builder.add(c.index[s], c.dx[s], c.dy[s], c.dz[s]);
                }
                builder.endRow();
            }
            parts[chunk] = builder;
        });
        return Builder.concatenate(parts, n);
    }

    /**
     * LAMMPS's {@code nnn k cutoff rc}: the k nearest among the images closer than {@code cutoff}; a particle with
     * fewer than k of them gets no neighbours at all (LAMMPS then reports its order parameters as 0).
     */
    public static NeighborList nearestWithin(double[] positions, double[] box, int k, double cutoff,
                                             Progress progress) {
        if (k < 1) {
            throw new InputException("k: expected at least 1 nearest neighbour, got " + k);
        }
        NeighborList all = withinCutoff(positions, box, cutoff, progress);
        Builder builder = new Builder(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (all.count(i) >= k) {
                // rows are sorted by distance, then index: the first k are the k nearest
                for (int e = all.offsets[i]; e < all.offsets[i] + k; e++) {
                    builder.add(all.neighbors[e], all.displacements[3 * e], all.displacements[3 * e + 1],
                            all.displacements[3 * e + 2]);
                }
            }
            builder.endRow();
        }
        return builder.build();
    }

    static void checkTypes(int[] types, int n, int species) {
        if (types == null || types.length != n) {
            throw new InputException("types: expected one species per particle (" + n + ")");
        }
        for (int i = 0; i < n; i++) {
            if (types[i] < 0 || types[i] >= species) {
                throw new InputException("types: particle " + (i + 1) + " has species " + (types[i] + 1)
                        + ", expected 1.." + species);
            }
        }
    }

    private static void requirePositive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InputException(what + ": expected a positive finite length, got " + value);
        }
    }

    /** Number of particles. */
    public int size() {
        return offsets.length - 1;
    }

    /** Number of directed edges (i, j); each unordered pair appears in both rows. */
    public int edgeCount() {
        return offsets[offsets.length - 1];
    }

    /** Number of neighbours of particle i. */
    public int count(int i) {
        return offsets[i + 1] - offsets[i];
    }

    public int[] offsets() {
        return offsets;
    }

    public int[] neighbors() {
        return neighbors;
    }

    public double[] displacements() {
        return displacements;
    }

    /** Length of edge e. */
    public double distance(int e) {
        double x = displacements[3 * e];
        double y = displacements[3 * e + 1];
        double z = displacements[3 * e + 2];
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** Appends rows of a CSR list in particle order. */
    static final class Builder {
        private final int[] offsets;
        private int[] neighbors = new int[1024];
        private double[] displacements = new double[3 * 1024];
        private int rows;
        private int edges;

        Builder(int n) {
            offsets = new int[n + 1];
        }

        void add(int j, double dx, double dy, double dz) {
            if (edges == neighbors.length) {
                neighbors = Arrays.copyOf(neighbors, 2 * edges);
                displacements = Arrays.copyOf(displacements, 6 * edges);
            }
            neighbors[edges] = j;
            displacements[3 * edges] = dx;
            displacements[3 * edges + 1] = dy;
            displacements[3 * edges + 2] = dz;
            edges++;
        }

        void endRow() {
            offsets[++rows] = edges;
        }

        /** Joins the rows of consecutive chunks into one list of n rows. */
        static NeighborList concatenate(Builder[] parts, int n) {
            int edges = 0;
            for (Builder b : parts) {
                edges += b.edges;
            }
            int[] offsets = new int[n + 1];
            int[] neighbors = new int[edges];
            double[] displacements = new double[3 * edges];
            int row = 0;
            int at = 0;
            for (Builder b : parts) {
                for (int r = 1; r <= b.rows; r++) {
                    offsets[++row] = at + b.offsets[r];
                }
                System.arraycopy(b.neighbors, 0, neighbors, at, b.edges);
                System.arraycopy(b.displacements, 0, displacements, 3 * at, 3 * b.edges);
                at += b.edges;
            }
            if (row != n) {
                throw new IllegalStateException("built " + row + " rows of " + n);
            }
            return new NeighborList(offsets, neighbors, displacements);
        }

        NeighborList build() {
            if (rows != offsets.length - 1) {
                throw new IllegalStateException("built " + rows + " rows of " + (offsets.length - 1));
            }
            return new NeighborList(offsets, Arrays.copyOf(neighbors, edges), Arrays.copyOf(displacements, 3 * edges));
        }
    }
}

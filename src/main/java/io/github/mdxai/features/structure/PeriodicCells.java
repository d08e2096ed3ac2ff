package io.github.mdxai.features.structure;

import io.github.mdxai.util.InputException;

/**
 * Particles of an orthorhombic periodic box binned into cells, for finding every periodic image of every particle
 * within a radius of a particle. Radii larger than half the box are allowed: then several images of the same
 * particle (and images of the particle itself) are found, each once, as a periodic engine's ghost atoms would be.
 */
final class PeriodicCells {

    /** Upper bound on cells per particle, so that sparse systems do not allocate huge empty grids. */
    private static final int MAX_CELLS_PER_PARTICLE = 4;

    private final int count;
    private final double[] lengths = new double[3];
    private final int[] cellsPerSide = new int[3];
    private final double[] cellWidth = new double[3];
    private final double[] wrapped;
    private final int[] cellOf;
    private final int[] cellStart;
    private final int[] members;

    /**
     * @param positions interleaved x, y, z of each particle (any periodic image)
     * @param box       box edge lengths (orthorhombic, periodic in all three directions)
     * @param cellSize  preferred cell edge; usually the search radius
     */
    PeriodicCells(double[] positions, double[] box, double cellSize) {
        checkGeometry(positions, box);
        count = positions.length / 3;
        wrapped = new double[positions.length];
        double size = Math.max(cellSize, 1e-12 * Math.max(box[0], Math.max(box[1], box[2])));
        long cells;
        do {
            cells = 1;
            for (int d = 0; d < 3; d++) {
                lengths[d] = box[d];
                cellsPerSide[d] = (int) Math.max(1, Math.min(1024, Math.floor(box[d] / size)));
                cellWidth[d] = box[d] / cellsPerSide[d];
                cells *= cellsPerSide[d];
            }
            size *= 1.25;
        } while (cells > (long) MAX_CELLS_PER_PARTICLE * count + 27);
        int nCells = (int) cells;
        cellOf = new int[count];
        cellStart = new int[nCells + 1];
        members = new int[count];
        for (int i = 0; i < count; i++) {
            int[] c = new int[3];
            for (int d = 0; d < 3; d++) {
                double x = positions[3 * i + d];
                double w = x - Math.floor(x / lengths[d]) * lengths[d];
                if (w >= lengths[d]) {
                    w -= lengths[d];
                }
                wrapped[3 * i + d] = w;
                c[d] = Math.min(cellsPerSide[d] - 1, (int) (w / cellWidth[d]));
            }
            cellOf[i] = (c[2] * cellsPerSide[1] + c[1]) * cellsPerSide[0] + c[0];
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < nCells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = new int[nCells];
        for (int i = 0; i < count; i++) {
            int c = cellOf[i];
            members[cellStart[c] + fill[c]++] = i;
        }
    }

    static void checkGeometry(double[] positions, double[] box) {
        if (box == null || box.length != 3) {
            throw new InputException("box: expected three edge lengths");
        }
        for (int d = 0; d < 3; d++) {
            if (!(box[d] > 0) || Double.isInfinite(box[d])) {
                throw new InputException("box: edge length " + box[d] + " is not a positive finite number");
            }
        }
        if (positions == null || positions.length % 3 != 0) {
            throw new InputException("positions: expected interleaved x, y, z (length a multiple of 3)");
        }
        for (int k = 0; k < positions.length; k++) {
            if (!Double.isFinite(positions[k])) {
                throw new InputException("positions: particle " + (k / 3 + 1) + " has a non-finite coordinate");
            }
        }
    }

    int count() {
        return count;
    }

    double volume() {
        return lengths[0] * lengths[1] * lengths[2];
    }

    /** Position wrapped into [0, L) along dimension d. */
    double wrapped(int i, int d) {
        return wrapped[3 * i + d];
    }

    /**
     * Appends to {@code out} every periodic image j of every particle with |x_j + shift - x_i| &lt;= radius,
     * except particle i itself without shift. Displacements point from i to the image.
     */
    void collect(int i, double radius, Candidates out) {
        out.clear();
        double r2max = radius * radius;
        double xi = wrapped[3 * i];
        double yi = wrapped[3 * i + 1];
        double zi = wrapped[3 * i + 2];
        int ci = cellOf[i];
        int cx = ci % cellsPerSide[0];
        int cy = (ci / cellsPerSide[0]) % cellsPerSide[1];
        int cz = ci / (cellsPerSide[0] * cellsPerSide[1]);
        int rx = (int) Math.ceil(radius / cellWidth[0]);
        int ry = (int) Math.ceil(radius / cellWidth[1]);
        int rz = (int) Math.ceil(radius / cellWidth[2]);
        for (int oz = -rz; oz <= rz; oz++) {
            int gz = cz + oz;
            int wz = Math.floorMod(gz, cellsPerSide[2]);
            double sz = Math.floorDiv(gz, cellsPerSide[2]) * lengths[2];
            for (int oy = -ry; oy <= ry; oy++) {
                int gy = cy + oy;
                int wy = Math.floorMod(gy, cellsPerSide[1]);
                double sy = Math.floorDiv(gy, cellsPerSide[1]) * lengths[1];
                for (int ox = -rx; ox <= rx; ox++) {
                    int gx = cx + ox;
                    int wx = Math.floorMod(gx, cellsPerSide[0]);
                    double sx = Math.floorDiv(gx, cellsPerSide[0]) * lengths[0];
                    boolean unshifted = sx == 0 && sy == 0 && sz == 0;
                    int c = (wz * cellsPerSide[1] + wy) * cellsPerSide[0] + wx;
                    for (int m = cellStart[c]; m < cellStart[c + 1]; m++) {
                        int j = members[m];
                        if (j == i && unshifted) {
                            continue;
                        }
                        double dx = wrapped[3 * j] + sx - xi;
                        double dy = wrapped[3 * j + 1] + sy - yi;
                        double dz = wrapped[3 * j + 2] + sz - zi;
                        double r2 = dx * dx + dy * dy + dz * dz;
                        if (r2 <= r2max) {
                            out.add(j, dx, dy, dz, r2);
                        }
                    }
                }
            }
        }
    }

    /** A growable buffer of neighbour candidates (index, displacement, squared distance), reused between calls. */
    static final class Candidates {
        int size;
        int[] index = new int[64];
        double[] dx = new double[64];
        double[] dy = new double[64];
        double[] dz = new double[64];
        double[] r2 = new double[64];
        int[] order = new int[64];

        void clear() {
            size = 0;
        }

        void add(int j, double x, double y, double z, double rr) {
            if (size == index.length) {
                int n = 2 * size;
                index = java.util.Arrays.copyOf(index, n);
                dx = java.util.Arrays.copyOf(dx, n);
                dy = java.util.Arrays.copyOf(dy, n);
                dz = java.util.Arrays.copyOf(dz, n);
                r2 = java.util.Arrays.copyOf(r2, n);
                order = new int[n];
            }
            index[size] = j;
            dx[size] = x;
            dy[size] = y;
            dz[size] = z;
            r2[size] = rr;
            size++;
        }

        /** Fills {@code order[0..size)} with candidate slots sorted by distance, then index, then displacement. */
        void sortByDistance() {
            for (int a = 0; a < size; a++) {
                int slot = a;
                int b = a - 1;
                while (b >= 0 && before(slot, order[b])) {
                    order[b + 1] = order[b];
                    b--;
                }
                order[b + 1] = slot;
            }
        }

        private boolean before(int s, int t) {
            if (r2[s] != r2[t]) {
                return r2[s] < r2[t];
            }
            if (index[s] != index[t]) {
                return index[s] < index[t];
            }
            if (dx[s] != dx[t]) {
                return dx[s] < dx[t];
            }
            if (dy[s] != dy[t]) {
                return dy[s] < dy[t];
            }
            return dz[s] < dz[t];
        }
    }
}

package io.github.mdxai.md.particles;

import java.util.Arrays;

/**
 * A half Verlet neighbour list: each pair within its cutoff plus skin appears once, in the list of i if
 * (i + j) is even and j > i or (i + j) is odd and j < i, which spreads pairs evenly over particles. Built with
 * a cell list when the box holds at least 3 cells per side, else by looping over all pairs. Rebuilt when some
 * particle moved more than half the skin since the last build.
 */
final class VerletList {

    private final int n;
    private final int typeCount;
    private final int[] types;
    private final Box box;
    private final double halfSkinSquared;
    private final double[] listCutoffSquared;
    private final double listRange;
    private final double[] reference;
    final int[] start;
    int[] neighbours = new int[0];
    private int builds;
    private int[] cellHead = new int[0];
    private final int[] cellNext;
    private final int[] cellOf;

    VerletList(PairPotential potential, int[] types, Box box, double skin) {
        this.n = types.length;
        this.typeCount = potential.typeCount();
        this.types = types;
        this.box = box;
        this.halfSkinSquared = 0.25 * skin * skin;
        this.listCutoffSquared = new double[typeCount * typeCount];
        for (int a = 0; a < typeCount; a++) {
            for (int b = 0; b < typeCount; b++) {
                double r = potential.cutoff(a, b) + skin;
                listCutoffSquared[a * typeCount + b] = r * r;
            }
        }
        this.listRange = potential.maxCutoff() + skin;
        this.reference = new double[3 * n];
        this.start = new int[n + 1];
        this.cellNext = new int[n];
        this.cellOf = new int[n];
    }

    int builds() {
        return builds;
    }

    /** Rebuilds the list if a particle moved more than half the skin since the last build (or on first use). */
    void update(double[] x) {
        if (builds == 0 || movedTooFar(x)) {
            build(x);
        }
    }

    private boolean movedTooFar(double[] x) {
        for (int i = 0; i < 3 * n; i += 3) {
            double dx = x[i] - reference[i];
            double dy = x[i + 1] - reference[i + 1];
            double dz = x[i + 2] - reference[i + 2];
            if (dx * dx + dy * dy + dz * dz > halfSkinSquared) {
                return true;
            }
        }
        return false;
    }

    void build(double[] x) {
        System.arraycopy(x, 0, reference, 0, 3 * n);
        int cx = (int) Math.floor(box.lx() / listRange);
        int cy = (int) Math.floor(box.ly() / listRange);
        int cz = (int) Math.floor(box.lz() / listRange);
        int count = 0;
        if (cx < 3 || cy < 3 || cz < 3) {
            for (int i = 0; i < n; i++) {
                start[i] = count;
                for (int j = 0; j < n; j++) {
                    if (j != i && ((((i + j) & 1) == 0) == (j > i))) {
                        count = consider(x, i, j, count);
                    }
                }
            }
        } else {
            int cells = cx * cy * cz;
            if (cellHead.length != cells) {
                cellHead = new int[cells];
            }
            Arrays.fill(cellHead, -1);
            for (int i = n - 1; i >= 0; i--) {
                int c = cellIndex(x, i, cx, cy, cz);
                cellOf[i] = c;
                cellNext[i] = cellHead[c];
                cellHead[c] = i;
            }
            for (int i = 0; i < n; i++) {
                start[i] = count;
                int c = cellOf[i];
                int ix = c % cx;
                int iy = (c / cx) % cy;
                int iz = c / (cx * cy);
                for (int dz = -1; dz <= 1; dz++) {
                    int nz = (iz + dz + cz) % cz;
                    for (int dy = -1; dy <= 1; dy++) {
                        int ny = (iy + dy + cy) % cy;
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = (ix + dx + cx) % cx;
                            for (int j = cellHead[(nz * cy + ny) * cx + nx]; j >= 0; j = cellNext[j]) {
                                if (j != i && ((((i + j) & 1) == 0) == (j > i))) {
                                    count = consider(x, i, j, count);
                                }
                            }
                        }
                    }
                }
            }
        }
        start[n] = count;
        builds++;
    }

    private int cellIndex(double[] x, int i, int cx, int cy, int cz) {
        int a = Math.min(cx - 1, (int) ((box.wrap(x[3 * i], 0) - box.xlo()) * cx / box.lx()));
        int b = Math.min(cy - 1, (int) ((box.wrap(x[3 * i + 1], 1) - box.ylo()) * cy / box.ly()));
        int c = Math.min(cz - 1, (int) ((box.wrap(x[3 * i + 2], 2) - box.zlo()) * cz / box.lz()));
        return (c * cy + b) * cx + a;
    }

    private int consider(double[] x, int i, int j, int count) {
        double dx = box.minimumImage(x[3 * i] - x[3 * j], 0);
        double dy = box.minimumImage(x[3 * i + 1] - x[3 * j + 1], 1);
        double dz = box.minimumImage(x[3 * i + 2] - x[3 * j + 2], 2);
        if (dx * dx + dy * dy + dz * dz < listCutoffSquared[types[i] * typeCount + types[j]]) {
            if (count == neighbours.length) {
                neighbours = Arrays.copyOf(neighbours, Math.max(1024, 2 * count));
            }
            neighbours[count++] = j;
        }
        return count;
    }
}

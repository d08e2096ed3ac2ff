package io.github.mdxai.particles;

import java.util.Arrays;

/**
 * A half Verlet neighbour list (each pair within its cutoff plus skin once) built from a cell list with cells of
 * at least half the list range and a half stencil of 5x5x5 cells; a box with fewer than 5 cells a side is searched
 * over all pairs. The list of particle i lives in the array of i's block ({@link PairForces#BLOCKS} fixed index
 * ranges), so blocks are built in parallel and the content never depends on the thread count.
 * Rebuilt when some particle moved more than half the skin since the last build.
 */
final class VerletList {

    private final int n;
    private final int blocks;
    private final int typeCount;
    private final int[] types;
    private final Box box;
    private final double halfSkinSquared;
    private final double[] listCutoffSquared;
    private final double listRange;
    private final double[] reference;
    private final double[] wrapped;
    /** List of i: {@code neighbours[block(i)][start[i] .. end[i])}. */
    final int[] start;
    final int[] end;
    final int[][] neighbours;
    private int builds;
    private final int cx;
    private final int cy;
    private final int cz;
    private final int[] cellStart;
    private final int[] cellCursor;
    private final int[] cellAtoms;
    private final int[] cellOf;
    private final double[] sortedPositions;
    private final int[] sortedTypes;
    private final int[] stencil;

    VerletList(PairPotential potential, int[] types, Box box, double skin, int blocks) {
        this.n = types.length;
        this.blocks = blocks;
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
        this.wrapped = new double[3 * n];
        this.start = new int[n];
        this.end = new int[n];
        this.neighbours = new int[blocks][64];
        int ax = (int) Math.floor(box.lx() / (0.5 * listRange));
        int ay = (int) Math.floor(box.ly() / (0.5 * listRange));
        int az = (int) Math.floor(box.lz() / (0.5 * listRange));
        boolean cells = ax >= 5 && ay >= 5 && az >= 5;
        this.cx = cells ? ax : 1;
        this.cy = cells ? ay : 1;
        this.cz = cells ? az : 1;
        this.cellStart = new int[cx * cy * cz + 1];
        this.cellCursor = new int[cx * cy * cz];
        this.cellAtoms = new int[n];
        this.cellOf = new int[n];
        this.sortedPositions = new double[3 * n];
        this.sortedTypes = new int[n];
        // half stencil: offsets after (0,0,0) in (dz, dy, dx) order; the own cell is handled with j after i
        int[] s = new int[62 * 3];
        int k = 0;
        for (int dz = -2; dz <= 2; dz++) {
            for (int dy = -2; dy <= 2; dy++) {
                for (int dx = -2; dx <= 2; dx++) {
                    if (dz > 0 || (dz == 0 && (dy > 0 || (dy == 0 && dx > 0)))) {
                        s[k++] = dx;
                        s[k++] = dy;
                        s[k++] = dz;
                    }
                }
            }
        }
        this.stencil = s;
    }

    int builds() {
        return builds;
    }

    /** True if the list must be rebuilt before use at these positions. */
    boolean stale(double[] x) {
        if (builds == 0) {
            return true;
        }
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

    /** Sorts particles into cells; must run before {@link #buildBlock} for all blocks. */
    void prepare(double[] x) {
        System.arraycopy(x, 0, reference, 0, 3 * n);
        for (int k = 0; k < 3 * n; k++) {
            wrapped[k] = box.wrap(x[k], k % 3);
        }
        Arrays.fill(cellStart, 0);
        for (int i = 0; i < n; i++) {
            int a = Math.min(cx - 1, (int) ((wrapped[3 * i] - box.xlo()) * cx / box.lx()));
            int b = Math.min(cy - 1, (int) ((wrapped[3 * i + 1] - box.ylo()) * cy / box.ly()));
            int c = Math.min(cz - 1, (int) ((wrapped[3 * i + 2] - box.zlo()) * cz / box.lz()));
            cellOf[i] = (c * cy + b) * cx + a;
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < cx * cy * cz; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        System.arraycopy(cellStart, 0, cellCursor, 0, cellCursor.length);
        for (int i = 0; i < n; i++) {
            cellAtoms[cellCursor[cellOf[i]]++] = i;
        }
        // positions and types in cell order, so that the candidate loop reads memory contiguously
        for (int p = 0; p < n; p++) {
            int i = cellAtoms[p];
            sortedPositions[3 * p] = wrapped[3 * i];
            sortedPositions[3 * p + 1] = wrapped[3 * i + 1];
            sortedPositions[3 * p + 2] = wrapped[3 * i + 2];
            sortedTypes[p] = types[i];
        }
        builds++;
    }

    /** Builds the lists of the particles of one block. */
    void buildBlock(int b) {
        int from = (int) ((long) n * b / blocks);
        int to = (int) ((long) n * (b + 1) / blocks);
        int count = 0;
        int[] list = neighbours[b];
        double lx = box.lx();
        double ly = box.ly();
        double lz = box.lz();
        double[] w = wrapped;
        double[] sp = sortedPositions;
        int[] st = sortedTypes;
        for (int i = from; i < to; i++) {
            start[i] = count;
            double xi = w[3 * i];
            double yi = w[3 * i + 1];
            double zi = w[3 * i + 2];
            int ti = types[i] * typeCount;
            if (cx == 1) {
                for (int j = 0; j < n; j++) {
                    if (j != i && (((i + j) & 1) == 0) == (j > i)) {
                        double dx = xi - w[3 * j];
                        double dy = yi - w[3 * j + 1];
                        double dz = zi - w[3 * j + 2];
                        dx -= lx * Math.rint(dx * (1 / lx));
                        dy -= ly * Math.rint(dy * (1 / ly));
                        dz -= lz * Math.rint(dz * (1 / lz));
                        if (dx * dx + dy * dy + dz * dz < listCutoffSquared[ti + types[j]]) {
                            if (count == list.length) {
                                list = neighbours[b] = Arrays.copyOf(list, 2 * count);
                            }
                            list[count++] = j;
                        }
                    }
                }
            } else {
                int c = cellOf[i];
                int ix = c % cx;
                int iy = (c / cx) % cy;
                int iz = c / (cx * cy);
                for (int s = -3; s < stencil.length; s += 3) {
                    double sx = 0;
                    double sy = 0;
                    double sz = 0;
                    int cell;
                    if (s < 0) {
                        cell = c;
                    } else {
                        int nx = ix + stencil[s];
                        int ny = iy + stencil[s + 1];
                        int nz = iz + stencil[s + 2];
                        if (nx < 0) {
                            nx += cx;
                            sx = -lx;
                        } else if (nx >= cx) {
                            nx -= cx;
                            sx = lx;
                        }
                        if (ny < 0) {
                            ny += cy;
                            sy = -ly;
                        } else if (ny >= cy) {
                            ny -= cy;
                            sy = ly;
                        }
                        if (nz < 0) {
                            nz += cz;
                            sz = -lz;
                        } else if (nz >= cz) {
                            nz -= cz;
                            sz = lz;
                        }
                        cell = (nz * cy + ny) * cx + nx;
                    }
                    int pFrom = cellStart[cell];
                    int pTo = cellStart[cell + 1];
                    if (count + (pTo - pFrom) > list.length) {
                        list = neighbours[b] = Arrays.copyOf(list, 2 * (count + pTo - pFrom));
                    }
                    // branch-free append: write every candidate, advance only for those inside the range
                    for (int p = pFrom; p < pTo; p++) {
                        int j = cellAtoms[p];
                        double dx = xi - sp[3 * p] - sx;
                        double dy = yi - sp[3 * p + 1] - sy;
                        double dz = zi - sp[3 * p + 2] - sz;
                        boolean inside = dx * dx + dy * dy + dz * dz < listCutoffSquared[ti + st[p]] && (s >= 0 || j > i);
                        list[count] = j;
                        count += inside ? 1 : 0;
                    }
                }
            }
            end[i] = count;
        }
    }
}

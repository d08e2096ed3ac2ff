package io.github.mdxai.learn.graph;

import io.github.mdxai.util.InputException;

/**
 * Builds the first-shell graph of a periodic orthorhombic configuration: j is a neighbour of i when their
 * minimum-image distance is below the shell radius of their type pair (the first minimum of the partial g(r)).
 * A cell list keeps it linear in N.
 */
public final class GraphBuilder {

    private final double[][] shellRadius;

    /** @param shellRadius symmetric matrix [type][type] of first-shell radii (same length unit as positions) */
    public GraphBuilder(double[][] shellRadius) {
        int t = shellRadius.length;
        for (int a = 0; a < t; a++) {
            InputException.require(shellRadius[a].length == t, "shell radii must be a square matrix");
            for (int b = 0; b < t; b++) {
                InputException.require(shellRadius[a][b] > 0 && Double.isFinite(shellRadius[a][b]),
                        "shell radius for types " + (a + 1) + "-" + (b + 1) + " must be positive");
                InputException.require(shellRadius[a][b] == shellRadius[b][a], "shell radii must be symmetric");
            }
        }
        this.shellRadius = shellRadius;
    }

    /**
     * @param types     0-based particle types, each below the size of the shell-radius matrix
     * @param positions x, y, z per particle
     * @param box       box edge lengths (periodic in all three directions)
     */
    public ParticleGraph build(int frame, int label, double temperature, ParticleGraph.Split split, int[] ids,
                               int[] types, double[] positions, double[] box) {
        int n = types.length;
        int numTypes = shellRadius.length;
        double maxR = 0;
        for (double[] row : shellRadius) {
            for (double r : row) {
                maxR = Math.max(maxR, r);
            }
        }
        for (int d = 0; d < 3; d++) {
            InputException.require(box[d] > 2 * maxR, "box edge " + box[d] + " must exceed twice the shell radius "
                    + maxR);
        }
        for (int t : types) {
            InputException.require(t >= 0 && t < numTypes, "particle type " + (t + 1) + " has no shell radius");
        }
        int[] cellsPerDim = new int[3];
        for (int d = 0; d < 3; d++) {
            cellsPerDim[d] = Math.max(1, (int) Math.floor(box[d] / maxR));
        }
        int cellCount = cellsPerDim[0] * cellsPerDim[1] * cellsPerDim[2];
        int[] head = new int[cellCount];
        java.util.Arrays.fill(head, -1);
        int[] next = new int[n];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int d = 2; d >= 0; d--) {
                double u = positions[3 * i + d] / box[d];
                u -= Math.floor(u);
                int k = Math.min(cellsPerDim[d] - 1, (int) (u * cellsPerDim[d]));
                c = c * cellsPerDim[d] + k;
            }
            cellOf[i] = c;
            next[i] = head[c];
            head[c] = i;
        }
        int[] offsets = new int[n + 1];
        IntList nb = new IntList();
        FloatList vec = new FloatList();
        int[] visited = new int[cellCount];
        java.util.Arrays.fill(visited, -1);
        for (int i = 0; i < n; i++) {
            int c = cellOf[i];
            int cx = c % cellsPerDim[0];
            int cy = (c / cellsPerDim[0]) % cellsPerDim[1];
            int cz = c / (cellsPerDim[0] * cellsPerDim[1]);
            for (int dz = -1; dz <= 1; dz++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nc = Math.floorMod(cx + dx, cellsPerDim[0])
                                + cellsPerDim[0] * (Math.floorMod(cy + dy, cellsPerDim[1])
                                + cellsPerDim[1] * Math.floorMod(cz + dz, cellsPerDim[2]));
                        if (visited[nc] == i) {
                            continue; // small boxes wrap onto the same cell
                        }
                        visited[nc] = i;
                        for (int j = head[nc]; j >= 0; j = next[j]) {
                            if (j == i) {
                                continue;
                            }
                            double rx = minimumImage(positions[3 * j] - positions[3 * i], box[0]);
                            double ry = minimumImage(positions[3 * j + 1] - positions[3 * i + 1], box[1]);
                            double rz = minimumImage(positions[3 * j + 2] - positions[3 * i + 2], box[2]);
                            double rc = shellRadius[types[i]][types[j]];
                            if (rx * rx + ry * ry + rz * rz < rc * rc) {
                                nb.add(j);
                                vec.add((float) rx);
                                vec.add((float) ry);
                                vec.add((float) rz);
                            }
                        }
                    }
                }
            }
            offsets[i + 1] = nb.size;
        }
        float[] pos = new float[3 * n];
        for (int k = 0; k < 3 * n; k++) {
            pos[k] = (float) positions[k];
        }
        return new ParticleGraph(frame, label, temperature, split, numTypes, ids.clone(), types.clone(), box.clone(),
                pos, offsets, nb.toArray(), vec.toArray());
    }

    static double minimumImage(double d, double length) {
        return d - length * Math.rint(d / length);
    }

    private static final class IntList {
        int[] data = new int[64];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }

    private static final class FloatList {
        float[] data = new float[192];
        int size;

        void add(float v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}

package io.github.mdxai.learn.graph;

import java.util.Objects;

/**
 * One particle configuration as a graph: nodes are particles (a type each), directed edges j -> i point from each
 * first-shell neighbour j to particle i, stored in CSR form by receiver: the neighbours of i are
 * {@code neighbours[offsets[i] .. offsets[i+1])}. Each edge carries the minimum-image vector r_j - r_i
 * ({@code edgeVectors[3e .. 3e+2]}); its length is the distance feature. Positions and box travel with the graph so
 * attention can be mapped back into space; positions are wrapped into [0, L) measured from the box's lower
 * corner. Lengths are in the configuration's units (sigma_AA for soft spheres).
 *
 * @param frame      index of the snapshot in its source (time order)
 * @param label      class index (0 or 1 for a temperature pair)
 * @param temperature temperature of the source run (reduced units), NaN if unknown
 * @param split      which part of the data set the graph belongs to
 */
public record ParticleGraph(int frame, int label, double temperature, Split split, int numTypes, int[] ids,
                            int[] types, double[] box, float[] positions, int[] offsets, int[] neighbours,
                            float[] edgeVectors) {

    /** Where a graph is used: training, early stopping, or the final accuracy. */
    public enum Split { TRAIN, VALIDATION, TEST }

    public ParticleGraph {
        Objects.requireNonNull(split);
        int n = types.length;
        if (ids.length != n || positions.length != 3 * n || offsets.length != n + 1 || box.length != 3
                || edgeVectors.length != 3 * neighbours.length || offsets[n] != neighbours.length) {
            throw new IllegalArgumentException("inconsistent graph arrays");
        }
    }

    public int nodeCount() {
        return types.length;
    }

    public int edgeCount() {
        return neighbours.length;
    }

    /** Number of incoming edges (first-shell neighbours) of node i. */
    public int degree(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** The same graph with another label and split (for label shuffling and re-splitting). */
    public ParticleGraph with(int newLabel, Split newSplit) {
        return new ParticleGraph(frame, newLabel, temperature, newSplit, numTypes, ids, types, box, positions,
                offsets, neighbours, edgeVectors);
    }
}

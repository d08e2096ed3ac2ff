package io.github.mdxai.learn.graph;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import io.github.mdxai.util.Rng;

/**
 * Test oracle: a batch of graphs as the dense masked tensors of the earlier dense model ({@link DenseGatOracle}). Graphs are padded to the largest node
 * count N of the batch. Row i of the adjacency holds the senders of node i's incoming edges plus i itself
 * (a self-loop, so every softmax row has a member); padding nodes have only their self-loop and a zero node mask.
 * <ul>
 * <li>nodes [B, N, T + K]: type one-hot, then the node's local radial histogram: the sum over its incoming edges
 * of the K radial basis functions of the distance, divided by {@link #HISTOGRAM_SCALE}</li>
 * <li>adjacency [B, N, N]: 1 where j -> i is an edge or j == i</li>
 * <li>edges [B, N, N, 4]: (dx, dy, dz, r) of r_j - r_i, zero on non-edges and the self-loop (the radial basis
 * stays out of this tensor: at N = 1000 each further channel costs B x 32 MB in every layer's gradients)</li>
 * <li>mask [B, N, 1]: 1 for real nodes</li>
 * <li>labels [B, 1]</li>
 * </ul>
 * Dense N x N attention avoids SameDiff's gather, whose backprop fails when a graph holds more than one.
 */
final class DenseGraphBatch {

    public final INDArray nodes;
    public final INDArray adjacency;
    public final INDArray edges;
    public final INDArray mask;
    public final INDArray labels;
    public final int size;
    public final int maxNodes;

    /**
     * @param rotationSeed when non-null, each graph's edge vectors are rotated by a uniformly random rotation
     *                     drawn from (rotationSeed, "rotation", epoch, frame, label)
     */
    DenseGraphBatch(List<ParticleGraph> graphs, int numTypes, DataType dtype, Long rotationSeed, int epoch) {
        size = graphs.size();
        int n = 0;
        for (ParticleGraph g : graphs) {
            n = Math.max(n, g.nodeCount());
        }
        maxNodes = n;
        int c = GatConfig.EDGE_FEATURES;
        int f = GraphBatch.nodeFeatures(numTypes);
        float[] x = new float[size * n * f];
        float[] adj = new float[size * n * n];
        float[] e = new float[size * n * n * c];
        float[] m = new float[size * n];
        float[] y = new float[size];
        double[] rot = new double[9];
        for (int b = 0; b < size; b++) {
            ParticleGraph g = graphs.get(b);
            if (g.numTypes() > numTypes) {
                throw new IllegalArgumentException("graph has " + g.numTypes() + " types, model " + numTypes);
            }
            y[b] = g.label();
            if (rotationSeed != null) {
                GraphBatch.randomRotation(Rng.stream(rotationSeed, "rotation", epoch, g.frame(), g.label()), rot);
            }
            int gn = g.nodeCount();
            for (int i = 0; i < n; i++) {
                long row = (long) b * n + i;
                adj[(int) (row * n + i)] = 1f;
                if (i >= gn) {
                    continue;
                }
                m[(int) row] = 1f;
                int node = (int) (row * f);
                x[node + g.types()[i]] = 1f;
                for (int k = g.offsets()[i]; k < g.offsets()[i + 1]; k++) {
                    int j = g.neighbours()[k];
                    double vx = g.edgeVectors()[3 * k];
                    double vy = g.edgeVectors()[3 * k + 1];
                    double vz = g.edgeVectors()[3 * k + 2];
                    if (rotationSeed != null) {
                        double rx = rot[0] * vx + rot[1] * vy + rot[2] * vz;
                        double ry = rot[3] * vx + rot[4] * vy + rot[5] * vz;
                        double rz = rot[6] * vx + rot[7] * vy + rot[8] * vz;
                        vx = rx;
                        vy = ry;
                        vz = rz;
                    }
                    int cell = (int) (row * n + j);
                    adj[cell] = 1f;
                    e[cell * c] = (float) vx;
                    e[cell * c + 1] = (float) vy;
                    e[cell * c + 2] = (float) vz;
                    double r = Math.sqrt(vx * vx + vy * vy + vz * vz);
                    e[cell * c + 3] = (float) r;
                    for (int bin = 0; bin < GraphBatch.RBF_COUNT; bin++) {
                        double u = (r - GraphBatch.RBF_FIRST - bin * GraphBatch.RBF_STEP) / GraphBatch.RBF_STEP;
                        x[node + numTypes + bin] += (float) (Math.exp(-0.5 * u * u) / GraphBatch.HISTOGRAM_SCALE);
                    }
                }
            }
        }
        nodes = Nd4j.create(x, new long[]{size, n, f}, 'c').castTo(dtype);
        adjacency = Nd4j.create(adj, new long[]{size, n, n}, 'c').castTo(dtype);
        edges = Nd4j.create(e, new long[]{size, n, n, c}, 'c').castTo(dtype);
        mask = Nd4j.create(m, new long[]{size, n, 1}, 'c').castTo(dtype);
        labels = Nd4j.create(y, new long[]{size, 1}, 'c').castTo(dtype);
    }
}

package io.github.mdxai.learn.graph;

import io.github.mdxai.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A batch of graphs as one disconnected graph, stored the way the SameDiff model reads it: each node has D slots
 * for its incoming edges (ELLPACK layout), D = 2 + the largest in-degree of the batch (so every node has at least
 * one padding slot). Slot 0 of node i is its
 * self-loop (so every softmax has a member), slots 1..deg(i) its CSR edges in order, the rest padding.
 * Nodes of graph b follow those of graph b - 1. Softmax and message sums over a node's edges become reductions
 * over the slot axis, with no segment operation; work and memory are linear in N D (about 1.5 times the edges of a
 * dense liquid).
 * <ul>
 * <li>nodes [N, T + K]: type one-hot, then the node's local radial histogram: the sum over its incoming edges of
 * the K radial basis functions of the distance, divided by {@link #HISTOGRAM_SCALE}</li>
 * <li>edgeColumns [4, N D]: (dx, dy, dz, r) of r_j - r_i per slot (slot s = i D + k, row-major); zero on
 * self-loops and padding</li>
 * <li>sender [N D] (int): node index of each slot's sender (the node itself on padding)</li>
 * <li>outSlots [N, D_out] (int): the slots whose sender is the node, padded with a padding slot (whose attention,
 * and so whose gradient, is exactly zero); the gradient of a gather by sender is a gather by outSlots
 * (see {@link RowGather})</li>
 * <li>slotMask [N, D]: 0 on edges and self-loops, -1e9 on padding (added to attention logits)</li>
 * <li>membership [B, N]: 1 where node n belongs to graph b; inverseCount [B, 1]: 1 / nodes per graph;
 * labels [B, 1]</li>
 * </ul>
 */
public final class GraphBatch {

    /** Radial basis functions exp(-(r - mu_k)^2 / (2 w^2)), mu_k = RBF_FIRST + k RBF_STEP, w = RBF_STEP. */
    public static final int RBF_COUNT = 8;
    /** First centre and spacing of the radial basis, in sigma_AA: spans the first shell of a dense liquid. */
    public static final double RBF_FIRST = 0.75;
    public static final double RBF_STEP = 0.125;
    /** A first shell holds ~12-14 neighbours: the histogram divided by this lands near 1. */
    static final double HISTOGRAM_SCALE = 4.0;
    /** Attention logit of a padding slot: exp of it is exactly zero. */
    static final float PADDING_LOGIT = -1e9f;

    /** Node input width of a model for numTypes particle types. */
    public static int nodeFeatures(int numTypes) {
        return numTypes + RBF_COUNT;
    }

    public final INDArray nodes;
    public final INDArray edgeColumns;
    public final INDArray sender;
    public final INDArray outSlots;
    public final INDArray slotMask;
    public final INDArray membership;
    public final INDArray inverseCount;
    public final INDArray labels;
    public final int size;
    public final int totalNodes;
    /** Slots per node. */
    public final int slots;

    /**
     * @param rotationSeed when non-null, each graph's edge vectors are rotated by a uniformly random rotation
     *                     drawn from (rotationSeed, "rotation", epoch, frame, label)
     */
    public GraphBatch(List<ParticleGraph> graphs, int numTypes, DataType dtype, Long rotationSeed, int epoch) {
        size = graphs.size();
        int n = 0;
        int d = 1;
        for (ParticleGraph g : graphs) {
            if (g.numTypes() > numTypes) {
                throw new IllegalArgumentException("graph has " + g.numTypes() + " types, model " + numTypes);
            }
            n += g.nodeCount();
            for (int i = 0; i < g.nodeCount(); i++) {
                d = Math.max(d, g.degree(i) + 2);
            }
        }
        totalNodes = n;
        slots = d;
        int c = GatConfig.EDGE_FEATURES;
        int f = nodeFeatures(numTypes);
        float[] x = new float[n * f];
        float[] features = new float[n * d * c];
        int[] send = new int[n * d];
        float[] mask = new float[n * d];
        int[] outDegree = new int[n];
        float[] member = new float[size * n];
        double[] inverseCounts = new double[size];
        float[] y = new float[size];
        double[] rot = new double[9];
        int node0 = 0;
        for (int b = 0; b < size; b++) {
            ParticleGraph g = graphs.get(b);
            y[b] = g.label();
            inverseCounts[b] = 1.0 / g.nodeCount();
            if (rotationSeed != null) {
                randomRotation(Rng.stream(rotationSeed, "rotation", epoch, g.frame(), g.label()), rot);
            }
            for (int i = 0; i < g.nodeCount(); i++) {
                int node = node0 + i;
                member[b * n + node] = 1f;
                x[node * f + g.types()[i]] = 1f;
                int slot = node * d;
                java.util.Arrays.fill(send, slot, slot + d, node);
                java.util.Arrays.fill(mask, slot + 1 + g.degree(i), slot + d, PADDING_LOGIT);
                outDegree[node]++;
                for (int k = g.offsets()[i]; k < g.offsets()[i + 1]; k++) {
                    slot++;
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
                    send[slot] = node0 + g.neighbours()[k];
                    outDegree[send[slot]]++;
                    double r = Math.sqrt(vx * vx + vy * vy + vz * vz);
                    features[slot * c] = (float) vx;
                    features[slot * c + 1] = (float) vy;
                    features[slot * c + 2] = (float) vz;
                    features[slot * c + 3] = (float) r;
                    for (int bin = 0; bin < RBF_COUNT; bin++) {
                        double u = (r - RBF_FIRST - bin * RBF_STEP) / RBF_STEP;
                        x[node * f + numTypes + bin] += (float) (Math.exp(-0.5 * u * u) / HISTOGRAM_SCALE);
                    }
                }
            }
            node0 += g.nodeCount();
        }
        int dOut = 1;
        for (int degree : outDegree) {
            dOut = Math.max(dOut, degree);
        }
        int[] out = new int[n * dOut];
        java.util.Arrays.fill(out, d - 1); // the last slot of node 0: padding, since D exceeds every degree + 1
        int[] filled = new int[n];
        for (int slot = 0; slot < n * d; slot++) {
            if (mask[slot] == 0f) {
                int j = send[slot];
                out[j * dOut + filled[j]++] = slot;
            }
        }
        nodes = Nd4j.create(x, new long[]{n, f}, 'c').castTo(dtype);
        edgeColumns = Nd4j.create(features, new long[]{n * d, c}, 'c').transpose().dup('c').castTo(dtype);
        sender = Nd4j.createFromArray(send);
        outSlots = Nd4j.createFromArray(out).reshape(n, dOut);
        slotMask = Nd4j.create(mask, new long[]{n, d}, 'c').castTo(dtype);
        membership = Nd4j.create(member, new long[]{size, n}, 'c').castTo(dtype);
        inverseCount = Nd4j.create(inverseCounts, new long[]{size, 1}, DataType.DOUBLE).castTo(dtype);
        labels = Nd4j.create(y, new long[]{size, 1}, 'c').castTo(dtype);
    }

    /** Slot of CSR edge k of a one-graph batch (receiver i): i D + 1 + (k - offsets[i]); self-loop of i: i D. */
    public static int slotOfEdge(ParticleGraph g, int slots, int i, int k) {
        return i * slots + 1 + k - g.offsets()[i];
    }

    /** A uniformly random rotation matrix (row-major) from a random unit quaternion. */
    static void randomRotation(SplittableRandom rnd, double[] r) {
        double q0 = Rng.gaussian(rnd), q1 = Rng.gaussian(rnd), q2 = Rng.gaussian(rnd), q3 = Rng.gaussian(rnd);
        double norm = Math.sqrt(q0 * q0 + q1 * q1 + q2 * q2 + q3 * q3);
        q0 /= norm;
        q1 /= norm;
        q2 /= norm;
        q3 /= norm;
        r[0] = 1 - 2 * (q2 * q2 + q3 * q3);
        r[1] = 2 * (q1 * q2 - q0 * q3);
        r[2] = 2 * (q1 * q3 + q0 * q2);
        r[3] = 2 * (q1 * q2 + q0 * q3);
        r[4] = 1 - 2 * (q1 * q1 + q3 * q3);
        r[5] = 2 * (q2 * q3 - q0 * q1);
        r[6] = 2 * (q1 * q3 - q0 * q2);
        r[7] = 2 * (q2 * q3 + q0 * q1);
        r[8] = 1 - 2 * (q1 * q1 + q2 * q2);
    }
}

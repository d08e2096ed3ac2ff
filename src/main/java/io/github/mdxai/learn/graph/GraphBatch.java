package io.github.mdxai.learn.graph;

import io.github.mdxai.util.Rng;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A batch of graphs as one disconnected graph in edge-list form, the way {@link GatModel} reads it: nodes of graph b
 * follow those of graph b - 1, and the incoming edges of each receiver are contiguous, its self-loop first (so every
 * softmax has a member), then its CSR edges in order. Memory is linear in the number of edges.
 * <ul>
 * <li>nodes [N, T + K]: type one-hot, then the node's local radial histogram: the sum over its incoming edges of
 * the K radial basis functions of the distance, divided by {@link #HISTOGRAM_SCALE}</li>
 * <li>edgeStart [N + 1]: the incoming edges of receiver i are edgeStart[i] .. edgeStart[i + 1] - 1</li>
 * <li>sender [E], receiver [E]: node indices of each edge's ends (both the node itself on its self-loop)</li>
 * <li>geometry [E, 4]: (dx, dy, dz, r) of r_j - r_i; zero on self-loops</li>
 * <li>outStart [N + 1], outEdges [E]: the edges whose sender is node j, in increasing order, are
 * outEdges[outStart[j] .. outStart[j + 1] - 1] (gradients flow back to senders along these, in a fixed order)</li>
 * <li>graphStart [B + 1]: the nodes of graph b are graphStart[b] .. graphStart[b + 1] - 1; labels [B]</li>
 * </ul>
 * Inputs are single precision, as the PyTorch twin's and the dense oracle's.
 */
public final class GraphBatch {

    /** Radial basis functions exp(-(r - mu_k)^2 / (2 w^2)), mu_k = RBF_FIRST + k RBF_STEP, w = RBF_STEP. */
    public static final int RBF_COUNT = 8;
    /** First centre and spacing of the radial basis, in sigma_AA: spans the first shell of a dense liquid. */
    public static final double RBF_FIRST = 0.75;
    public static final double RBF_STEP = 0.125;
    /** A first shell holds ~12-14 neighbours: the histogram divided by this lands near 1. */
    static final double HISTOGRAM_SCALE = 4.0;
    private static final double INVERSE_E = Math.exp(-1);

    /** Node input width of a model for numTypes particle types. */
    public static int nodeFeatures(int numTypes) {
        return numTypes + RBF_COUNT;
    }

    /** Graphs in the batch. */
    public final int size;
    public final int totalNodes;
    /** Edges including one self-loop per node. */
    public final int totalEdges;
    final int inputWidth;
    final float[] nodes;
    final int[] edgeStart;
    final int[] sender;
    final int[] receiver;
    final float[] geometry;
    final int[] outStart;
    final int[] outEdges;
    final int[] graphStart;
    final float[] labels;

    /**
     * @param rotationSeed when non-null, each graph's edge vectors are rotated by a uniformly random rotation
     *                     drawn from (rotationSeed, "rotation", epoch, frame, label)
     */
    public GraphBatch(List<ParticleGraph> graphs, int numTypes, Long rotationSeed, int epoch) {
        size = graphs.size();
        int n = 0;
        int e = 0;
        for (ParticleGraph g : graphs) {
            if (g.numTypes() > numTypes) {
                throw new IllegalArgumentException("graph has " + g.numTypes() + " types, model " + numTypes);
            }
            n += g.nodeCount();
            e += g.nodeCount() + g.edgeCount();
        }
        totalNodes = n;
        totalEdges = e;
        int c = GatConfig.EDGE_FEATURES;
        inputWidth = nodeFeatures(numTypes);
        int f = inputWidth;
        nodes = new float[n * f];
        edgeStart = new int[n + 1];
        sender = new int[e];
        receiver = new int[e];
        geometry = new float[e * c];
        graphStart = new int[size + 1];
        labels = new float[size];
        double[] rot = new double[9];
        int node0 = 0;
        int edge = 0;
        for (int b = 0; b < size; b++) {
            ParticleGraph g = graphs.get(b);
            labels[b] = g.label();
            graphStart[b] = node0;
            if (rotationSeed != null) {
                randomRotation(Rng.stream(rotationSeed, "rotation", epoch, g.frame(), g.label()), rot);
            }
            for (int i = 0; i < g.nodeCount(); i++) {
                int node = node0 + i;
                nodes[node * f + g.types()[i]] = 1f;
                edgeStart[node] = edge;
                Arrays.fill(receiver, edge, edge + 1 + g.degree(i), node);
                sender[edge++] = node;
                for (int k = g.offsets()[i]; k < g.offsets()[i + 1]; k++) {
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
                    sender[edge] = node0 + g.neighbours()[k];
                    double r = Math.sqrt(vx * vx + vy * vy + vz * vz);
                    geometry[edge * c] = (float) vx;
                    geometry[edge * c + 1] = (float) vy;
                    geometry[edge * c + 2] = (float) vz;
                    geometry[edge * c + 3] = (float) r;
                    edge++;
                    // exp(-u_k^2 / 2) with u_k = u_0 - k: each term is the previous one times exp(u_0 - k + 1/2),
                    // and that factor shrinks by exp(-1) per bin, so two exponentials serve all bins
                    double u0 = (r - RBF_FIRST) / RBF_STEP;
                    double basis = Math.exp(-0.5 * u0 * u0);
                    double factor = Math.exp(u0 - 0.5);
                    for (int bin = 0; bin < RBF_COUNT; bin++) {
                        nodes[node * f + numTypes + bin] += (float) (basis / HISTOGRAM_SCALE);
                        basis *= factor;
                        factor *= INVERSE_E;
                    }
                }
            }
            node0 += g.nodeCount();
        }
        edgeStart[n] = edge;
        graphStart[size] = n;
        outStart = new int[n + 1];
        for (int k = 0; k < e; k++) {
            outStart[sender[k] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            outStart[j + 1] += outStart[j];
        }
        outEdges = new int[e];
        int[] filled = Arrays.copyOf(outStart, n);
        for (int k = 0; k < e; k++) {
            outEdges[filled[sender[k]]++] = k;
        }
    }

    /** Edge index of CSR edge k (receiver i) of graph b in this batch; the self-loop of i is edgeOf(b, i, -1). */
    int edgeOf(int b, ParticleGraph g, int i, int k) {
        int receiver = graphStart[b] + i;
        return edgeStart[receiver] + (k < 0 ? 0 : 1 + k - g.offsets()[i]);
    }

    /** Class label of graph b (0 or 1). */
    public int label(int b) {
        return (int) labels[b];
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

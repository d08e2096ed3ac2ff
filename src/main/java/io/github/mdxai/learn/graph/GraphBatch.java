package io.github.mdxai.learn.graph;

import io.github.mdxai.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A batch of graphs as one disconnected graph: the edge lists the sparse SameDiff model reads. Nodes of graph b
 * follow those of graph b - 1; each graph contributes its CSR edges (sender neighbours[k] to receiver i), then one
 * self-loop per node (so every softmax has a member), so the edges of a one-graph batch are indexed exactly as
 * {@link GatModel#attention} reports them.
 * <ul>
 * <li>nodes [N, T + K]: type one-hot, then the node's local radial histogram: the sum over its incoming edges of
 * the K radial basis functions of the distance, divided by {@link #HISTOGRAM_SCALE}</li>
 * <li>edges [E, 4]: (dx, dy, dz, r) of r_j - r_i; zero on self-loops</li>
 * <li>receiver, sender [E] (int): node indices of each edge in the batch</li>
 * <li>graph [N] (int): the graph each node belongs to</li>
 * <li>nodeCount, graphCount: scalars (int), the segment counts</li>
 * <li>count [B, 1]: nodes per graph; labels [B, 1]</li>
 * </ul>
 * Memory and work are linear in the number of edges.
 */
public final class GraphBatch {

    /** Radial basis functions exp(-(r - mu_k)^2 / (2 w^2)), mu_k = RBF_FIRST + k RBF_STEP, w = RBF_STEP. */
    public static final int RBF_COUNT = 8;
    /** First centre and spacing of the radial basis, in sigma_AA: spans the first shell of a dense liquid. */
    public static final double RBF_FIRST = 0.75;
    public static final double RBF_STEP = 0.125;
    /** A first shell holds ~12-14 neighbours: the histogram divided by this lands near 1. */
    static final double HISTOGRAM_SCALE = 4.0;

    /** Node input width of a model for numTypes particle types. */
    public static int nodeFeatures(int numTypes) {
        return numTypes + RBF_COUNT;
    }

    public final INDArray nodes;
    public final INDArray edges;
    public final INDArray receiver;
    public final INDArray sender;
    public final INDArray graph;
    public final INDArray nodeCount;
    public final INDArray graphCount;
    public final INDArray count;
    public final INDArray labels;
    public final int size;
    public final int totalNodes;
    public final int totalEdges;

    /**
     * @param rotationSeed when non-null, each graph's edge vectors are rotated by a uniformly random rotation
     *                     drawn from (rotationSeed, "rotation", epoch, frame, label)
     */
    public GraphBatch(List<ParticleGraph> graphs, int numTypes, DataType dtype, Long rotationSeed, int epoch) {
        size = graphs.size();
        int n = 0;
        int e = 0;
        for (ParticleGraph g : graphs) {
            if (g.numTypes() > numTypes) {
                throw new IllegalArgumentException("graph has " + g.numTypes() + " types, model " + numTypes);
            }
            n += g.nodeCount();
            e += g.edgeCount() + g.nodeCount();
        }
        totalNodes = n;
        totalEdges = e;
        int c = GatConfig.EDGE_FEATURES;
        int f = nodeFeatures(numTypes);
        float[] x = new float[n * f];
        float[] features = new float[e * c];
        int[] recv = new int[e];
        int[] send = new int[e];
        int[] owner = new int[n];
        float[] counts = new float[size];
        float[] y = new float[size];
        double[] rot = new double[9];
        int node0 = 0;
        int edge = 0;
        for (int b = 0; b < size; b++) {
            ParticleGraph g = graphs.get(b);
            y[b] = g.label();
            counts[b] = g.nodeCount();
            if (rotationSeed != null) {
                randomRotation(Rng.stream(rotationSeed, "rotation", epoch, g.frame(), g.label()), rot);
            }
            int gn = g.nodeCount();
            for (int i = 0; i < gn; i++) {
                int node = (node0 + i) * f;
                owner[node0 + i] = b;
                x[node + g.types()[i]] = 1f;
                for (int k = g.offsets()[i]; k < g.offsets()[i + 1]; k++, edge++) {
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
                    recv[edge] = node0 + i;
                    send[edge] = node0 + g.neighbours()[k];
                    double r = Math.sqrt(vx * vx + vy * vy + vz * vz);
                    features[edge * c] = (float) vx;
                    features[edge * c + 1] = (float) vy;
                    features[edge * c + 2] = (float) vz;
                    features[edge * c + 3] = (float) r;
                    for (int bin = 0; bin < RBF_COUNT; bin++) {
                        double u = (r - RBF_FIRST - bin * RBF_STEP) / RBF_STEP;
                        x[node + numTypes + bin] += (float) (Math.exp(-0.5 * u * u) / HISTOGRAM_SCALE);
                    }
                }
            }
            for (int i = 0; i < gn; i++, edge++) {
                recv[edge] = node0 + i;
                send[edge] = node0 + i;
            }
            node0 += gn;
        }
        nodes = Nd4j.create(x, new long[]{n, f}, 'c').castTo(dtype);
        edges = Nd4j.create(features, new long[]{e, c}, 'c').castTo(dtype);
        receiver = Nd4j.createFromArray(recv);
        sender = Nd4j.createFromArray(send);
        graph = Nd4j.createFromArray(owner);
        nodeCount = Nd4j.scalar(n);
        graphCount = Nd4j.scalar(size);
        count = Nd4j.create(counts, new long[]{size, 1}, 'c').castTo(dtype);
        labels = Nd4j.create(y, new long[]{size, 1}, 'c').castTo(dtype);
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

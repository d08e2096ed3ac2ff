package io.github.mdxai.learn.graph;

import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward and backward pass of {@link GatModel} on a {@link GraphBatch}, written out by hand in double precision:
 * the dense products of node matrices with weights ([N, f] x [f, f'] and their gradients) in ND4J's BLAS (gemm) on the
 * calling thread; per-edge logits, softmax and messages as loops over each receiver's incoming edges, gradients back
 * to senders as loops over each sender's outgoing edges. Every step is linear in nodes or edges. SameDiff ran the same
 * mathematics as ~200 graph operations with their own buffers per iteration: three times slower than the PyTorch
 * twin and near 2.4 GB resident at N = 1000, batch 8 ({@code bin/mdxai bench gat}).
 * <p>
 * The edge loops run in fixed chunks of {@link #CHUNK} nodes; every node row is written by one chunk only and each
 * chunk sums its share of the attention parameters' gradients into its own buffer, which are added in chunk order.
 * So results are the same bit for bit whatever the number of threads (the BLAS products stay on one thread).
 * <p>
 * Parameter order (index, name, shape): 0 enc_W [T+K, f], 1 enc_b [1, f]; per layer l from 2 + 6 l: W [f, heads d],
 * a_dst [1, heads d], a_src [1, heads d], a_edge [4, heads], out_W [f + heads (d + 4), f], out_b [1, f]; then
 * readout_gain [1, 2f], readout_bias [1, 2f], head_W1 [2f, f], head_b1 [1, f], head_W2 [f, 1], head_b2 [1, 1].
 */
final class GatEngine {

    /** Nodes per chunk of work. */
    static final int CHUNK = 1024;
    static final double LEAKY_SLOPE = 0.2;
    static final double STD_EPSILON = 1e-6;
    static final double NORM_EPSILON = 1e-5;

    static final int W = 0;
    static final int A_DST = 1;
    static final int A_SRC = 2;
    static final int A_EDGE = 3;
    static final int OUT_W = 4;
    static final int OUT_B = 5;
    private static final int PER_LAYER = 6;

    final int inputWidth;
    final int width;
    final int heads;
    final int headWidth;
    /** Message block per head: d node columns, then the 4 geometry columns. */
    final int messageBlock;
    final int layers;
    final boolean sumReadout;

    GatEngine(GatConfig config, int numTypes) {
        inputWidth = GraphBatch.nodeFeatures(numTypes);
        width = config.width();
        heads = config.heads();
        headWidth = width / heads;
        messageBlock = headWidth + GatConfig.EDGE_FEATURES;
        layers = config.layers();
        sumReadout = "sum".equals(config.readout());
    }

    static int layerParameter(int layer, int which) {
        return 2 + PER_LAYER * layer + which;
    }

    int gain() {
        return 2 + PER_LAYER * layers;
    }

    /** Parameter names in index order, as SameDiff named them in format 3 files. */
    String[] names() {
        String[] names = new String[gain() + 6];
        names[0] = "enc_W";
        names[1] = "enc_b";
        String[] perLayer = {"W", "a_dst", "a_src", "a_edge", "out_W", "out_b"};
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k < PER_LAYER; k++) {
                names[layerParameter(l, k)] = "l" + l + "_" + perLayer[k];
            }
        }
        String[] tail = {"readout_gain", "readout_bias", "head_W1", "head_b1", "head_W2", "head_b2"};
        System.arraycopy(tail, 0, names, gain(), tail.length);
        return names;
    }

    /** Parameter shapes {rows, columns} in index order. */
    int[][] shapes() {
        int[][] s = new int[gain() + 6][];
        int hd = heads * headWidth;
        s[0] = new int[]{inputWidth, width};
        s[1] = new int[]{1, width};
        for (int l = 0; l < layers; l++) {
            s[layerParameter(l, W)] = new int[]{width, hd};
            s[layerParameter(l, A_DST)] = new int[]{1, hd};
            s[layerParameter(l, A_SRC)] = new int[]{1, hd};
            s[layerParameter(l, A_EDGE)] = new int[]{GatConfig.EDGE_FEATURES, heads};
            s[layerParameter(l, OUT_W)] = new int[]{width + heads * messageBlock, width};
            s[layerParameter(l, OUT_B)] = new int[]{1, width};
        }
        int g = gain();
        s[g] = new int[]{1, 2 * width};
        s[g + 1] = new int[]{1, 2 * width};
        s[g + 2] = new int[]{2 * width, width};
        s[g + 3] = new int[]{1, width};
        s[g + 4] = new int[]{width, 1};
        s[g + 5] = new int[]{1, 1};
        return s;
    }

    /** Runs chunks [0, chunks) of work: on the calling thread, or on a pool (same results either way). */
    interface Runner {
        void run(int chunks, ChunkBody body);
    }

    interface ChunkBody {
        void run(int chunk);
    }

    static final Runner SEQUENTIAL = (chunks, body) -> {
        for (int c = 0; c < chunks; c++) {
            body.run(c);
        }
    };

    /** A runner on the given pool (each call waits for all its chunks). */
    static Runner on(ExecutorService pool) {
        return (chunks, body) -> {
            if (chunks == 1) {
                body.run(0);
                return;
            }
            List<Future<?>> futures = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                int chunk = c;
                futures.add(pool.submit(() -> body.run(chunk)));
            }
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }

    /** Activations of one forward pass, kept for the backward pass; arrays are reused by later batches. */
    static final class Pass {
        int nodes;
        int edges;
        int graphs;
        double[] x;
        /** Derivative of each ELU at its input: 1 above zero, exp(input) below. */
        double[] encoderSlope;
        double[][] h;
        /** Per layer [N, width + heads (d + 4)]: h_l, then the messages, the input of the update's product. */
        double[][] joined;
        double[][] z;
        double[][] receiverTerm;
        double[][] senderTerm;
        double[][] score;
        double[][] alpha;
        double[][] updateSlope;
        double[] sum;
        double[] mean;
        double[] std;
        double[] normalisedPooled;
        double[] inverseSpread;
        double[] normed;
        double[] hiddenInput;
        double[] hidden;
        double[] logit;
        // backward buffers
        double[] dh;
        double[] du;
        double[] dJoined;
        double[] dz;
        double[] dScore;
        double[] dReceiver;
        double[] dSender;
        double[][] chunkGradients = new double[0][];
        /** ND4J matrices of the dense products by role, reused while their shape stays. */
        final Map<String, INDArray> matrices = new HashMap<>();

        /** A double-precision matrix for a role, reused while its shape stays the same. */
        INDArray matrix(String role, int rows, int columns) {
            INDArray m = matrices.get(role);
            if (m == null || m.rows() != rows || m.columns() != columns) {
                m = Nd4j.create(DataType.DOUBLE, rows, columns);
                matrices.put(role, m);
            }
            return m;
        }

        /** The role's matrix holding a copy of the row-major values. */
        INDArray load(String role, double[] values, int rows, int columns) {
            INDArray m = matrix(role, rows, columns);
            new DoublePointer(m.data().addressPointer()).put(values, 0, rows * columns);
            return m;
        }
    }

    private static void store(INDArray m, double[] target) {
        new DoublePointer(m.data().addressPointer()).get(target, 0, (int) m.length());
    }

    /** c = a b (transposes as flagged) in ND4J's BLAS, the dense products' engine; c = c + a b with accumulate. */
    private static void product(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB,
                                boolean accumulate) {
        Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, accumulate ? 1.0 : 0.0);
    }

    private static double[] fit(double[] a, int length) {
        return a != null && a.length == length ? a : new double[length];
    }

    private static double[][] fit(double[][] a, int count) {
        return a != null && a.length == count ? a : new double[count][];
    }

    static int chunks(int nodes) {
        return Math.max(1, (nodes + CHUNK - 1) / CHUNK);
    }

    /** Forward pass up to the logits ({@code pass.logit[b]}); reuses {@code reuse}'s arrays when given. */
    Pass forward(double[][] w, GraphBatch batch, Pass reuse, Runner runner) {
        Pass p = reuse != null ? reuse : new Pass();
        int n = batch.totalNodes;
        int e = batch.totalEdges;
        int f = width;
        int hd = heads * headWidth;
        int jw = f + heads * messageBlock;
        p.nodes = n;
        p.edges = e;
        p.graphs = batch.size;
        p.h = fit(p.h, layers + 1);
        p.joined = fit(p.joined, layers);
        p.z = fit(p.z, layers);
        p.receiverTerm = fit(p.receiverTerm, layers);
        p.senderTerm = fit(p.senderTerm, layers);
        p.score = fit(p.score, layers);
        p.alpha = fit(p.alpha, layers);
        p.updateSlope = fit(p.updateSlope, layers);
        p.x = fit(p.x, n * inputWidth);
        for (int k = 0; k < n * inputWidth; k++) {
            p.x[k] = batch.nodes[k];
        }
        p.encoderSlope = fit(p.encoderSlope, n * f);
        for (int l = 0; l <= layers; l++) {
            p.h[l] = fit(p.h[l], n * f);
        }
        for (int l = 0; l < layers; l++) {
            p.joined[l] = fit(p.joined[l], n * jw);
            p.z[l] = fit(p.z[l], n * hd);
            p.receiverTerm[l] = fit(p.receiverTerm[l], n * heads);
            p.senderTerm[l] = fit(p.senderTerm[l], n * heads);
            p.score[l] = fit(p.score[l], e * heads);
            p.alpha[l] = fit(p.alpha[l], e * heads);
            p.updateSlope[l] = fit(p.updateSlope[l], n * f);
        }
        INDArray encoded = p.matrix("encoded", n, f);
        product(p.load("x", p.x, n, inputWidth), p.load("enc_W", w[0], inputWidth, f), encoded, false, false, false);
        store(encoded, p.h[0]);
        eluWithBias(p.h[0], w[1], null, p.encoderSlope, n, f);
        for (int l = 0; l < layers; l++) {
            forwardLayer(w, batch, p, l, runner);
        }
        readout(w, batch, p);
        return p;
    }

    /** v = ELU(v + bias) row by row, plus the residual (when given), and the ELU's slope at its input. */
    private static void eluWithBias(double[] v, double[] bias, double[] residual, double[] slope, int rows, int f) {
        for (int i = 0; i < rows; i++) {
            for (int q = 0; q < f; q++) {
                int k = i * f + q;
                double u = v[k] + bias[q];
                double exp = u > 0 ? 1 : Math.exp(u);
                slope[k] = exp;
                v[k] = (u > 0 ? u : exp - 1) + (residual == null ? 0 : residual[k]);
            }
        }
    }

    private void forwardLayer(double[][] w, GraphBatch batch, Pass p, int l, Runner runner) {
        int n = p.nodes;
        int f = width;
        int d = headWidth;
        int hd = heads * d;
        int md = messageBlock;
        int jw = f + heads * md;
        int c4 = GatConfig.EDGE_FEATURES;
        double[] h = p.h[l];
        double[] z = p.z[l];
        double[] aDst = w[layerParameter(l, A_DST)];
        double[] aSrc = w[layerParameter(l, A_SRC)];
        double[] aEdge = w[layerParameter(l, A_EDGE)];
        double[] rt = p.receiverTerm[l];
        double[] st = p.senderTerm[l];
        double[] score = p.score[l];
        double[] alpha = p.alpha[l];
        double[] joined = p.joined[l];
        int chunks = chunks(n);
        INDArray zMatrix = p.matrix("z", n, hd);
        product(p.load("h" + l, h, n, f), p.load("W" + l, w[layerParameter(l, W)], f, hd), zMatrix, false, false,
                false);
        store(zMatrix, z);
        // each node's receiver and sender terms a . z per head
        runner.run(chunks, c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            for (int i = from; i < to; i++) {
                for (int k = 0; k < heads; k++) {
                    double dst = 0;
                    double src = 0;
                    for (int t = 0; t < d; t++) {
                        double v = z[i * hd + k * d + t];
                        dst += aDst[k * d + t] * v;
                        src += aSrc[k * d + t] * v;
                    }
                    rt[i * heads + k] = dst;
                    st[i * heads + k] = src;
                }
            }
        });
        // per receiver: logits of its incoming edges, softmax over them, messages beside h in the joined rows
        runner.run(chunks, c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            double[] largest = new double[heads];
            double[] total = new double[heads];
            int[] sender = batch.sender;
            float[] g = batch.geometry;
            for (int i = from; i < to; i++) {
                int e0 = batch.edgeStart[i];
                int e1 = batch.edgeStart[i + 1];
                for (int k = 0; k < heads; k++) { // loops, not Arrays.fill: per node, on arrays of `heads`
                    largest[k] = Double.NEGATIVE_INFINITY;
                    total[k] = 0;
                }
                for (int e = e0; e < e1; e++) {
                    int j = sender[e];
                    double g0 = g[e * c4];
                    double g1 = g[e * c4 + 1];
                    double g2 = g[e * c4 + 2];
                    double g3 = g[e * c4 + 3];
                    for (int k = 0; k < heads; k++) {
                        double s = rt[i * heads + k] + st[j * heads + k] + g0 * aEdge[k] + g1 * aEdge[heads + k]
                                + g2 * aEdge[2 * heads + k] + g3 * aEdge[3 * heads + k];
                        score[e * heads + k] = s;
                        double activated = s > 0 ? s : LEAKY_SLOPE * s;
                        alpha[e * heads + k] = activated;
                        largest[k] = Math.max(largest[k], activated);
                    }
                }
                for (int e = e0; e < e1; e++) {
                    for (int k = 0; k < heads; k++) {
                        double v = Math.exp(alpha[e * heads + k] - largest[k]);
                        alpha[e * heads + k] = v;
                        total[k] += v;
                    }
                }
                int row = i * jw;
                System.arraycopy(h, i * f, joined, row, f);
                Arrays.fill(joined, row + f, row + jw, 0);
                for (int e = e0; e < e1; e++) {
                    int j = sender[e];
                    for (int k = 0; k < heads; k++) {
                        double a = alpha[e * heads + k] / total[k];
                        alpha[e * heads + k] = a;
                        int mo = row + f + k * md;
                        int zo = j * hd + k * d;
                        for (int t = 0; t < d; t++) {
                            joined[mo + t] += a * z[zo + t];
                        }
                        for (int q = 0; q < c4; q++) {
                            joined[mo + d + q] += a * g[e * c4 + q];
                        }
                    }
                }
            }
        });
        // u = [h, m] out_W + out_b;  h' = h + ELU(u)
        INDArray update = p.matrix("update", n, f);
        product(p.load("joined" + l, joined, n, jw), p.load("out_W" + l, w[layerParameter(l, OUT_W)], jw, f), update,
                false, false, false);
        double[] next = p.h[l + 1];
        store(update, next);
        eluWithBias(next, w[layerParameter(l, OUT_B)], h, p.updateSlope[l], n, f);
    }

    /** Mean (or sum) and standard deviation of h over each graph's nodes, LayerNorm, the two-layer head. */
    private void readout(double[][] w, GraphBatch batch, Pass p) {
        int f = width;
        int b = batch.size;
        int g = gain();
        double[] h = p.h[layers];
        p.sum = fit(p.sum, b * f);
        p.mean = fit(p.mean, b * f);
        p.std = fit(p.std, b * f);
        p.normalisedPooled = fit(p.normalisedPooled, b * 2 * f);
        p.inverseSpread = fit(p.inverseSpread, b);
        p.normed = fit(p.normed, b * 2 * f);
        p.hiddenInput = fit(p.hiddenInput, b * f);
        p.hidden = fit(p.hidden, b * f);
        p.logit = fit(p.logit, b);
        double[] pooled = new double[2 * f];
        for (int graph = 0; graph < b; graph++) {
            int from = batch.graphStart[graph];
            int to = batch.graphStart[graph + 1];
            double inverseCount = 1.0 / (to - from);
            // row by row (a column at a time strides through a graph's rows 2f times, out of cache at N = 8000)
            int o = graph * f;
            Arrays.fill(p.sum, o, o + f, 0);
            for (int i = from; i < to; i++) {
                for (int q = 0; q < f; q++) {
                    p.sum[o + q] += h[i * f + q];
                }
            }
            double[] squares = new double[f];
            for (int q = 0; q < f; q++) {
                p.mean[o + q] = p.sum[o + q] * inverseCount;
            }
            for (int i = from; i < to; i++) {
                for (int q = 0; q < f; q++) {
                    double dev = h[i * f + q] - p.mean[o + q];
                    squares[q] += dev * dev;
                }
            }
            for (int q = 0; q < f; q++) {
                p.std[o + q] = Math.sqrt(squares[q] * inverseCount + STD_EPSILON);
                pooled[q] = sumReadout ? p.sum[o + q] : p.mean[o + q];
                pooled[f + q] = p.std[o + q];
            }
            double centre = 0;
            for (double v : pooled) {
                centre += v;
            }
            centre /= 2 * f;
            double spread = 0;
            for (double v : pooled) {
                spread += (v - centre) * (v - centre);
            }
            double inverse = 1 / Math.sqrt(spread / (2 * f) + NORM_EPSILON);
            p.inverseSpread[graph] = inverse;
            for (int q = 0; q < 2 * f; q++) {
                double xhat = (pooled[q] - centre) * inverse;
                p.normalisedPooled[graph * 2 * f + q] = xhat;
                p.normed[graph * 2 * f + q] = xhat * w[g][q] + w[g + 1][q];
            }
        }
        biasedProduct(p.normed, 2 * f, w[g + 2], f, w[g + 3], p.hiddenInput, 0, b);
        for (int k = 0; k < b * f; k++) {
            p.hidden[k] = elu(p.hiddenInput[k]);
        }
        for (int graph = 0; graph < b; graph++) {
            double logit = w[g + 5][0];
            for (int q = 0; q < f; q++) {
                logit += p.hidden[graph * f + q] * w[g + 4][q];
            }
            p.logit[graph] = logit;
        }
    }

    /** Mean sigmoid cross-entropy of the logits against the labels. */
    static double loss(Pass p, GraphBatch batch) {
        double total = 0;
        for (int b = 0; b < p.graphs; b++) {
            double x = p.logit[b];
            total += Math.max(x, 0) - x * batch.labels[b] + Math.log1p(Math.exp(-Math.abs(x)));
        }
        return total / p.graphs;
    }

    /** Gradients of the mean loss with respect to every parameter, into {@code grad} (overwritten). */
    void backward(double[][] w, GraphBatch batch, Pass p, double[][] grad, Runner runner) {
        int n = p.nodes;
        int f = width;
        int b = p.graphs;
        int g = gain();
        int chunks = chunks(n);
        for (double[] a : grad) {
            Arrays.fill(a, 0);
        }
        // head and readout, per graph
        double[] dHidden = new double[b * f];
        for (int graph = 0; graph < b; graph++) {
            double x = p.logit[graph];
            double dLogit = (1 / (1 + Math.exp(-x)) - batch.labels[graph]) / b;
            grad[g + 5][0] += dLogit;
            for (int q = 0; q < f; q++) {
                grad[g + 4][q] += p.hidden[graph * f + q] * dLogit;
                dHidden[graph * f + q] = dLogit * w[g + 4][q] * eluSlope(p.hiddenInput[graph * f + q]);
            }
        }
        weightGradient(p.normed, 2 * f, dHidden, f, grad[g + 2], b);
        for (int k = 0; k < b * f; k++) {
            grad[g + 3][k % f] += dHidden[k];
        }
        double[] dNormed = new double[b * 2 * f];
        backProduct(dHidden, f, w[g + 2], 2 * f, dNormed, 0, b);
        p.dh = fit(p.dh, n * f);
        double[] dh = p.dh;
        double[] hl = p.h[layers];
        double[] dx = new double[2 * f];
        for (int graph = 0; graph < b; graph++) {
            double meanDx = 0;
            double meanDxX = 0;
            for (int q = 0; q < 2 * f; q++) {
                double xhat = p.normalisedPooled[graph * 2 * f + q];
                double dn = dNormed[graph * 2 * f + q];
                grad[g][q] += dn * xhat;
                grad[g + 1][q] += dn;
                dx[q] = dn * w[g][q];
                meanDx += dx[q];
                meanDxX += dx[q] * xhat;
            }
            meanDx /= 2 * f;
            meanDxX /= 2 * f;
            double inverse = p.inverseSpread[graph];
            int from = batch.graphStart[graph];
            int to = batch.graphStart[graph + 1];
            double inverseCount = 1.0 / (to - from);
            double[] dLocation = new double[f];
            double[] toDeviation = new double[f];
            double[] deviations = new double[f];
            for (int q = 0; q < f; q++) {
                dLocation[q] = inverse * (dx[q] - meanDx - p.normalisedPooled[graph * 2 * f + q] * meanDxX);
                double dStd = inverse * (dx[f + q] - meanDx - p.normalisedPooled[graph * 2 * f + f + q] * meanDxX);
                toDeviation[q] = 2 * (dStd * 0.5 / p.std[graph * f + q]) * inverseCount;
            }
            for (int i = from; i < to; i++) {
                for (int q = 0; q < f; q++) {
                    double dev = hl[i * f + q] - p.mean[graph * f + q];
                    dh[i * f + q] = toDeviation[q] * dev;
                    deviations[q] += dev;
                }
            }
            double[] dSum = new double[f];
            for (int q = 0; q < f; q++) {
                double dMean = (sumReadout ? 0 : dLocation[q]) - toDeviation[q] * deviations[q];
                dSum[q] = (sumReadout ? dLocation[q] : 0) + dMean * inverseCount;
            }
            for (int i = from; i < to; i++) {
                for (int q = 0; q < f; q++) {
                    dh[i * f + q] += dSum[q];
                }
            }
        }
        // the attention parameters' gradients are summed per chunk of receivers, then over chunks in order
        if (p.chunkGradients.length != chunks) {
            p.chunkGradients = new double[chunks][];
        }
        int perChunk = layers * (GatConfig.EDGE_FEATURES * heads + 2 * heads * headWidth);
        for (int c = 0; c < chunks; c++) {
            p.chunkGradients[c] = fit(p.chunkGradients[c], perChunk);
            Arrays.fill(p.chunkGradients[c], 0);
        }
        for (int l = layers - 1; l >= 0; l--) {
            backwardLayer(w, batch, p, l, grad, runner);
        }
        for (int c = 0; c < chunks; c++) {
            double[] part = p.chunkGradients[c];
            int at = 0;
            for (int l = 0; l < layers; l++) {
                for (int which : new int[]{A_EDGE, A_DST, A_SRC}) {
                    double[] target = grad[layerParameter(l, which)];
                    for (int q = 0; q < target.length; q++) {
                        target[q] += part[at++];
                    }
                }
            }
        }
        // encoder
        double[] da = dh;
        for (int k = 0; k < n * f; k++) {
            da[k] *= p.encoderSlope[k];
            grad[1][k % f] += da[k];
        }
        INDArray encoderGradient = p.matrix("d_enc_W", inputWidth, f);
        product(p.matrix("x", n, inputWidth), p.load("d_rows", da, n, f), encoderGradient, true, false, false);
        store(encoderGradient, grad[0]);
    }

    private static double elu(double v) {
        return v > 0 ? v : Math.exp(v) - 1;
    }

    private static double eluSlope(double v) {
        return v > 0 ? 1 : Math.exp(v);
    }

    /** Back through layer l: p.dh holds the gradient of h_{l+1} on entry and that of h_l on exit. */
    private void backwardLayer(double[][] w, GraphBatch batch, Pass p, int l, double[][] grad, Runner runner) {
        int n = p.nodes;
        int f = width;
        int d = headWidth;
        int hd = heads * d;
        int md = messageBlock;
        int jw = f + heads * md;
        int c4 = GatConfig.EDGE_FEATURES;
        int e = p.edges;
        int chunks = chunks(n);
        // this layer's slice of each chunk's buffer: a_edge [4, heads], a_dst [heads d], a_src [heads d]
        int pEdge = l * (c4 * heads + 2 * hd);
        int pDst = pEdge + c4 * heads;
        int pSrc = pDst + hd;
        double[] aDst = w[layerParameter(l, A_DST)];
        double[] aSrc = w[layerParameter(l, A_SRC)];
        double[] z = p.z[l];
        double[] alpha = p.alpha[l];
        double[] score = p.score[l];
        double[] dh = p.dh;
        double[] slope = p.updateSlope[l];
        p.du = fit(p.du, n * f);
        p.dJoined = fit(p.dJoined, n * jw);
        p.dz = fit(p.dz, n * hd);
        p.dScore = fit(p.dScore, e * heads);
        p.dReceiver = fit(p.dReceiver, n * heads);
        p.dSender = fit(p.dSender, n * heads);
        double[] du = p.du;
        double[] dJoined = p.dJoined;
        double[] dz = p.dz;
        double[] dScore = p.dScore;
        double[] dReceiver = p.dReceiver;
        double[] dSender = p.dSender;
        float[] g = batch.geometry;
        // through the residual update: h' = h + ELU([h, m] out_W + out_b)
        double[] outBias = grad[layerParameter(l, OUT_B)];
        for (int k = 0; k < n * f; k++) {
            du[k] = dh[k] * slope[k];
            outBias[k % f] += du[k];
        }
        INDArray duMatrix = p.load("d_rows", du, n, f);
        INDArray outGradient = p.matrix("d_out_W", jw, f);
        product(p.matrix("joined" + l, n, jw), duMatrix, outGradient, true, false, false);
        store(outGradient, grad[layerParameter(l, OUT_W)]);
        INDArray joinedGradient = p.matrix("d_joined", n, jw);
        product(duMatrix, p.matrix("out_W" + l, jw, f), joinedGradient, false, true, false);
        store(joinedGradient, dJoined);
        // per receiver, through the messages and the softmax; dh gains the update's direct gradient
        runner.run(chunks, c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            double[] part = p.chunkGradients[c];
            double[] dot = new double[heads];
            double[] edgeGradient = new double[c4 * heads];
            int[] sender = batch.sender;
            for (int i = from; i < to; i++) {
                for (int q = 0; q < f; q++) {
                    dh[i * f + q] += dJoined[i * jw + q];
                }
                int e0 = batch.edgeStart[i];
                int e1 = batch.edgeStart[i + 1];
                for (int k = 0; k < heads; k++) {
                    dot[k] = 0;
                }
                for (int edge = e0; edge < e1; edge++) {
                    int j = sender[edge];
                    for (int k = 0; k < heads; k++) {
                        int mo = i * jw + f + k * md;
                        int zo = j * hd + k * d;
                        double da = 0;
                        for (int t = 0; t < d; t++) {
                            da += dJoined[mo + t] * z[zo + t];
                        }
                        for (int q = 0; q < c4; q++) {
                            da += dJoined[mo + d + q] * g[edge * c4 + q];
                        }
                        dScore[edge * heads + k] = da;
                        dot[k] += da * alpha[edge * heads + k];
                    }
                }
                for (int q = 0; q < c4 * heads; q++) {
                    edgeGradient[q] = 0;
                }
                for (int k = 0; k < heads; k++) {
                    double receiverSum = 0;
                    for (int edge = e0; edge < e1; edge++) {
                        double s = alpha[edge * heads + k] * (dScore[edge * heads + k] - dot[k]);
                        double ds = score[edge * heads + k] > 0 ? s : LEAKY_SLOPE * s;
                        dScore[edge * heads + k] = ds;
                        receiverSum += ds;
                        for (int q = 0; q < c4; q++) {
                            edgeGradient[q * heads + k] += g[edge * c4 + q] * ds;
                        }
                    }
                    dReceiver[i * heads + k] = receiverSum;
                }
                for (int q = 0; q < c4 * heads; q++) {
                    part[pEdge + q] += edgeGradient[q];
                }
            }
        });
        // per sender, along its outgoing edges: gradients of z_j through the messages and the sender term
        runner.run(chunks, c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            double[] part = p.chunkGradients[c];
            Arrays.fill(dz, from * hd, to * hd, 0);
            for (int j = from; j < to; j++) {
                for (int k = 0; k < heads; k++) {
                    dSender[j * heads + k] = 0;
                }
                for (int o = batch.outStart[j]; o < batch.outStart[j + 1]; o++) {
                    int edge = batch.outEdges[o];
                    int i = batch.receiver[edge];
                    for (int k = 0; k < heads; k++) {
                        double a = alpha[edge * heads + k];
                        int mo = i * jw + f + k * md;
                        int zo = j * hd + k * d;
                        for (int t = 0; t < d; t++) {
                            dz[zo + t] += a * dJoined[mo + t];
                        }
                        dSender[j * heads + k] += dScore[edge * heads + k];
                    }
                }
                for (int k = 0; k < heads; k++) {
                    double dr = dReceiver[j * heads + k];
                    double ds = dSender[j * heads + k];
                    for (int t = 0; t < d; t++) {
                        int col = k * d + t;
                        double zv = z[j * hd + col];
                        part[pDst + col] += dr * zv;
                        part[pSrc + col] += ds * zv;
                        dz[j * hd + col] += dr * aDst[col] + ds * aSrc[col];
                    }
                }
            }
        });
        // z = h W
        INDArray dzMatrix = p.load("d_z", dz, n, hd);
        INDArray weightGradient = p.matrix("d_W", f, hd);
        product(p.matrix("h" + l, n, f), dzMatrix, weightGradient, true, false, false);
        store(weightGradient, grad[layerParameter(l, W)]);
        INDArray dhMatrix = p.load("d_h", dh, n, f);
        product(dzMatrix, p.matrix("W" + l, f, hd), dhMatrix, false, true, true);
        store(dhMatrix, dh);
    }

    /** c[i, :] = bias + a[i, :] b for rows [from, to); a has aWidth columns, b is [aWidth, m]. */
    private static void biasedProduct(double[] a, int aWidth, double[] b, int m, double[] bias, double[] c,
                                      int from, int to) {
        for (int i = from; i < to; i++) {
            int ci = i * m;
            System.arraycopy(bias, 0, c, ci, m);
            for (int k = 0; k < aWidth; k++) {
                double v = a[i * aWidth + k];
                for (int j = 0; j < m; j++) {
                    c[ci + j] += v * b[k * m + j];
                }
            }
        }
    }

    /** da[i, k] = sum_j dc[i, j] b[k m + j] for k < depth, rows [from, to): the gradient of a in c = a b. */
    private static void backProduct(double[] dc, int m, double[] b, int depth, double[] da, int from, int to) {
        for (int i = from; i < to; i++) {
            for (int k = 0; k < depth; k++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += dc[i * m + j] * b[k * m + j];
                }
                da[i * depth + k] = s;
            }
        }
    }

    /** dw[k m + j] += sum_i a[i, k] dc[i, j] over rows [0, rows): the gradient of b in c = a b. */
    private static void weightGradient(double[] a, int depth, double[] dc, int m, double[] dw, int rows) {
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < depth; k++) {
                double v = a[i * depth + k];
                for (int j = 0; j < m; j++) {
                    dw[k * m + j] += v * dc[i * m + j];
                }
            }
        }
    }
}

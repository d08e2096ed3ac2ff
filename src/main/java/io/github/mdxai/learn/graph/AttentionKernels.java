package io.github.mdxai.learn.graph;

import java.util.Arrays;

import static io.github.mdxai.learn.graph.GatLayout.A_DST;
import static io.github.mdxai.learn.graph.GatLayout.A_EDGE;
import static io.github.mdxai.learn.graph.GatLayout.A_SRC;
import static io.github.mdxai.learn.graph.GatLayout.layerParameter;

/**
 * The per-edge work of one attention layer, forward and backward, for the nodes [from, to) of one chunk: attention
 * terms, logits, softmax over each receiver's incoming edges and the messages; then their gradients back along the
 * same edges. Activations and buffers are read from and written to a {@link GatPass}.
 * <p>
 * Separate from {@link GatEngine}, which runs these kernels in chunks between its dense products, because this is
 * where the graph's sparsity lives: every loop walks an edge list, every node row is written by its own chunk only,
 * and the attention parameters' gradients go to the chunk's own buffer, so the results do not depend on how chunks
 * are spread over threads. A chunk's gradient buffer ({@link GatPass#chunkGradients}) holds, per layer l from
 * l {@link #partLength}: a_edge [4, heads], a_dst [heads d], a_src [heads d].
 */
final class AttentionKernels {

    private static final double LEAKY_SLOPE = 0.2;
    private static final int C4 = GatConfig.EDGE_FEATURES;

    private final int f;
    private final int heads;
    private final int d;
    private final int hd;
    private final int md;
    private final int jw;
    private final int layers;

    AttentionKernels(GatLayout layout) {
        f = layout.width;
        heads = layout.heads;
        d = layout.headWidth;
        hd = layout.attentionWidth;
        md = layout.messageBlock;
        jw = layout.joinedWidth;
        layers = layout.layers;
    }

    /** Length of one layer's slice of a chunk's gradient buffer. */
    int partLength() {
        return C4 * heads + 2 * hd;
    }

    /** Adds every chunk's buffer, in chunk order, to the attention parameters' gradients in {@code grad}. */
    void addChunkGradients(GatPass p, double[][] grad) {
        for (double[] part : p.chunkGradients) {
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
    }

    /** Each node's receiver and sender terms a . z per head, from layer l's z. */
    void terms(GatPass p, int l, double[] aDst, double[] aSrc, int from, int to) {
        double[] z = p.z[l];
        double[] rt = p.receiverTerm[l];
        double[] st = p.senderTerm[l];
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
    }

    /**
     * Per receiver of layer l: logits of its incoming edges ({@code score}), softmax over them ({@code alpha}),
     * messages beside h in the joined rows.
     */
    void softmaxAndMessages(GraphBatch batch, GatPass p, int l, double[] aEdge, int from, int to) {
        double[] h = p.h[l];
        double[] z = p.z[l];
        double[] rt = p.receiverTerm[l];
        double[] st = p.senderTerm[l];
        double[] score = p.score[l];
        double[] alpha = p.alpha[l];
        double[] joined = p.joined[l];
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
                double g0 = g[e * C4];
                double g1 = g[e * C4 + 1];
                double g2 = g[e * C4 + 2];
                double g3 = g[e * C4 + 3];
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
                    for (int q = 0; q < C4; q++) {
                        joined[mo + d + q] += a * g[e * C4 + q];
                    }
                }
            }
        }
    }

    /**
     * Per receiver of layer l, back through the messages and the softmax: the logits' gradients ({@code dScore}),
     * their sum per receiver ({@code dReceiver}) and a_edge's gradient into the chunk's buffer; dh gains the update's
     * direct gradient (the h columns of the joined rows).
     */
    void receiverGradients(GraphBatch batch, GatPass p, int l, int chunk, int from, int to) {
        double[] z = p.z[l];
        double[] alpha = p.alpha[l];
        double[] score = p.score[l];
        double[] dJoined = p.dJoined;
        double[] dh = p.dh;
        double[] dScore = p.dScore;
        double[] dReceiver = p.dReceiver;
        double[] part = p.chunkGradients[chunk];
        int pEdge = l * partLength();
        double[] dot = new double[heads];
        double[] edgeGradient = new double[C4 * heads];
        int[] sender = batch.sender;
        float[] g = batch.geometry;
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
                    for (int q = 0; q < C4; q++) {
                        da += dJoined[mo + d + q] * g[edge * C4 + q];
                    }
                    dScore[edge * heads + k] = da;
                    dot[k] += da * alpha[edge * heads + k];
                }
            }
            for (int q = 0; q < C4 * heads; q++) {
                edgeGradient[q] = 0;
            }
            for (int k = 0; k < heads; k++) {
                double receiverSum = 0;
                for (int edge = e0; edge < e1; edge++) {
                    double s = alpha[edge * heads + k] * (dScore[edge * heads + k] - dot[k]);
                    double ds = score[edge * heads + k] > 0 ? s : LEAKY_SLOPE * s;
                    dScore[edge * heads + k] = ds;
                    receiverSum += ds;
                    for (int q = 0; q < C4; q++) {
                        edgeGradient[q * heads + k] += g[edge * C4 + q] * ds;
                    }
                }
                dReceiver[i * heads + k] = receiverSum;
            }
            for (int q = 0; q < C4 * heads; q++) {
                part[pEdge + q] += edgeGradient[q];
            }
        }
    }

    /**
     * Per sender of layer l, along its outgoing edges: the gradient of z_j through the messages and both attention
     * terms ({@code dz}, rows [from, to) overwritten), a_dst's and a_src's gradients into the chunk's buffer.
     */
    void senderGradients(GraphBatch batch, GatPass p, int l, double[] aDst, double[] aSrc, int chunk, int from,
                         int to) {
        double[] z = p.z[l];
        double[] alpha = p.alpha[l];
        double[] dJoined = p.dJoined;
        double[] dScore = p.dScore;
        double[] dReceiver = p.dReceiver;
        double[] dSender = p.dSender;
        double[] dz = p.dz;
        double[] part = p.chunkGradients[chunk];
        int pDst = l * partLength() + C4 * heads;
        int pSrc = pDst + hd;
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
    }
}

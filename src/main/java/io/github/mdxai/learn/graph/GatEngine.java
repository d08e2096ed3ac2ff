package io.github.mdxai.learn.graph;

import io.github.mdxai.util.Parallel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;

import static io.github.mdxai.learn.graph.GatLayout.A_DST;
import static io.github.mdxai.learn.graph.GatLayout.A_EDGE;
import static io.github.mdxai.learn.graph.GatLayout.A_SRC;
import static io.github.mdxai.learn.graph.GatLayout.OUT_B;
import static io.github.mdxai.learn.graph.GatLayout.OUT_W;
import static io.github.mdxai.learn.graph.GatLayout.W;
import static io.github.mdxai.learn.graph.GatLayout.layerParameter;
import static io.github.mdxai.learn.graph.GatPass.product;
import static io.github.mdxai.learn.graph.GatPass.store;

/**
 * Forward and backward pass of {@link GatModel} on a {@link GraphBatch}, written out by hand in double precision:
 * the dense products of node matrices with weights ([N, f] x [f, f'] and their gradients) in ND4J's BLAS (gemm) on the
 * calling thread; per-edge logits, softmax and messages as loops over each receiver's incoming edges, gradients back
 * to senders as loops over each sender's outgoing edges ({@link AttentionKernels}). Every step is linear in nodes or
 * edges. SameDiff ran the same mathematics as ~200 graph operations with their own buffers per iteration: three times
 * slower than the PyTorch twin and near 2.4 GB resident at N = 1000, batch 8 ({@code bin/mdxai bench gat}).
 * <p>
 * This class holds the order of the passes (encoder, attention layers, {@link GatReadout}) and the node-matrix
 * steps between the edge kernels; activations live in a {@link GatPass}, parameter order and sizes in
 * {@link GatLayout}. The edge loops run in fixed chunks of {@link #CHUNK} nodes; every node row is written by one
 * chunk only and each chunk sums its share of the attention parameters' gradients into its own buffer, which are
 * added in chunk order. So results are the same bit for bit whatever the number of threads (the BLAS products stay
 * on one thread).
 */
final class GatEngine {

    /** Nodes per chunk of work. */
    static final int CHUNK = 1024;

    final GatLayout layout;
    private final AttentionKernels kernels;
    private final GatReadout readout;

    GatEngine(GatConfig config, int numTypes) {
        layout = new GatLayout(config, numTypes);
        kernels = new AttentionKernels(layout);
        readout = new GatReadout(layout);
    }

    /** Runs the chunks of nodes [0, nodes): on the calling thread, or on a pool (same results either way). */
    interface Runner {
        void run(int nodes, Parallel.ChunkBody body);
    }

    static final Runner SEQUENTIAL = (nodes, body) -> {
        int chunks = chunks(nodes);
        for (int c = 0; c < chunks; c++) {
            runChunk(body, c, nodes);
        }
    };

    /** A runner on the given pool (each call waits for all its chunks). */
    static Runner on(ExecutorService pool) {
        return (nodes, body) -> {
            int chunks = chunks(nodes);
            if (chunks == 1) {
                runChunk(body, 0, nodes);
                return;
            }
            Parallel.runAll(pool, chunks, c -> runChunk(body, c, nodes));
        };
    }

    static int chunks(int nodes) {
        return Math.max(1, (nodes + CHUNK - 1) / CHUNK);
    }

    private static void runChunk(Parallel.ChunkBody body, int chunk, int nodes) {
        int from = chunk * CHUNK;
        body.run(chunk, from, Math.min(nodes, from + CHUNK));
    }

    /** Forward pass up to the logits ({@code pass.logit[b]}); reuses {@code reuse}'s arrays when given. */
    GatPass forward(double[][] w, GraphBatch batch, GatPass reuse, Runner runner) {
        GatPass p = reuse != null ? reuse : new GatPass();
        int n = batch.totalNodes;
        int f = layout.width;
        int inputWidth = layout.inputWidth;
        p.fitForward(layout, n, batch.totalEdges, batch.size);
        for (int k = 0; k < n * inputWidth; k++) {
            p.x[k] = batch.nodes[k];
        }
        INDArray encoded = p.matrix("encoded", n, f);
        product(p.load("x", p.x, n, inputWidth), p.load("enc_W", w[0], inputWidth, f), encoded, false, false, false);
        store(encoded, p.h[0]);
        eluWithBias(p.h[0], w[1], null, p.encoderSlope, n, f);
        for (int l = 0; l < layout.layers; l++) {
            forwardLayer(w, batch, p, l, runner);
        }
        readout.forward(w, batch, p);
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

    private void forwardLayer(double[][] w, GraphBatch batch, GatPass p, int l, Runner runner) {
        int n = p.nodes;
        int f = layout.width;
        int hd = layout.attentionWidth;
        int jw = layout.joinedWidth;
        double[] aDst = w[layerParameter(l, A_DST)];
        double[] aSrc = w[layerParameter(l, A_SRC)];
        double[] aEdge = w[layerParameter(l, A_EDGE)];
        INDArray zMatrix = p.matrix("z", n, hd);
        product(p.load("h" + l, p.h[l], n, f), p.load("W" + l, w[layerParameter(l, W)], f, hd), zMatrix, false,
                false, false);
        store(zMatrix, p.z[l]);
        runner.run(n, (c, from, to) -> kernels.terms(p, l, aDst, aSrc, from, to));
        runner.run(n, (c, from, to) -> kernels.softmaxAndMessages(batch, p, l, aEdge, from, to));
        // u = [h, m] out_W + out_b;  h' = h + ELU(u)
        INDArray update = p.matrix("update", n, f);
        product(p.load("joined" + l, p.joined[l], n, jw), p.load("out_W" + l, w[layerParameter(l, OUT_W)], jw, f),
                update, false, false, false);
        double[] next = p.h[l + 1];
        store(update, next);
        eluWithBias(next, w[layerParameter(l, OUT_B)], p.h[l], p.updateSlope[l], n, f);
    }

    /** Gradients of the mean loss with respect to every parameter, into {@code grad} (overwritten). */
    void backward(double[][] w, GraphBatch batch, GatPass p, double[][] grad, Runner runner) {
        int n = p.nodes;
        int f = layout.width;
        int chunks = chunks(n);
        for (double[] a : grad) {
            Arrays.fill(a, 0);
        }
        // the attention parameters' gradients are summed per chunk of receivers, then over chunks in order
        p.fitBackward(layout, chunks, layout.layers * kernels.partLength());
        readout.backward(w, batch, p, grad);
        for (int l = layout.layers - 1; l >= 0; l--) {
            backwardLayer(w, batch, p, l, grad, runner);
        }
        kernels.addChunkGradients(p, grad);
        // encoder
        double[] da = p.dh;
        for (int k = 0; k < n * f; k++) {
            da[k] *= p.encoderSlope[k];
            grad[1][k % f] += da[k];
        }
        INDArray encoderGradient = p.matrix("d_enc_W", layout.inputWidth, f);
        product(p.matrix("x", n, layout.inputWidth), p.load("d_rows", da, n, f), encoderGradient, true, false, false);
        store(encoderGradient, grad[0]);
    }

    /** Back through layer l: p.dh holds the gradient of h_{l+1} on entry and that of h_l on exit. */
    private void backwardLayer(double[][] w, GraphBatch batch, GatPass p, int l, double[][] grad, Runner runner) {
        int n = p.nodes;
        int f = layout.width;
        int hd = layout.attentionWidth;
        int jw = layout.joinedWidth;
        double[] dh = p.dh;
        double[] du = p.du;
        double[] slope = p.updateSlope[l];
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
        store(joinedGradient, p.dJoined);
        double[] aDst = w[layerParameter(l, A_DST)];
        double[] aSrc = w[layerParameter(l, A_SRC)];
        runner.run(n, (c, from, to) -> kernels.receiverGradients(batch, p, l, c, from, to));
        runner.run(n, (c, from, to) -> kernels.senderGradients(batch, p, l, aDst, aSrc, c, from, to));
        // z = h W
        INDArray dzMatrix = p.load("d_z", p.dz, n, hd);
        INDArray weightGradient = p.matrix("d_W", f, hd);
        product(p.matrix("h" + l, n, f), dzMatrix, weightGradient, true, false, false);
        store(weightGradient, grad[layerParameter(l, W)]);
        INDArray dhMatrix = p.load("d_h", dh, n, f);
        product(dzMatrix, p.matrix("W" + l, f, hd), dhMatrix, false, true, true);
        store(dhMatrix, dh);
    }
}

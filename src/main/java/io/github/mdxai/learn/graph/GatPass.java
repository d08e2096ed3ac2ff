package io.github.mdxai.learn.graph;

import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Activations of one forward pass of {@link GatEngine}, kept for the backward pass, with the backward pass's work
 * buffers and the ND4J matrices of the dense products. Arrays are reused by later batches (a trainer keeps one pass
 * per model), so they live apart from the code that fills them; {@link #fit} reallocates only on a change of size.
 */
final class GatPass {
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
    /** Per chunk of nodes: its share of the attention parameters' gradients ({@link AttentionKernels}). */
    double[][] chunkGradients = new double[0][];
    /** ND4J matrices of the dense products by role, reused while their shape stays. */
    private final Map<String, INDArray> matrices = new HashMap<>();

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

    /** Copies the matrix's row-major values into {@code target}. */
    static void store(INDArray m, double[] target) {
        new DoublePointer(m.data().addressPointer()).get(target, 0, (int) m.length());
    }

    /** c = a b (transposes as flagged) in ND4J's BLAS, the dense products' engine; c = c + a b with accumulate. */
    static void product(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB,
                        boolean accumulate) {
        Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, accumulate ? 1.0 : 0.0);
    }

    /** {@code a} when it has the length, else a new zero array. */
    private static double[] fit(double[] a, int length) {
        return a != null && a.length == length ? a : new double[length];
    }

    private static double[][] fit(double[][] a, int count) {
        return a != null && a.length == count ? a : new double[count][];
    }

    /** Sizes the forward pass's arrays for a batch of {@code n} nodes, {@code e} edges and {@code b} graphs. */
    void fitForward(GatLayout s, int n, int e, int b) {
        nodes = n;
        edges = e;
        graphs = b;
        int layers = s.layers;
        h = fit(h, layers + 1);
        joined = fit(joined, layers);
        z = fit(z, layers);
        receiverTerm = fit(receiverTerm, layers);
        senderTerm = fit(senderTerm, layers);
        score = fit(score, layers);
        alpha = fit(alpha, layers);
        updateSlope = fit(updateSlope, layers);
        x = fit(x, n * s.inputWidth);
        encoderSlope = fit(encoderSlope, n * s.width);
        for (int l = 0; l <= layers; l++) {
            h[l] = fit(h[l], n * s.width);
        }
        for (int l = 0; l < layers; l++) {
            joined[l] = fit(joined[l], n * s.joinedWidth);
            z[l] = fit(z[l], n * s.attentionWidth);
            receiverTerm[l] = fit(receiverTerm[l], n * s.heads);
            senderTerm[l] = fit(senderTerm[l], n * s.heads);
            score[l] = fit(score[l], e * s.heads);
            alpha[l] = fit(alpha[l], e * s.heads);
            updateSlope[l] = fit(updateSlope[l], n * s.width);
        }
        int f = s.width;
        sum = fit(sum, b * f);
        mean = fit(mean, b * f);
        std = fit(std, b * f);
        normalisedPooled = fit(normalisedPooled, b * 2 * f);
        inverseSpread = fit(inverseSpread, b);
        normed = fit(normed, b * 2 * f);
        hiddenInput = fit(hiddenInput, b * f);
        hidden = fit(hidden, b * f);
        logit = fit(logit, b);
    }

    /**
     * Sizes the backward pass's per-layer buffers (their contents are overwritten layer by layer) and zeroes
     * {@code chunks} gradient buffers of {@code chunkLength}.
     */
    void fitBackward(GatLayout s, int chunks, int chunkLength) {
        if (chunkGradients.length != chunks) {
            chunkGradients = new double[chunks][];
        }
        for (int c = 0; c < chunks; c++) {
            chunkGradients[c] = fit(chunkGradients[c], chunkLength);
            Arrays.fill(chunkGradients[c], 0);
        }
        int n = nodes;
        dh = fit(dh, n * s.width);
        du = fit(du, n * s.width);
        dJoined = fit(dJoined, n * s.joinedWidth);
        dz = fit(dz, n * s.attentionWidth);
        dScore = fit(dScore, edges * s.heads);
        dReceiver = fit(dReceiver, n * s.heads);
        dSender = fit(dSender, n * s.heads);
    }
}

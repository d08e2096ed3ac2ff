package io.github.mdxai.learn.graph;

import java.util.Arrays;

/**
 * The per-graph end of the network, forward and backward: mean (or sum) and standard deviation of the last layer's
 * h over each graph's nodes, LayerNorm of that pooled row, a two-layer head to one logit, and the sigmoid
 * cross-entropy. Separate from {@link GatEngine} because it works on a few rows (one per graph) with plain loops,
 * not on node matrices in chunks, and its backward pass is the one place where per-graph gradients fan back out to
 * every node (dh of the last layer).
 */
final class GatReadout {

    private static final double STD_EPSILON = 1e-6;
    private static final double NORM_EPSILON = 1e-5;

    private final GatLayout layout;

    GatReadout(GatLayout layout) {
        this.layout = layout;
    }

    /** The logits {@code p.logit} from the last layer's h. */
    void forward(double[][] w, GraphBatch batch, GatPass p) {
        int f = layout.width;
        int b = batch.size;
        int g = layout.gain();
        boolean sumReadout = layout.sumReadout;
        double[] h = p.h[layout.layers];
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
    static double loss(GatPass p, GraphBatch batch) {
        double total = 0;
        for (int b = 0; b < p.graphs; b++) {
            double x = p.logit[b];
            total += Math.max(x, 0) - x * batch.labels[b] + Math.log1p(Math.exp(-Math.abs(x)));
        }
        return total / p.graphs;
    }

    /**
     * Gradients of the mean loss for the head's and readout's parameters (added to {@code grad}) and for the last
     * layer's h ({@code p.dh}, overwritten).
     */
    void backward(double[][] w, GraphBatch batch, GatPass p, double[][] grad) {
        int f = layout.width;
        int b = p.graphs;
        int g = layout.gain();
        boolean sumReadout = layout.sumReadout;
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
        double[] dh = p.dh;
        double[] hl = p.h[layout.layers];
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
    }

    private static double elu(double v) {
        return v > 0 ? v : Math.exp(v) - 1;
    }

    private static double eluSlope(double v) {
        return v > 0 ? 1 : Math.exp(v);
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

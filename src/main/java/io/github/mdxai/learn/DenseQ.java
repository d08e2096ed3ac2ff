package io.github.mdxai.learn;

import io.github.mdxai.util.InputException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The committor network's q and its input gradient for one row, in plain double-precision Java over a copy of the
 * DL4J weights. A restraint on q calls this at every MD step, where one DL4J forward + backward pass costs
 * milliseconds of call overhead for a microsecond-scale step; here it is one pass of multiply-adds (about 0.4 M
 * for 210 inputs and 400/200/400/200/400). Not thread-safe (work arrays): one instance per thread.
 */
final class DenseQ {

    private final int[] widths;
    private final double[][] weights;
    private final double[][] biases;
    private final String activation;
    private final double[][] pre;
    private final double[][] post;
    private final double[][] delta;

    DenseQ(MultiLayerNetwork network, NetworkSpec spec, int inputs) {
        int[] hidden = spec.hidden();
        int layers = hidden.length + 1;
        widths = new int[layers + 1];
        widths[0] = inputs;
        for (int l = 0; l < hidden.length; l++) {
            widths[l + 1] = hidden[l];
        }
        widths[layers] = 1;
        weights = new double[layers][];
        biases = new double[layers][];
        for (int l = 0; l < layers; l++) {
            // DL4J dense layers: W is nIn x nOut, b is 1 x nOut
            double[][] w = network.getLayer(l).getParam("W").toDoubleMatrix();
            InputException.require(w.length == widths[l] && w[0].length == widths[l + 1],
                    "committor network layer " + l + " is " + w.length + " x " + w[0].length + ", expected "
                            + widths[l] + " x " + widths[l + 1]);
            weights[l] = new double[widths[l] * widths[l + 1]];
            for (int i = 0; i < widths[l]; i++) {
                System.arraycopy(w[i], 0, weights[l], i * widths[l + 1], widths[l + 1]);
            }
            biases[l] = network.getLayer(l).getParam("b").dup().data().asDouble();
        }
        activation = spec.activation();
        pre = new double[layers][];
        post = new double[layers + 1][];
        delta = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            if (l < layers) {
                pre[l] = new double[widths[l + 1]];
            }
            post[l] = new double[widths[l]];
            delta[l] = new double[widths[l]];
        }
    }

    /** q = z_out / 2 at standardized inputs z, with dq/dz written into {@code gradient}. */
    double qAndGradient(double[] z, double[] gradient) {
        int layers = weights.length;
        System.arraycopy(z, 0, post[0], 0, z.length);
        for (int l = 0; l < layers; l++) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            double[] u = pre[l];
            System.arraycopy(biases[l], 0, u, 0, nOut);
            double[] a = post[l];
            double[] w = weights[l];
            for (int i = 0; i < nIn; i++) {
                double ai = a[i];
                if (ai != 0) {
                    int row = i * nOut;
                    for (int o = 0; o < nOut; o++) {
                        u[o] += ai * w[row + o];
                    }
                }
            }
            double[] next = post[l + 1];
            boolean output = l == layers - 1;
            for (int o = 0; o < nOut; o++) {
                next[o] = output ? u[o] : activate(u[o]);
            }
        }
        delta[layers][0] = 0.5; // dq/dz_out
        for (int l = layers - 1; l >= 0; l--) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            double[] dOut = delta[l + 1];
            if (l < layers - 1) {
                for (int o = 0; o < nOut; o++) {
                    dOut[o] *= derivative(pre[l][o], post[l + 1][o]);
                }
            }
            double[] w = weights[l];
            double[] dIn = delta[l];
            for (int i = 0; i < nIn; i++) {
                double s = 0;
                int row = i * nOut;
                for (int o = 0; o < nOut; o++) {
                    s += w[row + o] * dOut[o];
                }
                dIn[i] = s;
            }
        }
        System.arraycopy(delta[0], 0, gradient, 0, z.length);
        return 0.5 * post[layers][0];
    }

    private double activate(double u) {
        return switch (activation) {
            case "relu" -> Math.max(0, u);
            case "tanh" -> Math.tanh(u);
            case "elu" -> u > 0 ? u : Math.expm1(u);
            case "leakyrelu" -> u > 0 ? u : 0.01 * u;
            case "sigmoid" -> 1 / (1 + Math.exp(-u));
            case "softplus" -> u > 30 ? u : Math.log1p(Math.exp(u));
            case "swish" -> u / (1 + Math.exp(-u));
            default -> throw new IllegalStateException("activation " + activation);
        };
    }

    /** d activation / du at u, given a = activation(u). */
    private double derivative(double u, double a) {
        return switch (activation) {
            case "relu" -> u > 0 ? 1 : 0;
            case "tanh" -> 1 - a * a;
            case "elu" -> u > 0 ? 1 : a + 1;
            case "leakyrelu" -> u > 0 ? 1 : 0.01;
            case "sigmoid" -> a * (1 - a);
            case "softplus" -> 1 / (1 + Math.exp(-u));
            case "swish" -> {
                double s = 1 / (1 + Math.exp(-u));
                yield s + u * s * (1 - s);
            }
            default -> throw new IllegalStateException("activation " + activation);
        };
    }
}

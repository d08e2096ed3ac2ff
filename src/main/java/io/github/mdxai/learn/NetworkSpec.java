package io.github.mdxai.learn;

import io.github.mdxai.util.InputException;
import org.nd4j.linalg.activations.Activation;

import java.util.Arrays;
import java.util.Locale;

/**
 * What network to train and how: hidden widths, activation, loss ({@code mse} on p_B as in the seed, or
 * {@code crossentropy} weighted by the shot counts), Adam learning rate, L2, epochs, batch size, early-stopping
 * patience (epochs without a better validation loss) and seed.
 */
public record NetworkSpec(int[] hidden, String activation, String loss, int epochs, int batch, double rate,
                          double l2, int patience, long seed) {

    public static final String MSE = "mse";
    public static final String CROSSENTROPY = "crossentropy";
    public static final String[] ACTIVATIONS = {"relu", "tanh", "elu", "leakyrelu", "sigmoid", "softplus", "swish"};

    public NetworkSpec {
        hidden = hidden.clone();
        InputException.require(hidden.length >= 1, "hidden: at least one hidden layer is needed");
        for (int h : hidden) {
            InputException.require(h >= 1 && h <= 100_000, "hidden: layer width " + h + " is not in 1..100000");
        }
        InputException.require(Arrays.asList(ACTIVATIONS).contains(activation),
                "activation: '" + activation + "' is not one of " + String.join(", ", ACTIVATIONS));
        InputException.require(MSE.equals(loss) || CROSSENTROPY.equals(loss),
                "loss: '" + loss + "' is not one of mse, crossentropy");
        InputException.require(epochs >= 1, "epochs: expected at least 1, got " + epochs);
        InputException.require(batch >= 1, "batch: expected at least 1, got " + batch);
        InputException.require(rate > 0 && rate < 1, "rate: expected a learning rate in (0, 1), got " + rate);
        InputException.require(l2 >= 0 && Double.isFinite(l2), "l2: expected a non-negative number, got " + l2);
        InputException.require(patience >= 1, "patience: expected at least 1 epoch, got " + patience);
    }

    /** Parses widths written as "400 200 400" or "400,200,400". */
    public static int[] parseHidden(String text) {
        String[] parts = text.trim().split("[\\s,;]+");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                widths[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new InputException("hidden: '" + text + "' should be layer widths such as '400 200 400 200 400'");
            }
        }
        return widths;
    }

    public Activation dl4jActivation() {
        return Activation.valueOf(activation.toUpperCase(Locale.ROOT));
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s && Arrays.equals(hidden, s.hidden) && activation.equals(s.activation)
                && loss.equals(s.loss) && epochs == s.epochs && batch == s.batch && rate == s.rate && l2 == s.l2
                && patience == s.patience && seed == s.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "NetworkSpec" + Arrays.toString(hidden) + " " + activation + " " + loss + " epochs=" + epochs
                + " batch=" + batch + " rate=" + rate + " l2=" + l2 + " patience=" + patience + " seed=" + seed;
    }
}

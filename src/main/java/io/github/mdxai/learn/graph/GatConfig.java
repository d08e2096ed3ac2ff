package io.github.mdxai.learn.graph;

import io.github.mdxai.util.InputException;

/**
 * Architecture and training settings of the graph attention classifier.
 *
 * @param layers       number of graph-attention message-passing layers
 * @param width        node embedding width (divisible by heads)
 * @param heads        attention heads per layer
 * @param readout      "mean" or "sum" over nodes
 * @param learningRate Adam step size
 * @param epochs       maximum number of passes over the training graphs
 * @param patience     epochs without a better validation loss before stopping early
 * @param batchGraphs  graphs per training iteration (larger batches spread the per-step overhead)
 * @param rotate       apply a random rotation to each training graph's edge vectors every epoch
 * @param seed         seed of weight initialization, batch order and augmentation
 */
public record GatConfig(int layers, int width, int heads, String readout, double learningRate, int epochs,
                        int patience, int batchGraphs, boolean rotate, long seed) {

    /** Edge features: relative vector (3) and distance (1). */
    public static final int EDGE_FEATURES = 4;

    public GatConfig {
        InputException.require(layers >= 1 && layers <= 16, "layers must be in 1..16, got " + layers);
        InputException.require(heads >= 1 && heads <= 16, "heads must be in 1..16, got " + heads);
        InputException.require(width >= 1 && width <= 1024 && width % heads == 0,
                "width must be in 1..1024 and divisible by heads, got width " + width + ", heads " + heads);
        InputException.require("mean".equals(readout) || "sum".equals(readout),
                "readout must be mean or sum, got " + readout);
        InputException.require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1)");
        InputException.require(epochs >= 1, "epochs must be at least 1");
        InputException.require(patience >= 1, "patience must be at least 1");
        InputException.require(batchGraphs >= 1, "graphs per batch must be at least 1");
    }

    /** Defaults of the command: with the radial histogram in the node inputs two layers of width 16 suffice. */
    public static GatConfig defaults(long seed) {
        return new GatConfig(2, 16, 2, "mean", 2e-3, 30, 8, 8, true, seed);
    }

    public GatConfig withEpochs(int newEpochs) {
        return new GatConfig(layers, width, heads, readout, learningRate, newEpochs, patience, batchGraphs, rotate,
                seed);
    }
}

package io.github.mdxai.learn.graph;

/**
 * The sizes of a {@link GatModel}'s network and the order of its parameters, from its {@link GatConfig}. Separate
 * from the passes because the model (initialisation, files) and every part of the passes read the same layout.
 * <p>
 * Parameter order (index, name, shape): 0 enc_W [T+K, f], 1 enc_b [1, f]; per layer l from 2 + 6 l: W [f, heads d],
 * a_dst [1, heads d], a_src [1, heads d], a_edge [4, heads], out_W [f + heads (d + 4), f], out_b [1, f]; then
 * readout_gain [1, 2f], readout_bias [1, 2f], head_W1 [2f, f], head_b1 [1, f], head_W2 [f, 1], head_b2 [1, 1].
 */
final class GatLayout {

    static final int W = 0;
    static final int A_DST = 1;
    static final int A_SRC = 2;
    static final int A_EDGE = 3;
    static final int OUT_W = 4;
    static final int OUT_B = 5;
    private static final int PER_LAYER = 6;

    /** Node features in, T + K ({@link GraphBatch#nodeFeatures}). */
    final int inputWidth;
    /** f: node features between layers. */
    final int width;
    final int heads;
    /** d: node columns per head. */
    final int headWidth;
    /** heads d: columns of z = h W. */
    final int attentionWidth;
    /** Message block per head: d node columns, then the 4 geometry columns. */
    final int messageBlock;
    /** Columns of a joined row: h, then the messages, the input of the update's product. */
    final int joinedWidth;
    final int layers;
    final boolean sumReadout;

    GatLayout(GatConfig config, int numTypes) {
        inputWidth = GraphBatch.nodeFeatures(numTypes);
        width = config.width();
        heads = config.heads();
        headWidth = width / heads;
        attentionWidth = heads * headWidth;
        messageBlock = headWidth + GatConfig.EDGE_FEATURES;
        joinedWidth = width + heads * messageBlock;
        layers = config.layers();
        sumReadout = "sum".equals(config.readout());
    }

    static int layerParameter(int layer, int which) {
        return 2 + PER_LAYER * layer + which;
    }

    /** Index of readout_gain, the first of the readout's and head's parameters. */
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
        int hd = attentionWidth;
        s[0] = new int[]{inputWidth, width};
        s[1] = new int[]{1, width};
        for (int l = 0; l < layers; l++) {
            s[layerParameter(l, W)] = new int[]{width, hd};
            s[layerParameter(l, A_DST)] = new int[]{1, hd};
            s[layerParameter(l, A_SRC)] = new int[]{1, hd};
            s[layerParameter(l, A_EDGE)] = new int[]{GatConfig.EDGE_FEATURES, heads};
            s[layerParameter(l, OUT_W)] = new int[]{joinedWidth, width};
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
}

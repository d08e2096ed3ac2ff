package io.github.mdxai.learn.graph;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Rng;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test oracle: the graph attention classifier of format 2, dense masked N x N attention (the production model,
 * {@link GatModel}, runs on edge lists). Same mathematics, so with the same weights both give the same logits and
 * attention; it also writes model folders of format 2 to test that they still load.
 * <p>
 * Dense masked formulation (see {@link DenseGraphBatch} for the inputs).
 * <pre>
 * h0 = ELU([onehot, sum_j rbf_1..K(r_ij)] W_enc + b_enc)                first message: the node's radial histogram
 * per layer l, head k:  z = h W_lk
 *   e_ij = LeakyReLU_0.2(a_dst . z_i + a_src . z_j + a_edge . g_ij)        g_ij = (dx, dy, dz, r)
 *   alpha_ij = softmax over the incoming edges j of i (and i itself)      "attention_l{l}_h{k}"
 *   m_i = [sum_j alpha_ij z_j , sum_j alpha_ij g_ij]                      node and edge (geometry) messages
 * h_{l+1} = h_l + ELU([h_l, m over heads] W_out + b_out)                  residual update
 * g = LayerNorm([mean of h, std of h over nodes]) (sum instead of mean for the "sum" readout)
 * logit = W2 ELU(W1 g + b1) + b2;  p = sigmoid(logit)
 * </pre>
 * Edge features enter linearly in the logits and the messages, so the edge encoder needs no N x N x width tensor;
 * the radial histogram (computed with the batch, see {@link GraphBatch}) makes "how many neighbours at which
 * distance", the local g(r), linear in the inputs, and every later message carries it from the neighbours.
 */
final class DenseGatOracle {

    public static final String NODES = "nodes";
    public static final String ADJACENCY = "adjacency";
    public static final String EDGES = "edges";
    public static final String MASK = "mask";
    public static final String LABEL = "label";
    public static final String LOGIT = "logit";
    public static final String PROBABILITY = "probability";
    public static final String LOSS = "loss";
    static final String MODEL_FILE = "model.fb";
    static final String FORMAT = GatModel.DENSE_FORMAT;
    static final String METADATA_FILE = "metadata.json";

    private final SameDiff sd;
    private final GatConfig config;
    private final int numTypes;
    private final DataType dtype;
    private final Map<String, String> metadata;

    private DenseGatOracle(SameDiff sd, GatConfig config, int numTypes, DataType dtype, Map<String, String> metadata) {
        this.sd = sd;
        this.config = config;
        this.numTypes = numTypes;
        this.dtype = dtype;
        this.metadata = metadata;
    }

    /** A freshly initialised model (weights from Rng streams of the config's seed). */
    static DenseGatOracle create(GatConfig config, int numTypes, DataType dtype) {
        InputException.require(numTypes >= 1 && numTypes <= 64, "number of particle types must be in 1..64");
        SameDiff sd = SameDiff.create();
        int f = config.width();
        int d = f / config.heads();
        int c = GatConfig.EDGE_FEATURES;
        Init init = new Init(sd, config.seed(), dtype);
        int nodeFeatures = GraphBatch.nodeFeatures(numTypes);
        SDVariable nodes = sd.placeHolder(NODES, dtype, -1, -1, nodeFeatures);
        SDVariable adjacency = sd.placeHolder(ADJACENCY, dtype, -1, -1, -1);
        SDVariable edges = sd.placeHolder(EDGES, dtype, -1, -1, -1, c);
        SDVariable mask = sd.placeHolder(MASK, dtype, -1, -1, 1);
        SDVariable label = sd.placeHolder(LABEL, dtype, -1, 1);

        // [B, N] at run time: node-wise linear maps run as one 2D matmul over the B*N rows, then reshape back
        SDVariable batchNodes = sd.slice(sd.shape(nodes), new int[]{0}, new int[]{2});
        Linear linear = new Linear(sd, batchNodes);
        SDVariable h = sd.nn.elu(linear.apply(nodes, nodeFeatures, init.weight("enc_W", nodeFeatures, f))
                .add(init.zeros("enc_b", f)));
        // 0 on edges and self-loops, -1e9 elsewhere: masked logits vanish in the softmax
        SDVariable logitMask = adjacency.sub(1.0).mul(1e9);
        SDVariable nodesPerGraph = sd.slice(batchNodes, new int[]{1}, new int[]{1});
        SDVariable rowShape = sd.concat(0, sd.constant(Nd4j.createFromArray(-1L, 1L)), nodesPerGraph);
        SDVariable edgeRows = sd.reshape(edges, sd.concat(0, sd.constant(Nd4j.createFromArray(-1L)), nodesPerGraph,
                sd.constant(Nd4j.createFromArray((long) c))));
        SDVariable edgeMessageShape = sd.concat(0, batchNodes, sd.constant(Nd4j.createFromArray((long) c)));
        int heads = config.heads();
        for (int l = 0; l < config.layers(); l++) {
            List<SDVariable> messages = new ArrayList<>();
            // a_edge . g_ij for all heads as one [B*N*N, c] x [c, heads] product: the edge tensor is read once
            SDVariable edgeTerms = sd.reshape(edges, -1, c).mmul(init.weight("l" + l + "_a_edge", c, heads));
            for (int k = 0; k < heads; k++) {
                String p = "l" + l + "_h" + k + "_";
                SDVariable z = linear.apply(h, f, init.weight(p + "W", f, d));
                SDVariable toReceiver = linear.apply(z, d, init.weight(p + "a_dst", d, 1));
                SDVariable fromSender = linear.apply(z, d, init.weight(p + "a_src", d, 1)).permute(0, 2, 1);
                SDVariable edgeTerm = sd.reshape(heads == 1 ? edgeTerms
                        : edgeTerms.get(SDIndex.all(), SDIndex.point(k)), sd.shape(adjacency));
                SDVariable scores = sd.nn.leakyRelu(toReceiver.add(fromSender).add(edgeTerm), 0.2);
                SDVariable alpha = sd.nn.softmax(attentionName(l, k), scores.add(logitMask), 2);
                messages.add(sd.mmul(alpha, z));
                // sum_j alpha_ij e_ij as one batched [1 x N] x [N x 4] product per receiver: no B x N x N x 4 temporary
                SDVariable rows = sd.reshape(alpha, rowShape);
                messages.add(sd.reshape(sd.mmul(rows, edgeRows), edgeMessageShape));
            }
            messages.add(0, h);
            SDVariable m = sd.concat(2, messages.toArray(new SDVariable[0]));
            int mw = f + heads * (d + c);
            SDVariable update = linear.apply(m, mw, init.weight("l" + l + "_out_W", mw, f))
                    .add(init.zeros("l" + l + "_out_b", f));
            h = h.add(sd.nn.elu(update));
        }
        SDVariable count = sd.sum(mask, 1);
        SDVariable mean = sd.sum(h.mul(mask), 1).div(count);
        SDVariable deviation = h.sub(sd.expandDims(mean, 1)).mul(mask);
        SDVariable std = sd.math.sqrt(sd.sum(deviation.mul(deviation), 1).div(count).add(1e-6));
        SDVariable location = "mean".equals(config.readout()) ? mean : mean.mul(count);
        SDVariable pooled = sd.concat(1, location, std);
        // LayerNorm: graph vectors on one scale whatever the node count and depth
        SDVariable centred = pooled.sub(sd.mean(pooled, true, 1));
        SDVariable normalised = centred.div(sd.math.sqrt(sd.mean(centred.mul(centred), true, 1).add(1e-5)))
                .mul(init.ones("readout_gain", 2 * f)).add(init.zeros("readout_bias", 2 * f));
        SDVariable hidden = sd.nn.elu(normalised.mmul(init.weight("head_W1", 2 * f, f))
                .add(init.zeros("head_b1", f)));
        SDVariable logit = hidden.mmul(init.weight("head_W2", f, 1)).add(LOGIT, init.zeros("head_b2", 1));
        sd.nn.sigmoid(PROBABILITY, logit);
        sd.loss.sigmoidCrossEntropy(LOSS, label, logit, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        sd.setLossVariables(LOSS);
        DenseGatOracle model = new DenseGatOracle(sd, config, numTypes, dtype, new LinkedHashMap<>());
        model.configureTraining();
        return model;
    }

    public static String attentionName(int layer, int head) {
        return "attention_l" + layer + "_h" + head;
    }

    private void configureTraining() {
        sd.setTrainingConfig(new TrainingConfig.Builder()
                .updater(new Adam(config.learningRate()))
                .dataSetFeatureMapping(NODES, ADJACENCY, EDGES, MASK)
                .dataSetLabelMapping(LABEL)
                .minimize(LOSS)
                .build());
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public GatConfig config() {
        return config;
    }

    public int numTypes() {
        return numTypes;
    }

    public DataType dataType() {
        return dtype;
    }

    /** Free-form metadata saved with the model (data set, classes, temperatures, metrics). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Placeholder values for a batch. */
    public Map<String, INDArray> inputs(DenseGraphBatch batch) {
        Map<String, INDArray> in = new HashMap<>();
        in.put(NODES, batch.nodes);
        in.put(ADJACENCY, batch.adjacency);
        in.put(EDGES, batch.edges);
        in.put(MASK, batch.mask);
        in.put(LABEL, batch.labels);
        return in;
    }

    public DenseGraphBatch batch(List<ParticleGraph> graphs) {
        return new DenseGraphBatch(graphs, numTypes, dtype, null, 0);
    }

    /** Probability of class 1 for each graph, evaluated in batches of the config's size. */
    public double[] predict(List<ParticleGraph> graphs) {
        double[] p = new double[graphs.size()];
        for (int from = 0; from < graphs.size(); from += config.batchGraphs()) {
            int to = Math.min(graphs.size(), from + config.batchGraphs());
            INDArray out = sd.output(inputs(batch(graphs.subList(from, to))), PROBABILITY).get(PROBABILITY);
            for (int b = 0; b < to - from; b++) {
                p[from + b] = out.getDouble(b, 0);
            }
        }
        return p;
    }

    /** Mean loss over a batch. */
    public double loss(DenseGraphBatch batch) {
        return sd.output(inputs(batch), LOSS).get(LOSS).getDouble(0);
    }

    /**
     * Attention coefficients of one graph: [layer][head][k] for each CSR edge k (sender neighbours[k] to receiver
     * i), followed by [layer][head][E + i] for the self-loop of node i.
     */
    public float[][][] attention(ParticleGraph g) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            for (int k = 0; k < config.heads(); k++) {
                names.add(attentionName(l, k));
            }
        }
        Map<String, INDArray> out = sd.output(inputs(batch(List.of(g))), names.toArray(new String[0]));
        int n = g.nodeCount();
        int edgeCount = g.edgeCount();
        float[][][] result = new float[config.layers()][config.heads()][edgeCount + n];
        for (int l = 0; l < config.layers(); l++) {
            for (int k = 0; k < config.heads(); k++) {
                float[] alpha = out.get(attentionName(l, k)).castTo(DataType.FLOAT).reshape(n * n).toFloatVector();
                for (int i = 0; i < n; i++) {
                    for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                        result[l][k][e] = alpha[i * n + g.neighbours()[e]];
                    }
                    result[l][k][edgeCount + i] = alpha[i * n + i];
                }
            }
        }
        return result;
    }

    /** Trainable parameters by name. */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                params.put(v.name(), v.getArr());
            }
        }
        return params;
    }

    /** A model folder of format 2, as the earlier versions wrote it. */
    public void save(Path folder) {
        GatModel.save(folder, sd, FORMAT, dtype, numTypes, config, metadata);
    }

    /** x [B, N, in] times W [in, out] as [B*N, in] x [in, out], reshaped to [B, N, out]. */
    private record Linear(SameDiff sd, SDVariable batchNodes) {

        SDVariable apply(SDVariable x, int in, SDVariable w) {
            long out = w.getShape()[1];
            SDVariable shape = sd.concat(0, batchNodes, sd.constant(Nd4j.createFromArray(out)));
            return sd.reshape(sd.reshape(x, -1, in).mmul(w), shape);
        }
    }

    /** Seeded weight creation: Glorot-normal weights, zero biases, one Rng stream per parameter name. */
    private record Init(SameDiff sd, long seed, DataType dtype) {

        SDVariable weight(String name, int fanIn, int fanOut) {
            SplittableRandom rnd = Rng.stream(seed, "gat-weight:" + name);
            double scale = Math.sqrt(2.0 / (fanIn + fanOut));
            double[] w = new double[fanIn * fanOut];
            for (int i = 0; i < w.length; i++) {
                w[i] = scale * Rng.gaussian(rnd);
            }
            return sd.var(name, Nd4j.create(w, new long[]{fanIn, fanOut}, DataType.DOUBLE).castTo(dtype));
        }

        SDVariable zeros(String name, int size) {
            return sd.var(name, Nd4j.zeros(dtype, 1, size));
        }

        SDVariable ones(String name, int size) {
            return sd.var(name, Nd4j.ones(dtype, 1, size));
        }
    }
}

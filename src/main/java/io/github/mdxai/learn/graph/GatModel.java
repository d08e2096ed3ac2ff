package io.github.mdxai.learn.graph;

import io.github.mdxai.learn.NativeBackend;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Rng;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Graph attention classifier in SameDiff on edge lists: work and memory linear in the number of edges (see
 * {@link GraphBatch} for the inputs; a batch is the disjoint union of its graphs).
 * <pre>
 * h0 = ELU([onehot, sum_j rbf_1..K(r_ij)] W_enc + b_enc)                first message: the node's radial histogram
 * per layer l, head k:  z = h W_lk
 *   e_ij = LeakyReLU_0.2(a_dst . z_i + a_src . z_j + a_edge . g_ij)        g_ij = (dx, dy, dz, r), 0 on self-loops
 *   alpha_ij = softmax over the incoming edges j of i (and i itself)      "attention_l{l}", one column per head
 *   m_i = [sum_j alpha_ij z_j , sum_j alpha_ij g_ij]                      node and edge (geometry) messages
 * h_{l+1} = h_l + ELU([h_l, m over heads] W_out + b_out)                  residual update
 * g = LayerNorm([mean of h, std of h over nodes]) (sum instead of mean for the "sum" readout)
 * logit = W2 ELU(W1 g + b1) + b2;  p = sigmoid(logit)
 * </pre>
 * Each node's incoming edges sit in its D slots ({@link GraphBatch}): sender embeddings are gathered into them once
 * per layer ({@link RowGather}, whose gradient is another gather), the sender and edge logits are products of the
 * slot rows, receiver terms broadcast over the slots, the softmax runs over the slot axis (the last of [heads, N,
 * D]) and the message sums over the slots; the graph readout is a product with the membership matrix. Work and memory are linear in N D, about 1.5 times the edges. All heads of a layer share one matrix
 * product: W_l = [W_l0 | W_l1 | ...], a_dst and a_src likewise as one row.
 */
public final class GatModel {

    public static final String NODES = "nodes";
    public static final String EDGE_COLUMNS = "edge_columns";
    public static final String SENDER = "sender";
    public static final String OUT_SLOTS = "out_slots";
    public static final String SLOT_MASK = "slot_mask";
    public static final String MEMBERSHIP = "membership";
    public static final String INVERSE_COUNT = "inverse_count";
    public static final String LABEL = "label";
    public static final String LOGIT = "logit";
    public static final String PROBABILITY = "probability";
    public static final String LOSS = "loss";
    static final String MODEL_FILE = "model.fb";
    static final String FORMAT = "MD_XAI graph attention classifier 3 (edge lists)";
    /** The dense masked N x N model of earlier versions: its weights are read and converted. */
    static final String DENSE_FORMAT = "MD_XAI graph attention classifier 2";
    static final String METADATA_FILE = "metadata.json";

    private final SameDiff sd;
    private final GatConfig config;
    private final int numTypes;
    private final DataType dtype;
    private final Map<String, String> metadata;

    private GatModel(SameDiff sd, GatConfig config, int numTypes, DataType dtype, Map<String, String> metadata) {
        this.sd = sd;
        this.config = config;
        this.numTypes = numTypes;
        this.dtype = dtype;
        this.metadata = metadata;
    }

    /** A freshly initialised model (weights from Rng streams of the config's seed). */
    public static GatModel create(GatConfig config, int numTypes, DataType dtype) {
        NativeBackend.require();
        InputException.require(numTypes >= 1 && numTypes <= 64, "number of particle types must be in 1..64");
        RowGather.register();
        SameDiff sd = SameDiff.create();
        int f = config.width();
        int heads = config.heads();
        int d = f / heads;
        int c = GatConfig.EDGE_FEATURES;
        int md = d + c;
        Init init = new Init(sd, config.seed(), dtype);
        int nodeFeatures = GraphBatch.nodeFeatures(numTypes);
        SDVariable nodes = sd.placeHolder(NODES, dtype, -1, nodeFeatures);
        SDVariable edgeColumns = sd.placeHolder(EDGE_COLUMNS, dtype, c, -1);
        SDVariable sender = sd.placeHolder(SENDER, DataType.INT, -1);
        sd.placeHolder(OUT_SLOTS, DataType.INT, -1, -1); // read by the gradient of the sender gather
        SDVariable slotMask = sd.placeHolder(SLOT_MASK, dtype, -1, -1);
        SDVariable membership = sd.placeHolder(MEMBERSHIP, dtype, -1, -1);
        SDVariable inverseCount = sd.placeHolder(INVERSE_COUNT, dtype, -1, 1);
        SDVariable label = sd.placeHolder(LABEL, dtype, -1, 1);

        // 0/1 matrices that move columns between per-head blocks: sums over each head's d columns, the places of
        // z_k and g in the per-head message [z_k, g], and each head's coefficient repeated over its message block
        SDVariable headSum = sd.constant(placement(dtype, heads * d, heads, (r, col) -> r / d == col));
        SDVariable placeZ = sd.constant(placement(dtype, heads * d, heads * md, (r, col) -> r / d == col / md
                && r % d == col % md));
        SDVariable placeG = sd.constant(placement(dtype, c, heads * md, (r, col) -> col % md == d + r));
        SDVariable expand = sd.constant(placement(dtype, heads, heads * md, (r, col) -> col / md == r));
        // [heads, N, D] and [N, D, width] from flat slot rows, N and D taken from the slot mask
        SDVariable slotShape = sd.shape(slotMask).castTo(DataType.LONG);
        SDVariable headMajor = sd.concat(0, sd.constant(Nd4j.createFromArray((long) heads)), slotShape);
        SDVariable nodeMajor = sd.concat(0, slotShape, sd.constant(Nd4j.createFromArray((long) heads * md)));
        SDVariable placedEdges = sd.mmul(edgeColumns, placeG, true, false, false); // [N D, heads md]

        SDVariable h = sd.nn.elu(nodes.mmul(init.weight("enc_W", nodeFeatures, f)).add(init.zeros("enc_b", f)));
        for (int l = 0; l < config.layers(); l++) {
            String p = "l" + l + "_";
            SDVariable z = h.mmul(init.heads(p + "W", f, d, heads));                      // [N, heads d]
            SDVariable senderRows = RowGather.rows(sd, z.mmul(placeZ), sender);           // [N D, heads md]
            // a_dst . z_i as [heads, N, 1]; a_src . z_j from the gathered rows and a_edge . g_ij as [heads, N D]
            SDVariable receiverWeights = headSum.mul(sd.transpose(init.heads(p + "a_dst", 1, d, heads)));
            SDVariable toReceiver = sd.expandDims(sd.mmul(receiverWeights, z, true, true, false), 2);
            SDVariable senderWeights = sd.mmul(placeZ, headSum.mul(sd.transpose(init.heads(p + "a_src", 1, d,
                    heads))), true, false, false);
            // rows x weights, then a transpose of the narrow result: a transposed product of the wide rows
            // back-propagates two orders of magnitude slower in ND4J
            SDVariable fromSender = sd.transpose(senderRows.mmul(senderWeights))
                    .add(sd.mmul(init.weight(p + "a_edge", c, heads), edgeColumns, true, false, false));
            SDVariable scores = sd.nn.leakyRelu(sd.reshape(fromSender, headMajor).add(toReceiver), 0.2);
            // softmax over the last (slot) axis: contiguous, the fast path
            SDVariable alpha = sd.nn.softmax(attentionName(l), scores.add(slotMask), 2);
            SDVariable coefficients = sd.mmul(sd.reshape(alpha, heads, -1), expand, true, false, false);
            SDVariable perSlot = senderRows.add(placedEdges).mul(coefficients);
            SDVariable m = sd.sum(sd.reshape(perSlot, nodeMajor), 1);
            int mw = f + heads * md;
            SDVariable update = sd.concat(1, h, m).mmul(init.weight(p + "out_W", mw, f))
                    .add(init.zeros(p + "out_b", f));
            h = h.add(sd.nn.elu(update));
        }
        // per-graph sums as [B, N] x [N, f] products with the membership matrix
        SDVariable sum = membership.mmul(h);
        SDVariable mean = sum.mul(inverseCount); // products: broadcast divide_bp is slow in ND4J
        SDVariable deviation = h.sub(sd.mmul(membership, mean, true, false, false));
        SDVariable variance = membership.mmul(deviation.mul(deviation)).mul(inverseCount);
        SDVariable std = sd.math.sqrt(variance.add(1e-6));
        SDVariable location = "mean".equals(config.readout()) ? mean : sum;
        SDVariable pooled = sd.concat(1, location, std);
        // LayerNorm: graph vectors on one scale whatever the node count and depth
        SDVariable centred = pooled.sub(sd.mean(pooled, true, 1));
        SDVariable normalised = centred.mul(sd.math.rsqrt(sd.mean(centred.mul(centred), true, 1).add(1e-5)))
                .mul(init.ones("readout_gain", 2 * f)).add(init.zeros("readout_bias", 2 * f));
        SDVariable hidden = sd.nn.elu(normalised.mmul(init.weight("head_W1", 2 * f, f))
                .add(init.zeros("head_b1", f)));
        SDVariable logit = hidden.mmul(init.weight("head_W2", f, 1)).add(LOGIT, init.zeros("head_b2", 1));
        sd.nn.sigmoid(PROBABILITY, logit);
        sd.loss.sigmoidCrossEntropy(LOSS, label, logit, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        sd.setLossVariables(LOSS);
        GatModel model = new GatModel(sd, config, numTypes, dtype, new LinkedHashMap<>());
        model.configureTraining();
        return model;
    }

    private interface Cell {
        boolean one(int row, int column);
    }

    private static INDArray placement(DataType dtype, int rows, int columns, Cell cell) {
        INDArray a = Nd4j.zeros(dtype, rows, columns);
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < columns; col++) {
                if (cell.one(r, col)) {
                    a.putScalar(r, col, 1.0);
                }
            }
        }
        return a;
    }

    /** Name of the [heads, N, D] coefficients of a layer (slot layout of {@link GraphBatch}). */
    public static String attentionName(int layer) {
        return "attention_l" + layer;
    }

    private void configureTraining() {
        sd.setTrainingConfig(new TrainingConfig.Builder()
                .updater(new Adam(config.learningRate()))
                .dataSetFeatureMapping(NODES, EDGE_COLUMNS, SENDER, OUT_SLOTS, SLOT_MASK, MEMBERSHIP, INVERSE_COUNT)
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
    public Map<String, INDArray> inputs(GraphBatch batch) {
        Map<String, INDArray> in = new HashMap<>();
        INDArray[] features = features(batch);
        String[] names = {NODES, EDGE_COLUMNS, SENDER, OUT_SLOTS, SLOT_MASK, MEMBERSHIP, INVERSE_COUNT};
        for (int k = 0; k < names.length; k++) {
            in.put(names[k], features[k]);
        }
        in.put(LABEL, batch.labels);
        return in;
    }

    /** The batch's arrays in the order of the training config's feature mapping. */
    static INDArray[] features(GraphBatch b) {
        return new INDArray[]{b.nodes, b.edgeColumns, b.sender, b.outSlots, b.slotMask, b.membership, b.inverseCount};
    }

    public GraphBatch batch(List<ParticleGraph> graphs) {
        return new GraphBatch(graphs, numTypes, dtype, null, 0);
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
    public double loss(GraphBatch batch) {
        return sd.output(inputs(batch), LOSS).get(LOSS).getDouble(0);
    }

    /**
     * Attention coefficients of one graph: [layer][head][k] for each CSR edge k (sender neighbours[k] to receiver
     * i), followed by [layer][head][E + i] for the self-loop of node i.
     */
    public float[][][] attention(ParticleGraph g) {
        String[] names = new String[config.layers()];
        for (int l = 0; l < names.length; l++) {
            names[l] = attentionName(l);
        }
        GraphBatch b = batch(List.of(g));
        Map<String, INDArray> out = sd.output(inputs(b), names);
        int heads = config.heads();
        int n = g.nodeCount();
        int edges = g.edgeCount();
        float[][][] result = new float[config.layers()][heads][edges + n];
        for (int l = 0; l < names.length; l++) {
            // [heads, N, D]
            float[] alpha = out.get(names[l]).castTo(DataType.FLOAT).reshape((long) heads * n * b.slots)
                    .toFloatVector();
            for (int k = 0; k < heads; k++) {
                for (int i = 0; i < n; i++) {
                    for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                        result[l][k][e] = alpha[k * n * b.slots + GraphBatch.slotOfEdge(g, b.slots, i, e)];
                    }
                    result[l][k][edges + i] = alpha[k * n * b.slots + i * b.slots];
                }
            }
        }
        return result;
    }

    /** Trainable parameters by name. */
    public Map<String, INDArray> parameters() {
        return parameters(sd);
    }

    static Map<String, INDArray> parameters(SameDiff sd) {
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                params.put(v.name(), v.getArr());
            }
        }
        return params;
    }

    /** Writes model.fb (SameDiff flat file) and metadata.json into the folder, each atomically. */
    public void save(Path folder) {
        save(folder, sd, FORMAT, dtype, numTypes, config, metadata);
    }

    /** The model folder of a SameDiff graph with the metadata of the given format. */
    static void save(Path folder, SameDiff sd, String format, DataType dtype, int numTypes, GatConfig config,
                     Map<String, String> metadata) {
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "model", ".fb.tmp");
            try {
                sd.asFlatFile(tmp.toFile());
                AtomicFiles.write(folder.resolve(MODEL_FILE), out -> Files.copy(tmp, out));
            } finally {
                Files.deleteIfExists(tmp);
            }
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode();
            root.put("format", format);
            root.put("library", "deeplearning4j SameDiff 1.0.0-M2.1");
            root.put("dataType", dtype.name());
            root.put("numTypes", numTypes);
            root.put("edgeFeatures", "dx,dy,dz,r (r_j - r_i, minimum image)");
            root.put("nodeFeatures", "type one-hot, then the sum over incoming edges of " + GraphBatch.RBF_COUNT
                    + " Gaussian radial basis functions of r (centres " + GraphBatch.RBF_FIRST + " + k "
                    + GraphBatch.RBF_STEP + ", width " + GraphBatch.RBF_STEP + ") divided by "
                    + GraphBatch.HISTOGRAM_SCALE);
            ObjectNode cfg = root.putObject("config");
            cfg.put("layers", config.layers());
            cfg.put("width", config.width());
            cfg.put("heads", config.heads());
            cfg.put("readout", config.readout());
            cfg.put("learningRate", config.learningRate());
            cfg.put("epochs", config.epochs());
            cfg.put("patience", config.patience());
            cfg.put("batchGraphs", config.batchGraphs());
            cfg.put("rotate", config.rotate());
            cfg.put("seed", config.seed());
            ObjectNode meta = root.putObject("metadata");
            metadata.forEach(meta::put);
            AtomicFiles.writeString(folder.resolve(METADATA_FILE),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a model written by {@link #save}. */
    public static GatModel load(Path folder) {
        NativeBackend.require();
        Path metaFile = folder.resolve(METADATA_FILE);
        Path modelFile = folder.resolve(MODEL_FILE);
        if (!Files.isRegularFile(metaFile) || !Files.isRegularFile(modelFile)) {
            throw InputException.at(folder, 0, "expected a model folder with " + MODEL_FILE + " and " + METADATA_FILE);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(metaFile.toFile());
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw InputException.at(metaFile, where == null ? 0 : where.getLineNr(), "expected JSON model metadata"
                    + (where == null ? "" : ", not valid JSON at column " + where.getColumnNr()));
        } catch (IOException e) {
            throw InputException.at(metaFile, 0, "cannot read the model metadata (" + e.getMessage() + ")");
        }
        JsonNode c = root.path("config");
        String format = root.path("format").asText();
        if (!FORMAT.equals(format) && !DENSE_FORMAT.equals(format) || c.isMissingNode()) {
            throw InputException.at(metaFile, 0, "expected metadata of format '" + FORMAT + "' or '" + DENSE_FORMAT
                    + "', found '" + format + "' (a model from another version must be trained again)");
        }
        int numTypes = root.path("numTypes").asInt();
        if (numTypes < 1 || numTypes > 64) {
            throw InputException.at(metaFile, 0, "numTypes: expected 1..64 particle types, found " + numTypes);
        }
        GatConfig config;
        try {
            config = new GatConfig(c.path("layers").asInt(), c.path("width").asInt(), c.path("heads").asInt(),
                    c.path("readout").asText(), c.path("learningRate").asDouble(), c.path("epochs").asInt(),
                    c.path("patience").asInt(), c.path("batchGraphs").asInt(), c.path("rotate").asBoolean(),
                    c.path("seed").asLong());
        } catch (InputException e) {
            throw InputException.at(metaFile, 0, "config: " + e.getMessage());
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        root.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        Map<String, INDArray> saved = new HashMap<>();
        try {
            for (SDVariable v : SameDiff.fromFlatFile(modelFile.toFile()).variables()) {
                if (v.getVariableType() == VariableType.VARIABLE) {
                    saved.put(v.name(), v.getArr());
                }
            }
        } catch (OutOfMemoryError e) {
            // SameDiff sizes its arrays by the shapes stored in the file; a damaged shape asks for an impossible one
            throw InputException.at(modelFile, 0, "expected a SameDiff flat file (an array shape in it is damaged)");
        } catch (Exception e) {
            throw InputException.at(modelFile, 0, "expected a SameDiff flat file (" + (e.getMessage() == null
                    ? "damaged or cut short" : e.getMessage().lines().findFirst().orElse("")) + ")");
        }
        if (DENSE_FORMAT.equals(format)) {
            saved = fromDenseParameters(saved, config);
        }
        // the graph is rebuilt from the config and takes the saved weights: training resumes with this version's ops
        GatModel model = create(config, numTypes,
                DataType.valueOf(root.path("dataType").asText("FLOAT")));
        model.metadata().putAll(metadata);
        for (Map.Entry<String, INDArray> p : model.parameters().entrySet()) {
            INDArray w = saved.get(p.getKey());
            if (w == null || !Arrays.equals(w.shape(), p.getValue().shape())) {
                throw InputException.at(modelFile, 0, "expected parameter " + p.getKey() + " of shape "
                        + Arrays.toString(p.getValue().shape()) + " (format '" + format + "')");
            }
            p.getValue().assign(w);
        }
        return model;
    }

    /**
     * Parameters of the dense model (format 2: per-head W [width, d], a_dst and a_src [d, 1], named
     * l{l}_h{k}_...) as this model's fused per-layer parameters; every other parameter keeps its name and shape.
     */
    static Map<String, INDArray> fromDenseParameters(Map<String, INDArray> dense, GatConfig config) {
        Map<String, INDArray> out = new HashMap<>(dense);
        for (int l = 0; l < config.layers(); l++) {
            for (String name : List.of("W", "a_dst", "a_src")) {
                INDArray[] blocks = new INDArray[config.heads()];
                for (int k = 0; k < blocks.length; k++) {
                    String key = "l" + l + "_h" + k + "_" + name;
                    INDArray w = out.remove(key);
                    if (w == null) {
                        return dense;
                    }
                    blocks[k] = "W".equals(name) ? w : w.reshape(1, w.length());
                }
                out.put("l" + l + "_" + name, Nd4j.hstack(blocks));
            }
        }
        return out;
    }

    /** Seeded weight creation: Glorot-normal weights, zero biases, one Rng stream per parameter name. */
    private record Init(SameDiff sd, long seed, DataType dtype) {

        SDVariable weight(String name, int fanIn, int fanOut) {
            return sd.var(name, glorot(name, fanIn, fanOut, fanIn, fanOut));
        }

        /** Per-head weights side by side: [rows, heads * d], each head initialised as a [fan-in, d] matrix. */
        SDVariable heads(String name, int rows, int d, int heads) {
            int fanIn = rows == 1 ? d : rows;
            int fanOut = rows == 1 ? 1 : d;
            return sd.var(name, glorot(name, rows, heads * d, fanIn, fanOut));
        }

        private INDArray glorot(String name, int rows, int columns, int fanIn, int fanOut) {
            SplittableRandom rnd = Rng.stream(seed, "gat-weight:" + name);
            double scale = Math.sqrt(2.0 / (fanIn + fanOut));
            double[] w = new double[rows * columns];
            for (int i = 0; i < w.length; i++) {
                w[i] = scale * Rng.gaussian(rnd);
            }
            return Nd4j.create(w, new long[]{rows, columns}, DataType.DOUBLE).castTo(dtype);
        }

        SDVariable zeros(String name, int size) {
            return sd.var(name, Nd4j.zeros(dtype, 1, size));
        }

        SDVariable ones(String name, int size) {
            return sd.var(name, Nd4j.ones(dtype, 1, size));
        }
    }
}

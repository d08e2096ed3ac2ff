package io.github.mdxai.learn.graph;

import io.github.mdxai.learn.NativeBackend;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Rng;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * Graph attention classifier on edge lists: work and memory linear in the number of edges (see {@link GraphBatch}
 * for the inputs; a batch is the disjoint union of its graphs).
 * <pre>
 * h0 = ELU([onehot, sum_j rbf_1..K(r_ij)] W_enc + b_enc)                first message: the node's radial histogram
 * per layer l, head k:  z = h W_lk
 *   e_ij = LeakyReLU_0.2(a_dst . z_i + a_src . z_j + a_edge . g_ij)        g_ij = (dx, dy, dz, r), 0 on self-loops
 *   alpha_ij = softmax over the incoming edges j of i (and i itself)      per edge and head ({@link #attention})
 *   m_i = [sum_j alpha_ij z_j , sum_j alpha_ij g_ij]                      node and edge (geometry) messages
 * h_{l+1} = h_l + ELU([h_l, m over heads] W_out + b_out)                  residual update
 * g = LayerNorm([mean of h, std of h over nodes]) (sum instead of mean for the "sum" readout)
 * logit = W2 ELU(W1 g + b1) + b2;  p = sigmoid(logit)
 * </pre>
 * All heads of a layer share one matrix: W_l = [W_l0 | W_l1 | ...], a_dst and a_src likewise as one row. The
 * parameters are ND4J arrays of the model's data type (names and shapes of the SameDiff model of format 3, whose
 * files this class reads and writes); the passes run in {@link GatEngine} and training takes Adam steps as
 * SameDiff's updater did (beta1 0.9, beta2 0.999, epsilon 1e-8).
 */
public final class GatModel {

    static final String MODEL_FILE = "model.fb";
    static final String FORMAT = "MD_XAI graph attention classifier 3 (edge lists)";
    /** The dense masked N x N model of earlier versions: its weights are read and converted. */
    static final String DENSE_FORMAT = "MD_XAI graph attention classifier 2";
    static final String METADATA_FILE = "metadata.json";
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    private final GatConfig config;
    private final int numTypes;
    private final DataType dtype;
    private final Map<String, String> metadata;
    private final GatEngine engine;
    private final Map<String, INDArray> parameters;
    private final INDArray[] ordered;
    /** How the passes run their chunks: on the calling thread unless a trainer lends a pool. */
    private GatEngine.Runner runner = GatEngine.SEQUENTIAL;
    /** Buffers of the training passes, reused from one step to the next. */
    private GatPass trainingPass;
    private double[][] gradient;
    private double[][] firstMoment;
    private double[][] secondMoment;
    private int iteration;

    private GatModel(GatConfig config, int numTypes, DataType dtype) {
        this.config = config;
        this.numTypes = numTypes;
        this.dtype = dtype;
        this.metadata = new LinkedHashMap<>();
        this.engine = new GatEngine(config, numTypes);
        Init init = new Init(config.seed(), dtype);
        String[] names = engine.layout.names();
        int[][] shapes = engine.layout.shapes();
        int heads = config.heads();
        int d = config.width() / heads;
        parameters = new LinkedHashMap<>();
        ordered = new INDArray[names.length];
        for (int k = 0; k < names.length; k++) {
            String name = names[k];
            int rows = shapes[k][0];
            int columns = shapes[k][1];
            INDArray w;
            if (name.endsWith("_b") || name.endsWith("_b1") || name.endsWith("_b2") || name.equals("readout_bias")) {
                w = Nd4j.zeros(dtype, rows, columns);
            } else if (name.equals("readout_gain")) {
                w = Nd4j.ones(dtype, rows, columns);
            } else if (name.matches("l\\d+_(W|a_dst|a_src)")) {
                w = init.heads(name, rows, d, heads);
            } else {
                w = init.glorot(name, rows, columns, rows, columns);
            }
            parameters.put(name, w);
            ordered[k] = w;
        }
    }

    /** A freshly initialised model (weights from Rng streams of the config's seed). */
    public static GatModel create(GatConfig config, int numTypes, DataType dtype) {
        NativeBackend.require();
        InputException.require(numTypes >= 1 && numTypes <= 64, "number of particle types must be in 1..64");
        return new GatModel(config, numTypes, dtype);
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

    public GraphBatch batch(List<ParticleGraph> graphs) {
        return new GraphBatch(graphs, numTypes, null, 0);
    }

    /** The parameters in the engine's order, in double precision. */
    private double[][] weights() {
        double[][] w = new double[ordered.length][];
        for (int k = 0; k < ordered.length; k++) {
            DataBuffer data = ordered[k].data();
            double[] v = new double[(int) ordered[k].length()];
            for (int q = 0; q < v.length; q++) {
                v[q] = data.getDouble(q);
            }
            w[k] = v;
        }
        return w;
    }

    /** Logit of class 1 for each graph, evaluated in batches of the config's size. */
    double[] logits(List<ParticleGraph> graphs) {
        double[][] w = weights();
        double[] out = new double[graphs.size()];
        GatPass pass = null;
        for (int from = 0; from < graphs.size(); from += config.batchGraphs()) {
            int to = Math.min(graphs.size(), from + config.batchGraphs());
            pass = engine.forward(w, batch(graphs.subList(from, to)), pass, runner);
            System.arraycopy(pass.logit, 0, out, from, to - from);
        }
        return out;
    }

    /** Probability of class 1 for each graph, evaluated in batches of the config's size. */
    public double[] predict(List<ParticleGraph> graphs) {
        double[] p = logits(graphs);
        for (int k = 0; k < p.length; k++) {
            p[k] = 1 / (1 + Math.exp(-p[k]));
        }
        return p;
    }

    /** Mean loss over a batch. */
    public double loss(GraphBatch batch) {
        return GatReadout.loss(engine.forward(weights(), batch, null, GatEngine.SEQUENTIAL), batch);
    }

    /** Gradient of the mean loss over the batch for each parameter (double precision, parameter shapes). */
    Map<String, INDArray> gradients(GraphBatch batch) {
        double[][] w = weights();
        double[][] grad = new double[w.length][];
        for (int k = 0; k < w.length; k++) {
            grad[k] = new double[w[k].length];
        }
        engine.backward(w, batch, engine.forward(w, batch, null, GatEngine.SEQUENTIAL), grad, GatEngine.SEQUENTIAL);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int k = 0; k < ordered.length; k++) {
            out.put(engine.layout.names()[k], Nd4j.create(grad[k], ordered[k].shape(), 'c'));
        }
        return out;
    }

    /** Runs the passes on the runner (results do not depend on it); returns the previous one. */
    GatEngine.Runner runOn(GatEngine.Runner newRunner) {
        GatEngine.Runner old = runner;
        runner = newRunner;
        return old;
    }

    /** One Adam step on the batch's mean loss; returns the loss before the step. */
    double trainStep(GraphBatch batch) {
        double[][] w = weights();
        if (gradient == null) {
            gradient = new double[w.length][];
            for (int k = 0; k < w.length; k++) {
                gradient[k] = new double[w[k].length];
            }
        }
        if (firstMoment == null) {
            firstMoment = new double[w.length][];
            secondMoment = new double[w.length][];
            for (int k = 0; k < w.length; k++) {
                firstMoment[k] = new double[w[k].length];
                secondMoment[k] = new double[w[k].length];
            }
        }
        trainingPass = engine.forward(w, batch, trainingPass, runner);
        double loss = GatReadout.loss(trainingPass, batch);
        engine.backward(w, batch, trainingPass, gradient, runner);
        // ND4J's Adam updater: bias corrections folded into the step size
        iteration++;
        double stepSize = config.learningRate() * Math.sqrt(1 - Math.pow(BETA2, iteration))
                / (1 - Math.pow(BETA1, iteration));
        for (int k = 0; k < w.length; k++) {
            DataBuffer data = ordered[k].data();
            double[] g = gradient[k];
            double[] m = firstMoment[k];
            double[] v = secondMoment[k];
            for (int q = 0; q < g.length; q++) {
                m[q] = BETA1 * m[q] + (1 - BETA1) * g[q];
                v[q] = BETA2 * v[q] + (1 - BETA2) * g[q] * g[q];
                data.put(q, w[k][q] - stepSize * m[q] / (Math.sqrt(v[q]) + ADAM_EPSILON));
            }
        }
        return loss;
    }

    /**
     * Attention coefficients of one graph: [layer][head][k] for each CSR edge k (sender neighbours[k] to receiver
     * i), followed by [layer][head][E + i] for the self-loop of node i.
     */
    public float[][][] attention(ParticleGraph g) {
        GraphBatch b = batch(List.of(g));
        GatPass pass = engine.forward(weights(), b, null, GatEngine.SEQUENTIAL);
        int heads = config.heads();
        int n = g.nodeCount();
        int edges = g.edgeCount();
        float[][][] result = new float[config.layers()][heads][edges + n];
        for (int l = 0; l < config.layers(); l++) {
            double[] alpha = pass.alpha[l];
            for (int k = 0; k < heads; k++) {
                for (int i = 0; i < n; i++) {
                    for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                        result[l][k][e] = (float) alpha[b.edgeOf(0, g, i, e) * heads + k];
                    }
                    result[l][k][edges + i] = (float) alpha[b.edgeOf(0, g, i, -1) * heads + k];
                }
            }
        }
        return result;
    }

    /** Trainable parameters by name. */
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /** Writes model.fb (SameDiff flat file) and metadata.json into the folder, each atomically. */
    public void save(Path folder) {
        // a SameDiff graph holding the parameters only: readers of format 3 take nothing else from the file
        SameDiff sd = SameDiff.create();
        parameters.forEach(sd::var);
        save(folder, sd, FORMAT, dtype, numTypes, config, metadata);
    }

    /** The model folder of a SameDiff graph with the metadata of the given format. */
    static void save(Path folder, SameDiff sd, String format, DataType dtype, int numTypes, GatConfig config,
                     Map<String, String> metadata) {
        try {
            Files.createDirectories(folder);
            // hidden like AtomicFiles' own temporaries: a kill before the delete leaves nothing that looks like an output
            Path tmp = Files.createTempFile(folder, ".model", ".fb.tmp");
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
    private record Init(long seed, DataType dtype) {

        /** Per-head weights side by side: [rows, heads * d], each head initialised as a [fan-in, d] matrix. */
        INDArray heads(String name, int rows, int d, int heads) {
            int fanIn = rows == 1 ? d : rows;
            int fanOut = rows == 1 ? 1 : d;
            return glorot(name, rows, heads * d, fanIn, fanOut);
        }

        INDArray glorot(String name, int rows, int columns, int fanIn, int fanOut) {
            SplittableRandom rnd = Rng.stream(seed, "gat-weight:" + name);
            double scale = Math.sqrt(2.0 / (fanIn + fanOut));
            double[] w = new double[rows * columns];
            for (int i = 0; i < w.length; i++) {
                w[i] = scale * Rng.gaussian(rnd);
            }
            return Nd4j.create(w, new long[]{rows, columns}, DataType.DOUBLE).castTo(dtype);
        }
    }
}

package io.github.mdxai.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Json;
import io.github.mdxai.util.Versions;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained committor network: standardization -> MLP -> q, with p_B = (1 + tanh q) / 2 = sigmoid(2q).
 * The DL4J network ends in a sigmoid on its pre-activation z = 2q; a twin with an identity output shares its
 * weights and gives q and dq/dz exactly. Saved as a DL4J model zip (with a DL4J NormalizerStandardize) plus an
 * {@value #METADATA_ENTRY} entry: feature names, statistics, training settings, seed and library versions.
 */
public final class CommittorModel {

    public static final String METADATA_ENTRY = "mdxai-committor.json";
    public static final String FORMAT = "mdxai-committor-network";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MultiLayerNetwork network;
    private final List<String> featureNames;
    private final Standardization standardization;
    private final NetworkSpec spec;
    private final String target;
    private final Map<String, Object> training;
    private MultiLayerNetwork qNetwork;
    private DenseQ denseQ;

    CommittorModel(MultiLayerNetwork network, List<String> featureNames, Standardization standardization,
                   NetworkSpec spec, String target, Map<String, Object> training) {
        this.network = network;
        this.featureNames = List.copyOf(featureNames);
        this.standardization = standardization;
        this.spec = spec;
        this.target = target;
        this.training = new LinkedHashMap<>(training);
    }

    /** The network for d inputs; {@code qOutput} chooses the identity (z) output instead of the sigmoid. */
    static MultiLayerNetwork build(NetworkSpec spec, int inputs, boolean qOutput) {
        NativeBackend.require();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(spec.rate()))
                .l2(spec.l2())
                .list();
        int previous = inputs;
        for (int width : spec.hidden()) {
            list.layer(new DenseLayer.Builder().nIn(previous).nOut(width).activation(spec.dl4jActivation()).build());
            previous = width;
        }
        LossFunctions.LossFunction loss = qOutput || NetworkSpec.MSE.equals(spec.loss())
                ? LossFunctions.LossFunction.MSE : LossFunctions.LossFunction.XENT;
        list.layer(new OutputLayer.Builder(loss).nIn(previous).nOut(1)
                .activation(qOutput ? Activation.IDENTITY : Activation.SIGMOID).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public int features() {
        return featureNames.size();
    }

    public Standardization standardization() {
        return standardization;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public String target() {
        return target;
    }

    /** Training facts stored with the model (best epoch, split sizes, time). */
    public Map<String, Object> training() {
        return Map.copyOf(training);
    }

    /** The DL4J network (sigmoid output p_B). */
    public MultiLayerNetwork network() {
        return network;
    }

    /** q for standardized inputs z (rows x features). */
    public double[] qStandardized(double[][] z) {
        INDArray out = qNet().output(toMatrix(z), false);
        double[] q = new double[z.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = 0.5 * out.getDouble(i, 0);
        }
        return q;
    }

    /** q for raw feature rows (in the model's feature order). */
    public double[] q(double[][] x) {
        return qStandardized(standardization.apply(x));
    }

    /** dq/dz_i at each standardized input row: the sensitivity per training standard deviation of x_i. */
    public double[][] gradientStandardized(double[][] z) {
        MultiLayerNetwork net = qNet();
        INDArray input = toMatrix(z);
        INDArray out = net.output(input, false);
        // MSE against z_out - 1/2 has gradient 2 * (1/2) = 1 with respect to each row's z_out, so the input
        // gradient is dz_out/dz; q = z_out / 2.
        INDArray labels = out.sub(0.5);
        INDArray grad = net.calculateGradients(input, labels, null, null).getSecond();
        double scale = 0.5;
        double[][] g = new double[z.length][z[0].length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g[i].length; j++) {
                g[i][j] = scale * grad.getDouble(i, j);
            }
        }
        return g;
    }

    /**
     * q of one raw feature row, with dq/dx_j (per raw feature unit) written into {@code dqdx}: the network's input
     * gradient with respect to the standardized inputs, chained through the standardization (dz_j/dx_j = 1/std_j).
     * What a restraint on q needs at every MD step, so it runs in double-precision Java ({@link DenseQ}), not DL4J.
     */
    public synchronized double qAndGradient(double[] features, double[] dqdx) {
        if (denseQ == null) {
            denseQ = new DenseQ(network, spec, features());
        }
        double[] z = standardization.apply(features);
        double q = denseQ.qAndGradient(z, dqdx);
        for (int j = 0; j < dqdx.length; j++) {
            dqdx[j] /= standardization.std(j);
        }
        return q;
    }

    /** p_B = (1 + tanh q) / 2. */
    public static double pB(double q) {
        return 0.5 * (1 + Math.tanh(q));
    }

    /** The rows of a table in this model's feature order; an error names the columns the table lacks. */
    public double[][] featuresOf(CsvTable table) {
        return CommittorData.featureMatrix(table, featureNames);
    }

    private synchronized MultiLayerNetwork qNet() {
        if (qNetwork == null) {
            qNetwork = build(spec, features(), true);
            qNetwork.setParams(network.params());
        }
        return qNetwork;
    }

    /** Call after the sigmoid network's parameters changed (training). */
    synchronized void parametersChanged() {
        qNetwork = null;
        denseQ = null;
    }

    static INDArray toMatrix(double[][] z) {
        float[][] f = new float[z.length][];
        for (int i = 0; i < z.length; i++) {
            f[i] = new float[z[i].length];
            for (int j = 0; j < f[i].length; j++) {
                f[i][j] = (float) z[i][j];
            }
        }
        return Nd4j.create(f);
    }

    // ---------------------------------------------------------------------------------------------- files

    /** Writes the model zip atomically. */
    public void save(Path file) {
        byte[] dl4j;
        Path scratch = null;
        try {
            NormalizerStandardize normalizer = new NormalizerStandardize(
                    Nd4j.create(standardization.mean()).castTo(DataType.FLOAT).reshape(1, features()),
                    Nd4j.create(standardization.std()).castTo(DataType.FLOAT).reshape(1, features()));
            // DL4J 1.0.0-M2.1 closes its stream before writing a normalizer passed to writeModel: add it afterwards
            scratch = Files.createTempFile("mdxai-committor", ".zip");
            ModelSerializer.writeModel(network, scratch.toFile(), false);
            ModelSerializer.addNormalizerToModel(scratch.toFile(), normalizer);
            dl4j = Files.readAllBytes(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the network: " + e.getMessage(), e);
        } finally {
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
        byte[] metadata = metadataJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(dl4j))) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
            zip.write(metadata);
            zip.closeEntry();
            zip.finish();
        });
    }

    private String metadataJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", 1);
        m.put("output", "q (linear); pB = (1 + tanh q) / 2 = sigmoid(2 q); the DL4J net outputs sigmoid(2 q)");
        m.put("target", target);
        m.put("features", featureNames);
        m.put("feature_mean", standardization.mean());
        m.put("feature_std", standardization.std());
        m.put("hidden", spec.hidden());
        m.put("activation", spec.activation());
        m.put("loss", spec.loss());
        m.put("epochs", spec.epochs());
        m.put("batch", spec.batch());
        m.put("rate", spec.rate());
        m.put("l2", spec.l2());
        m.put("patience", spec.patience());
        m.put("seed", spec.seed());
        m.put("training", training);
        m.put("versions", Versions.all());
        return Json.pretty(m);
    }

    /** Reads a model zip; anything that is not one gives a one-line error naming the file. */
    public static CommittorModel load(Path file) {
        NativeBackend.require();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException("model file not found: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode meta = readMetadata(file, bytes);
        try {
            List<String> names = new ArrayList<>();
            meta.get("features").forEach(n -> names.add(n.asText()));
            double[] mean = doubles(meta.get("feature_mean"));
            double[] std = doubles(meta.get("feature_std"));
            int[] hidden = new int[meta.get("hidden").size()];
            for (int i = 0; i < hidden.length; i++) {
                hidden[i] = meta.get("hidden").get(i).asInt();
            }
            NetworkSpec spec = new NetworkSpec(hidden, meta.get("activation").asText(), meta.get("loss").asText(),
                    meta.get("epochs").asInt(), meta.get("batch").asInt(), meta.get("rate").asDouble(),
                    meta.get("l2").asDouble(), meta.get("patience").asInt(), meta.get("seed").asLong());
            if (names.isEmpty() || mean.length != names.size() || std.length != names.size()) {
                throw InputException.at(file, 0, "model metadata lists " + names.size() + " features but "
                        + mean.length + " means and " + std.length + " standard deviations");
            }
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
            if (net.layerInputSize(0) != names.size()) {
                throw InputException.at(file, 0, "the network takes " + net.layerInputSize(0)
                        + " inputs but the metadata names " + names.size() + " features");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> training = meta.has("training")
                    ? JSON.convertValue(meta.get("training"), LinkedHashMap.class) : Map.of();
            return new CommittorModel(net, names, new Standardization(mean, std), spec,
                    meta.get("target").asText(), training);
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw InputException.at(file, 0, "not a readable MD_XAI committor model (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")");
        }
    }

    private static JsonNode readMetadata(Path file, byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            boolean any = false;
            while ((e = zip.getNextEntry()) != null) {
                any = true;
                if (METADATA_ENTRY.equals(e.getName())) {
                    JsonNode node = JSON.readTree(zip.readAllBytes());
                    if (node == null || !FORMAT.equals(node.path("format").asText())) {
                        throw InputException.at(file, 0, "entry " + METADATA_ENTRY + " is not an MD_XAI committor model description");
                    }
                    return node;
                }
            }
            throw InputException.at(file, 0, any
                    ? "a zip without " + METADATA_ENTRY + ": not a model written by Train Committor Network"
                    : "not a model zip (empty or not a zip file)");
        } catch (IOException | IllegalArgumentException ex) {
            // ZipInputStream reports an entry name that is not UTF-8 as IllegalArgumentException
            throw InputException.at(file, 0, "not a readable model zip (" + (ex instanceof IllegalArgumentException
                    ? "an entry name is not text" : ex.getMessage() == null ? "damaged or cut short" : ex.getMessage()) + ")");
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}

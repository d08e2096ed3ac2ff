package io.github.mdxai.learn.graph;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the classifier on a two-class graph data set and writes into a folder: {@code model/} (SameDiff flat file
 * and metadata), {@code metrics.json} (test accuracy and confusion, sizes, timing, memory) and
 * {@code curves.csv} (loss and accuracy per epoch).
 */
public final class GatExperiment {

    private GatExperiment() {
    }

    /** What a run measured. */
    public record Outcome(GatModel model, GatTrainer.Result training, GatTrainer.Evaluation test,
                          double secondsPerEpoch, long peakResidentBytes) {
    }

    public static Outcome run(GraphDataset data, GatConfig config, Path outDir, Progress progress) {
        return run(data, config, outDir, progress, 1);
    }

    /** Trains with the edge loops on {@code threads} threads: the model is the same for any number of threads. */
    public static Outcome run(GraphDataset data, GatConfig config, Path outDir, Progress progress, int threads) {
        InputException.require(data.classNames().size() == 2, "the classifier is binary: the data set has "
                + data.classNames().size() + " classes");
        List<ParticleGraph> train = data.split(ParticleGraph.Split.TRAIN);
        List<ParticleGraph> validation = data.split(ParticleGraph.Split.VALIDATION);
        List<ParticleGraph> test = data.split(ParticleGraph.Split.TEST);
        InputException.require(!test.isEmpty(), "the data set has no test graphs");
        GatModel model = GatModel.create(config, data.numTypes(), DataType.FLOAT);
        PeakMemory memory = new PeakMemory();
        GatTrainer.Result result = GatTrainer.train(model, train, validation, new Progress() {
            @Override
            public void fraction(double done) {
                memory.sample();
                progress.fraction(0.95 * done);
            }

            @Override
            public void status(String text) {
                progress.status(text);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        }, threads);
        progress.status("evaluating the test snapshots");
        GatTrainer.Evaluation eval = GatTrainer.evaluate(model, test);
        memory.sample();
        double secondsPerEpoch = result.epochs().stream().mapToDouble(GatTrainer.Epoch::seconds).average()
                .orElse(Double.NaN);
        model.metadata().put("classes", String.join(",", data.classNames()));
        model.metadata().put("classTemperatures", data.classTemperatures()[0] + "," + data.classTemperatures()[1]);
        model.metadata().put("shellRadii", flatten(data.shellRadius()));
        model.metadata().put("testAccuracy", Double.toString(eval.accuracy()));
        model.metadata().put("bestEpoch", Integer.toString(result.bestEpoch()));
        model.save(outDir.resolve("model"));
        writeCurves(outDir.resolve("curves.csv"), result);
        writeMetrics(outDir.resolve("metrics.json"), data, config, result, eval, train.size(), validation.size(),
                test, secondsPerEpoch, memory.peak);
        progress.fraction(1);
        return new Outcome(model, result, eval, secondsPerEpoch, memory.peak);
    }

    private static void writeCurves(Path file, GatTrainer.Result result) {
        List<double[]> rows = new ArrayList<>();
        for (GatTrainer.Epoch e : result.epochs()) {
            rows.add(new double[]{e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(),
                    e.validationAccuracy(), e.seconds()});
        }
        CsvTable.write(file, List.of("epoch", "train_loss", "train_accuracy", "validation_loss",
                "validation_accuracy", "seconds"), rows);
    }

    private static void writeMetrics(Path file, GraphDataset data, GatConfig config, GatTrainer.Result result,
                                     GatTrainer.Evaluation eval, int trainCount, int validationCount,
                                     List<ParticleGraph> test, double secondsPerEpoch, long peakBytes) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode classes = root.putArray("classes");
        for (int c = 0; c < 2; c++) {
            classes.addObject().put("label", c).put("name", data.classNames().get(c))
                    .put("temperature", data.classTemperatures()[c]);
        }
        root.put("particles", test.get(0).nodeCount());
        root.put("trainGraphs", trainCount);
        root.put("validationGraphs", validationCount);
        root.put("testGraphs", test.size());
        root.put("testAccuracy", eval.accuracy());
        root.put("testLoss", eval.loss());
        long majority = Math.max(eval.confusion()[0][0] + eval.confusion()[0][1],
                eval.confusion()[1][0] + eval.confusion()[1][1]);
        root.put("majorityClassAccuracy", majority / (double) test.size());
        ArrayNode confusion = root.putArray("confusion_trueRows_predictedColumns");
        for (long[] row : eval.confusion()) {
            confusion.addArray().add(row[0]).add(row[1]);
        }
        root.put("bestEpoch", result.bestEpoch());
        root.put("epochsRun", result.epochs().size());
        root.put("stoppedEarly", result.stoppedEarly());
        root.put("secondsPerEpoch", secondsPerEpoch);
        root.put("peakResidentMegabytes", peakBytes / 1048576.0);
        ObjectNode cfg = root.putObject("config");
        cfg.put("layers", config.layers()).put("width", config.width()).put("heads", config.heads())
                .put("readout", config.readout()).put("learningRate", config.learningRate())
                .put("epochs", config.epochs()).put("patience", config.patience())
                .put("batchGraphs", config.batchGraphs()).put("rotate", config.rotate()).put("seed", config.seed());
        try {
            AtomicFiles.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String flatten(double[][] m) {
        StringBuilder sb = new StringBuilder();
        for (double[] row : m) {
            for (double v : row) {
                sb.append(sb.length() == 0 ? "" : ",").append(v);
            }
        }
        return sb.toString();
    }

    /** Largest resident set size seen (Java heap plus ND4J's native buffers), via JavaCPP. */
    private static final class PeakMemory {
        long peak;

        void sample() {
            peak = Math.max(peak, Pointer.physicalBytes());
        }
    }
}

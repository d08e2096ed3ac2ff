package io.github.mdxai.learn.graph;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge-list model against the dense masked model of format 2 (the oracle) with the same weights. */
class SparseDenseEquivalenceTest {

    private static final List<ParticleGraph> GRAPHS = List.of(
            SyntheticGraphs.graph(0, 0, 3, 1.2, 1.5, 5, ParticleGraph.Split.TEST),
            SyntheticGraphs.graph(1, 1, 2, 1.6, 1.5, 5, ParticleGraph.Split.TEST), // padded in the dense batch
            SyntheticGraphs.graph(2, 1, 3, 1.0, 1.2, 5, ParticleGraph.Split.TEST));

    @Test
    void sameWeightsGiveTheSameLogitsAndAttention() {
        for (String readout : List.of("mean", "sum")) {
            GatConfig cfg = new GatConfig(3, 8, 2, readout, 1e-3, 1, 1, 4, false, 13);
            DenseGatOracle dense = DenseGatOracle.create(cfg, 2, DataType.DOUBLE);
            // biases and gains away from their initial zeros and ones, so every parameter matters
            SplittableRandom rnd = Rng.stream(3, "perturb-" + readout);
            for (INDArray w : dense.parameters().values()) {
                for (long i = 0; i < w.length(); i++) {
                    w.putScalar(i, w.getDouble(i) + 0.2 * Rng.gaussian(rnd));
                }
            }
            GatModel sparse = withDenseWeights(dense, cfg, DataType.DOUBLE);
            INDArray denseLogits = dense.sameDiff().output(dense.inputs(dense.batch(GRAPHS)), DenseGatOracle.LOGIT)
                    .get(DenseGatOracle.LOGIT);
            double[] sparseLogits = sparse.logits(GRAPHS);
            for (int b = 0; b < GRAPHS.size(); b++) {
                assertEquals(denseLogits.getDouble(b, 0), sparseLogits[b], 1e-5, readout + " graph " + b);
            }
            // the logits must depend on the graph, else equality says little
            assertTrue(Math.abs(sparseLogits[0] - sparseLogits[2]) > 1e-4);
            for (ParticleGraph g : GRAPHS) {
                float[][][] a = dense.attention(g);
                float[][][] s = sparse.attention(g);
                for (int l = 0; l < a.length; l++) {
                    for (int k = 0; k < a[l].length; k++) {
                        assertEquals(a[l][k].length, s[l][k].length);
                        for (int e = 0; e < a[l][k].length; e++) {
                            assertEquals(a[l][k][e], s[l][k][e], 1e-5, "layer " + l + " head " + k + " edge " + e);
                        }
                    }
                }
            }
        }
    }

    @Test
    void denseModelFilesOfFormatTwoLoad(@TempDir Path dir) {
        GatConfig cfg = new GatConfig(2, 8, 2, "mean", 1e-3, 1, 1, 2, true, 17);
        DenseGatOracle dense = DenseGatOracle.create(cfg, 2, DataType.FLOAT);
        dense.metadata().put("classes", "hot,cold");
        dense.save(dir);
        GatModel loaded = GatModel.load(dir);
        assertEquals(cfg, loaded.config());
        assertEquals("hot,cold", loaded.metadata().get("classes"));
        double[] expected = dense.predict(GRAPHS);
        double[] actual = loaded.predict(GRAPHS);
        for (int b = 0; b < expected.length; b++) {
            assertEquals(expected[b], actual[b], 1e-5);
        }
    }

    /**
     * A model folder written by the SameDiff edge-list version (format 3, whole graph in model.fb): config (2, 4, 2,
     * mean, seed 29), trained 2 epochs on SyntheticGraphs.set(8, 3, 21, TRAIN, 0); the numbers below are what that
     * version predicted for SyntheticGraphs.set(4, 3, 22, VALIDATION, 100) and the attention it gave graph 0.
     */
    private static final Path SAMEDIFF_MODEL = Path.of("test-data/graph-models/samediff-format3");

    @Test
    void modelFilesOfTheSameDiffVersionLoadAndPredictAsBefore() throws Exception {
        GatModel loaded = GatModel.load(SAMEDIFF_MODEL);
        List<ParticleGraph> val = SyntheticGraphs.set(4, 3, 22, ParticleGraph.Split.VALIDATION, 100);
        double[] expected = {0.416244805, 0.485432595, 0.440801889, 0.459917545};
        double[] actual = loaded.predict(val);
        for (int b = 0; b < expected.length; b++) {
            assertEquals(expected[b], actual[b], 1e-5, "graph " + b);
        }
        float[][][] a = loaded.attention(val.get(0));
        assertEquals(0.07864, a[1][1][0], 1e-5);
        assertEquals(0.039325926, a[0][0][a[0][0].length - 1], 1e-5);
    }

    /** Same seed, data and batches as that folder's training: the same weights (Adam steps and gradients agree). */
    @Test
    void trainingRetracesTheSameDiffVersion() throws Exception {
        GatModel saved = GatModel.load(SAMEDIFF_MODEL);
        GatModel model = GatModel.create(saved.config(), 2, DataType.FLOAT);
        GatTrainer.train(model, SyntheticGraphs.set(8, 3, 21, ParticleGraph.Split.TRAIN, 0),
                SyntheticGraphs.set(4, 3, 22, ParticleGraph.Split.VALIDATION, 100), Progress.NONE);
        GatModel untrained = GatModel.create(saved.config(), 2, DataType.FLOAT);
        double moved = 0;
        for (Map.Entry<String, INDArray> p : model.parameters().entrySet()) {
            INDArray expected = saved.parameters().get(p.getKey());
            assertEquals(0.0, p.getValue().sub(expected).amaxNumber().doubleValue(), 1e-4, p.getKey());
            moved = Math.max(moved, untrained.parameters().get(p.getKey()).sub(expected).amaxNumber().doubleValue());
        }
        assertTrue(moved > 1e-2, "training moved the weights by " + moved);
    }

    @Test
    void otherFormatsAreRefusedByName(@TempDir Path dir) throws Exception {
        GatModel model = GatModel.create(new GatConfig(1, 4, 1, "mean", 1e-3, 1, 1, 2, false, 1), 2, DataType.FLOAT);
        model.save(dir);
        Path meta = dir.resolve(GatModel.METADATA_FILE);
        Files.writeString(meta, Files.readString(meta).replace(GatModel.FORMAT, "MD_XAI graph attention classifier 1"));
        InputException e = assertThrows(InputException.class, () -> GatModel.load(dir));
        assertTrue(e.getMessage().contains("'MD_XAI graph attention classifier 1'"), e.getMessage());
        assertTrue(e.getMessage().contains(GatModel.FORMAT), e.getMessage());
    }

    private static GatModel withDenseWeights(DenseGatOracle dense, GatConfig cfg, DataType dtype) {
        GatModel sparse = GatModel.create(cfg, 2, dtype);
        Map<String, INDArray> weights = GatModel.fromDenseParameters(dense.parameters(), cfg);
        for (Map.Entry<String, INDArray> p : sparse.parameters().entrySet()) {
            p.getValue().assign(weights.get(p.getKey()));
        }
        return sparse;
    }
}

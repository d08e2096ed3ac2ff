package io.github.mdxai.learn.graph;

import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatModelTest {

    @Test
    void gradientsMatchFiniteDifferences() {
        GatConfig cfg = new GatConfig(2, 4, 2, "mean", 1e-3, 1, 1, 4, false, 7);
        GatModel model = GatModel.create(cfg, 2, DataType.DOUBLE);
        List<ParticleGraph> graphs = new ArrayList<>();
        graphs.add(SyntheticGraphs.graph(0, 0, 2, 1.6, 1.5, 3, ParticleGraph.Split.TRAIN));
        graphs.add(SyntheticGraphs.graph(1, 1, 2, 1.6, 1.5, 3, ParticleGraph.Split.TRAIN));
        graphs.add(SyntheticGraphs.graph(2, 1, 3, 1.0, 1.2, 3, ParticleGraph.Split.TRAIN)); // padded: 27 vs 8 nodes
        assertTrue(graphs.get(0).edgeCount() > 0 && graphs.get(2).edgeCount() > 0);
        GraphBatch batch = model.batch(graphs);
        Map<String, INDArray> params = model.parameters();
        Map<String, INDArray> grads = model.gradients(batch);
        double eps = 1e-6;
        int checked = 0;
        double worst = 0;
        for (Map.Entry<String, INDArray> p : params.entrySet()) {
            INDArray w = p.getValue();
            INDArray g = grads.get(p.getKey());
            for (long k = 0; k < w.length(); k++) {
                double orig = w.getDouble(k);
                w.putScalar(k, orig + eps);
                double plus = model.loss(batch);
                w.putScalar(k, orig - eps);
                double minus = model.loss(batch);
                w.putScalar(k, orig);
                double numeric = (plus - minus) / (2 * eps);
                double analytic = g.getDouble(k);
                double err = Math.abs(numeric - analytic) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic));
                worst = Math.max(worst, err);
                assertTrue(err < 1e-4, p.getKey() + "[" + k + "]: analytic " + analytic + " numeric " + numeric);
                checked++;
            }
        }
        assertTrue(checked > 150, "checked " + checked + " parameters");
        assertTrue(worst < 1e-4);
    }

    @Test
    void trainingDoesNotDependOnTheNumberOfThreads() {
        // 1000-node graphs in batches of 3: several chunks of work per pass
        GatConfig cfg = new GatConfig(2, 8, 2, "mean", 1e-2, 2, 2, 3, true, 19);
        List<ParticleGraph> train = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            train.add(SyntheticGraphs.graph(k, k % 2, 10, 1.2, 1.5, 23, ParticleGraph.Split.TRAIN));
        }
        List<ParticleGraph> val = List.of(SyntheticGraphs.graph(50, 1, 10, 1.2, 1.5, 23,
                ParticleGraph.Split.VALIDATION));
        assertTrue(3 * train.get(0).nodeCount() > 2 * GatEngine.CHUNK);
        GatModel one = GatModel.create(cfg, 2, DataType.FLOAT);
        GatModel three = GatModel.create(cfg, 2, DataType.FLOAT);
        GatTrainer.Result r1 = GatTrainer.train(one, train, val, Progress.NONE, 1);
        GatTrainer.Result r3 = GatTrainer.train(three, train, val, Progress.NONE, 3);
        assertEquals(r1.epochs().get(1).validationLoss(), r3.epochs().get(1).validationLoss(), 0.0);
        for (Map.Entry<String, INDArray> p : one.parameters().entrySet()) {
            INDArray other = three.parameters().get(p.getKey());
            assertArrayEquals(p.getValue().reshape(p.getValue().length()).toFloatVector(),
                    other.reshape(other.length()).toFloatVector(), 0f, p.getKey());
        }
        // and the steps did move the weights
        GatModel fresh = GatModel.create(cfg, 2, DataType.FLOAT);
        assertTrue(fresh.parameters().get("l1_a_edge").sub(one.parameters().get("l1_a_edge")).norm2Number()
                .doubleValue() > 1e-4);
    }

    @Test
    void attentionIsASoftmaxOverIncomingEdges() {
        GatModel model = GatModel.create(new GatConfig(2, 8, 2, "mean", 1e-3, 1, 1, 4, false, 1), 2,
                DataType.FLOAT);
        ParticleGraph g = SyntheticGraphs.graph(0, 0, 3, 1.2, 1.5, 5, ParticleGraph.Split.TEST);
        float[][][] a = model.attention(g);
        for (float[][] layer : a) {
            for (float[] head : layer) {
                for (int i = 0; i < g.nodeCount(); i++) {
                    double sum = head[g.edgeCount() + i];
                    for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                        assertTrue(head[e] > 0);
                        sum += head[e];
                    }
                    assertEquals(1.0, sum, 1e-5);
                }
            }
        }
    }

    @Test
    void savedModelPredictsIdentically(@TempDir Path dir) {
        GatConfig cfg = new GatConfig(2, 8, 2, "sum", 1e-2, 2, 5, 4, true, 11);
        GatModel model = GatModel.create(cfg, 2, DataType.FLOAT);
        List<ParticleGraph> train = SyntheticGraphs.set(8, 3, 21, ParticleGraph.Split.TRAIN, 0);
        List<ParticleGraph> val = SyntheticGraphs.set(4, 3, 22, ParticleGraph.Split.VALIDATION, 100);
        GatTrainer.Result r = GatTrainer.train(model, train, val, Progress.NONE);
        for (GatTrainer.Epoch e : r.epochs()) {
            assertTrue(e.trainLoss() > 0 && Double.isFinite(e.trainLoss()), "train loss " + e.trainLoss());
        }
        model.metadata().put("classes", "hot,cold");
        model.save(dir);
        GatModel loaded = GatModel.load(dir);
        assertEquals(cfg, loaded.config());
        assertEquals("hot,cold", loaded.metadata().get("classes"));
        assertArrayEquals(model.predict(val), loaded.predict(val), 0.0);
        ParticleGraph g = val.get(0);
        assertArrayEquals(model.attention(g)[1][0], loaded.attention(g)[1][0], 0f);
    }

    @Test
    void learnsStructureAndShuffledLabelsGiveChance() {
        GatConfig cfg = new GatConfig(2, 8, 1, "mean", 1e-2, 15, 15, 8, false, 5);
        List<ParticleGraph> train = SyntheticGraphs.set(48, 3, 31, ParticleGraph.Split.TRAIN, 0);
        List<ParticleGraph> val = SyntheticGraphs.set(16, 3, 32, ParticleGraph.Split.VALIDATION, 1000);
        List<ParticleGraph> test = SyntheticGraphs.set(48, 3, 33, ParticleGraph.Split.TEST, 2000);

        GatModel real = GatModel.create(cfg, 2, DataType.FLOAT);
        GatTrainer.train(real, train, val, Progress.NONE);
        assertTrue(GatTrainer.evaluate(real, test).accuracy() >= 0.9);

        GatModel shuffled = GatModel.create(cfg, 2, DataType.FLOAT);
        GatTrainer.train(shuffled, shuffle(train, 41), shuffle(val, 42), Progress.NONE);
        double acc = GatTrainer.evaluate(shuffled, shuffle(test, 43)).accuracy();
        // 48 test graphs: chance is 0.5 +- 0.072 (one binomial standard deviation)
        assertTrue(Math.abs(acc - 0.5) < 0.22, "shuffled-label accuracy " + acc);
    }

    /** Labels permuted among the graphs: half of each class keeps its true label. */
    private static List<ParticleGraph> shuffle(List<ParticleGraph> graphs, long seed) {
        int[] labels = graphs.stream().mapToInt(ParticleGraph::label).toArray();
        SplittableRandom rnd = Rng.stream(seed, "shuffle");
        for (int i = labels.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        List<ParticleGraph> out = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            out.add(graphs.get(i).with(labels[i], graphs.get(i).split()));
        }
        return out;
    }
}

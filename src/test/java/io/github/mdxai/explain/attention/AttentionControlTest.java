package io.github.mdxai.explain.attention;

import io.github.mdxai.learn.graph.GatConfig;
import io.github.mdxai.learn.graph.GatModel;
import io.github.mdxai.learn.graph.ParticleGraph;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttentionControlTest {

    /** y follows the class (e.g. the coordination) and not x inside a class: pooled rho is large, within-class ~0. */
    @Test
    void correlationAtFixedClassRemovesWhatTheClassExplains() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 6000;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = 10 + r.nextInt(5);
            x[i] = c[i] + 0.3 * r.nextGaussian();
            y[i] = -c[i] + 0.3 * r.nextGaussian();
        }
        assertTrue(new SpearmansCorrelation().correlation(x, y) < -0.8);
        assertEquals(0, AttentionControl.spearmanWithinClasses(x, y, c), 0.05);
        // a monotonic relation inside each class gives 1 whatever the class offsets
        for (int i = 0; i < n; i++) {
            y[i] = 100 * c[i] + Math.exp(x[i] - c[i]);
        }
        assertEquals(1, AttentionControl.spearmanWithinClasses(x, y, c), 1e-12);
    }

    @Test
    void withinClassesIsSpearmanForOneClassAndSkipsTinyClasses() {
        double[] x = {1, 2, 3, 4, 5, 9, 8};
        double[] y = {2, 1, 4, 3, 5, 0, 7};
        int[] c = {0, 0, 0, 0, 0, 1, 1}; // class 1 has two members: no within-class information
        double expected = new SpearmansCorrelation().correlation(new double[]{1, 2, 3, 4, 5}, new double[]{2, 1, 4, 3, 5});
        assertEquals(expected, AttentionControl.spearmanWithinClasses(x, y, c), 1e-12);
        assertTrue(Double.isNaN(AttentionControl.spearmanWithinClasses(new double[]{1, 2}, new double[]{1, 2}, new int[]{0, 0})));
    }

    /** The control is the network with the weights it started from: for an untrained "trained" model both agree. */
    @Test
    void untrainedControlHasTheInitialWeights(@TempDir Path dir) {
        GatModel model = GatModel.create(new GatConfig(2, 8, 2, "mean", 1e-3, 1, 1, 4, false, 5), 2, DataType.FLOAT);
        List<ParticleGraph> graphs = List.of(AttentionAnalysisTest.liquid(0, 0, 1), AttentionAnalysisTest.liquid(1, 1, 1));
        AttentionControl.Result r = AttentionControl.run(model, graphs, false, 1, dir, Progress.NONE);
        List<AttentionControl.Row> trained = r.correlations().stream().filter(x -> x.model().equals("trained")).toList();
        List<AttentionControl.Row> untrained = r.correlations().stream().filter(x -> x.model().equals("untrained")).toList();
        assertEquals(trained.size(), untrained.size());
        assertEquals(2 * 3 * 4, trained.size()); // 2 classes x (all, A, B) x 4 quantities
        for (int k = 0; k < trained.size(); k++) {
            assertEquals(trained.get(k).rho(), untrained.get(k).rho(), 1e-6, trained.get(k).toString());
        }
        CsvTable csv = CsvTable.read(dir.resolve("control_correlations.csv"));
        assertEquals(48, csv.rowCount());
        assertEquals(4, CsvTable.read(dir.resolve("control_heterogeneity.csv")).rowCount());
    }
}

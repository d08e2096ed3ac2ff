package io.github.mdxai.learn;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommittorTrainerTest {

    @TempDir
    static Path dir;
    static CommittorData data;
    static NetworkSpec spec = new NetworkSpec(new int[]{32, 16}, "relu", NetworkSpec.MSE, 60, 32, 3e-3, 1e-5, 15, 11);
    static CommittorTrainer.Result first;

    @BeforeAll
    static void train() {
        NativeThreads.use(1);
        Path csv = SyntheticCommittorData.write(dir.resolve("synthetic.csv"), 400, 20, 100, 5);
        data = CommittorData.load(csv, "pB", CommittorData.DEFAULT_FEATURES);
        first = CommittorTrainer.train(data, "pB", spec, Progress.NONE);
    }

    @Test
    void learnsTheTrueCommittorOnTheTestSet() {
        double[] q = first.model().q(data.x());
        double[] p = new double[q.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = CommittorModel.pB(q[i]);
        }
        Metrics.Fit test = Metrics.fit(p, data.target(), first.split().test());
        assertTrue(test.pearsonR() > 0.9, "test r = " + test.pearsonR());
        assertTrue(first.bestEpoch() >= 1 && first.bestEpoch() <= first.curve().size());
    }

    @Test
    void fixedSeedGivesIdenticalNetworks() {
        CommittorTrainer.Result again = CommittorTrainer.train(data, "pB", spec, Progress.NONE);
        assertArrayEquals(first.model().network().params().toFloatVector(),
                again.model().network().params().toFloatVector());
        assertEquals(first.curve(), again.curve());
    }

    @Test
    void savedModelReloadsAndPredictsTheSame() {
        Path file = dir.resolve("model.zip");
        first.model().save(file);
        CommittorModel loaded = CommittorModel.load(file);
        assertEquals(data.featureNames(), loaded.featureNames());
        assertArrayEquals(first.model().q(data.x()), loaded.q(data.x()), 0.0);
        assertEquals(spec, loaded.spec());
    }

    @Test
    void splitKeepsConfigurationsTogetherAndCoversEveryRow() {
        String[] groups = new String[30];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = "c" + (i / 3);
        }
        Split s = Split.byGroup(groups, 4);
        assertEquals(30, s.train().length + s.validation().length + s.test().length);
        for (int[] part : new int[][]{s.train(), s.validation(), s.test()}) {
            assertTrue(part.length > 0);
            for (int r : part) {
                for (int[] other : new int[][]{s.train(), s.validation(), s.test()}) {
                    if (other != part) {
                        for (int o : other) {
                            assertTrue(!groups[o].equals(groups[r]), "configuration split apart: " + groups[r]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        // a smooth (tanh) network, so that finite differences do not straddle ReLU kinks
        NetworkSpec smooth = new NetworkSpec(new int[]{16, 8}, "tanh", NetworkSpec.MSE, 5, 32, 3e-3, 0, 5, 3);
        CommittorModel model = CommittorTrainer.train(data, "pB", smooth, Progress.NONE).model();
        double[][] z = model.standardization().apply(data.x(), new int[]{0, 1, 2});
        double[][] g = model.gradientStandardized(z);
        double h = 1e-3;
        for (int i = 0; i < z.length; i++) {
            for (int j : new int[]{0, 3, 7}) {
                double[][] plus = {z[i].clone()};
                double[][] minus = {z[i].clone()};
                plus[0][j] += h;
                minus[0][j] -= h;
                double fd = (model.qStandardized(plus)[0] - model.qStandardized(minus)[0]) / (2 * h);
                assertEquals(fd, g[i][j], 2e-4 + 1e-3 * Math.abs(fd), "row " + i + " feature " + j);
            }
        }
    }

    @Test
    void corruptModelFileGivesAClearError() throws Exception {
        Path garbage = dir.resolve("garbage.zip");
        byte[] bytes = new byte[2000];
        new Random(1).nextBytes(bytes);
        Files.write(garbage, bytes);
        InputException e = assertThrows(InputException.class, () -> CommittorModel.load(garbage));
        assertTrue(e.getMessage().contains("garbage.zip"), e.getMessage());

        Path file = dir.resolve("truncated.zip");
        first.model().save(file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        InputException t = assertThrows(InputException.class, () -> CommittorModel.load(file));
        assertTrue(t.getMessage().contains("truncated.zip"), t.getMessage());
    }

    @Test
    void crossEntropyOnShotCountsAlsoLearnsTheCommittor() {
        NetworkSpec ce = new NetworkSpec(new int[]{32, 16}, "relu", NetworkSpec.CROSSENTROPY, 40, 32, 3e-3, 1e-5, 15, 11);
        CommittorTrainer.Result r = CommittorTrainer.train(data, "pB", ce, Progress.NONE);
        double[] q = r.model().q(data.x());
        double[] p = new double[q.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = CommittorModel.pB(q[i]);
        }
        assertTrue(Metrics.fit(p, data.target(), r.split().test()).pearsonR() > 0.9);
        assertTrue(r.curve().get(r.curve().size() - 1).trainLoss() < r.curve().get(0).trainLoss());
    }

    /**
     * The p_B floor: with L2 weight decay, MSE on sigmoid(2q) barely pulls q down where p_B is 0 (its gradient in q
     * vanishes as 4 p^2), so the decay wins and predictions stall above 0; the binomial cross-entropy's gradient is
     * linear in p and keeps pulling. Same data, network and L2 (the command's default 1e-2), two losses.
     */
    @Test
    void crossEntropyHasNoFloorWhereMeasuredPBIsZero() {
        double[] median = new double[2];
        String[] losses = {NetworkSpec.MSE, NetworkSpec.CROSSENTROPY};
        for (int k = 0; k < 2; k++) {
            NetworkSpec s = new NetworkSpec(new int[]{32, 16}, "relu", losses[k], 60, 32, 3e-3, 1e-2, 60, 11);
            CommittorTrainer.Result r = CommittorTrainer.train(data, "pB", s, Progress.NONE);
            double[] q = r.model().q(data.x());
            java.util.List<Double> atZero = new java.util.ArrayList<>();
            for (int row : r.split().train()) {
                if (data.target()[row] == 0) {
                    atZero.add(CommittorModel.pB(q[row]));
                }
            }
            java.util.Collections.sort(atZero);
            assertTrue(atZero.size() >= 20, "rows measured at p_B = 0: " + atZero.size());
            median[k] = atZero.get(atZero.size() / 2);
        }
        assertTrue(median[1] < 0.02, "crossentropy: median prediction " + median[1] + " where p_B was measured 0");
        assertTrue(median[0] > 2 * median[1], "mse " + median[0] + " vs crossentropy " + median[1]);
    }

    @Test
    void cancelStopsTraining() {
        Progress cancelled = new Progress() {
            @Override
            public void fraction(double done) {
            }

            @Override
            public void status(String text) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThrows(io.github.mdxai.util.CancelledException.class,
                () -> CommittorTrainer.train(data, "pB", spec, cancelled));
    }

    @Test
    void badDatasetsAreRefusedWithFileAndLine() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "pB,r1-3_nm\n0.5,0.1\n1.5,0.2\n");
        InputException range = assertThrows(InputException.class,
                () -> CommittorData.load(csv, "pB", CommittorData.DEFAULT_FEATURES));
        assertTrue(range.getMessage().contains("bad.csv:3") && range.getMessage().contains("[0, 1]"), range.getMessage());
        InputException none = assertThrows(InputException.class, () -> CommittorData.load(csv, "pB", "phi.*"));
        assertTrue(none.getMessage().contains("phi.*"), none.getMessage());
        InputException regex = assertThrows(InputException.class, () -> CommittorData.load(csv, "pB", "r(("));
        assertTrue(regex.getMessage().startsWith("features:"), regex.getMessage());
    }

    @Test
    void crossEntropyNeedsCounts() throws Exception {
        Path csv = dir.resolve("nocounts.csv");
        Files.writeString(csv, "pB,r1-3_nm,r1-4_nm\n0.5,0.1,0.2\n0.2,0.3,0.1\n0.7,0.2,0.2\n");
        CommittorData d = CommittorData.load(csv, "pB", CommittorData.DEFAULT_FEATURES);
        NetworkSpec ce = new NetworkSpec(new int[]{4}, "relu", NetworkSpec.CROSSENTROPY, 2, 2, 1e-3, 0, 2, 1);
        InputException e = assertThrows(InputException.class, () -> CommittorTrainer.train(d, "pB", ce, Progress.NONE));
        assertTrue(e.getMessage().contains("nA"), e.getMessage());
    }

    @Test
    void modelsTrainedOnBareNamesFindTheColumnsWithUnits() throws Exception {
        // features.csv before the names carried units: r1-3, phi; now r1-3_nm, phi_deg
        Path csv = dir.resolve("units.csv");
        Files.writeString(csv, "config,r1-3_nm,phi_deg,pB\n0,0.25,-80,0.5\n1,0.3,60,0.7\n");
        double[][] x = CommittorData.featureMatrix(io.github.mdxai.util.CsvTable.read(csv), List.of("phi", "r1-3"));
        assertArrayEquals(new double[]{-80, 0.25}, x[0]);
        assertArrayEquals(new double[]{60, 0.3}, x[1]);
        InputException missing = assertThrows(InputException.class,
                () -> CommittorData.featureMatrix(io.github.mdxai.util.CsvTable.read(csv), List.of("r1-4")));
        assertTrue(missing.getMessage().contains("r1-4"), missing.getMessage());
    }
}

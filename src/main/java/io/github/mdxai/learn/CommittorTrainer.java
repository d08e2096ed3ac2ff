package io.github.mdxai.learn;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a committor network: split by configuration, standardize with training statistics, Adam on minibatches
 * shuffled by (seed, "epoch", e), early stopping on validation loss (the best epoch's weights are kept).
 * Minibatches are fed in a fixed order from one thread, so a fixed seed gives the same network.
 */
public final class CommittorTrainer {

    private CommittorTrainer() {
    }

    /** One epoch's losses (the training objective, without the L2 term). */
    public record Epoch(int epoch, double trainLoss, double validationLoss) {
    }

    /** The trained model, the split it used and the loss curves. */
    public record Result(CommittorModel model, Split split, List<Epoch> curve, int bestEpoch, double seconds) {
    }

    public static Result train(CommittorData data, String target, NetworkSpec spec, Progress progress) {
        long start = System.nanoTime();
        boolean crossEntropy = NetworkSpec.CROSSENTROPY.equals(spec.loss());
        if (crossEntropy && !data.hasCounts()) {
            throw new InputException(data.source()
                    + ": loss crossentropy needs the shot-count columns nA and nB; use loss mse or add them");
        }
        Split split = Split.byGroup(data.groups(), spec.seed());
        Standardization standardization = Standardization.fit(data.x(), split.train());
        float[][] z = new float[data.rows()][];
        for (int r = 0; r < z.length; r++) {
            double[] row = standardization.apply(data.x()[r]);
            z[r] = new float[row.length];
            for (int j = 0; j < row.length; j++) {
                z[r][j] = (float) row[j];
            }
        }
        double[] y = data.target();
        double[] weight = new double[data.rows()];
        if (crossEntropy) {
            // binomial likelihood: n [p log q + (1-p) log(1-q)], n = shots that decided, scaled to mean 1
            double total = 0;
            for (int r : split.train()) {
                total += data.nA()[r] + data.nB()[r];
            }
            double mean = total / split.train().length;
            for (int r = 0; r < weight.length; r++) {
                weight[r] = mean > 0 ? (data.nA()[r] + data.nB()[r]) / mean : 1;
            }
        } else {
            Arrays.fill(weight, 1);
        }

        MultiLayerNetwork net = CommittorModel.build(spec, data.features(), false);
        INDArray trainX = rows(z, split.train());
        INDArray validationX = rows(z, split.validation());
        List<Epoch> curve = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = net.params().dup();
        int[] order = split.train().clone();
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            progress.checkCancelled();
            SplittableRandom rnd = Rng.stream(spec.seed(), "epoch", epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int k = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            for (int from = 0; from < order.length; from += spec.batch()) {
                int to = Math.min(order.length, from + spec.batch());
                int[] batch = Arrays.copyOfRange(order, from, to);
                INDArray labels = column(y, batch);
                INDArray mask = crossEntropy ? column(weight, batch) : null;
                net.fit(rows(z, batch), labels, null, mask);
            }
            double trainLoss = loss(net.output(trainX, false), y, weight, split.train(), crossEntropy);
            double validationLoss = loss(net.output(validationX, false), y, weight, split.validation(), crossEntropy);
            if (!Double.isFinite(trainLoss)) {
                throw new InputException("training diverged at epoch " + epoch
                        + " (loss " + trainLoss + "); lower the learning rate 'rate'");
            }
            curve.add(new Epoch(epoch, trainLoss, validationLoss));
            if (validationLoss < best) {
                best = validationLoss;
                bestEpoch = epoch;
                bestParams = net.params().dup();
            }
            progress.fraction((double) epoch / spec.epochs());
            progress.status(String.format("epoch %d: train loss %.5f, validation loss %.5f", epoch, trainLoss,
                    validationLoss));
            if (epoch - bestEpoch >= spec.patience()) {
                break;
            }
        }
        net.setParams(bestParams);
        double seconds = (System.nanoTime() - start) * 1e-9;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dataset", data.source() == null ? "" : data.source().getFileName().toString());
        facts.put("rows", data.rows());
        facts.put("train_rows", split.train().length);
        facts.put("validation_rows", split.validation().length);
        facts.put("test_rows", split.test().length);
        facts.put("epochs_run", curve.size());
        facts.put("best_epoch", bestEpoch);
        facts.put("best_validation_loss", best);
        facts.put("seconds", seconds);
        CommittorModel model = new CommittorModel(net, data.featureNames(), standardization, spec, target, facts);
        return new Result(model, split, List.copyOf(curve), bestEpoch, seconds);
    }

    private static INDArray rows(float[][] z, int[] rows) {
        float[][] m = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            m[i] = z[rows[i]];
        }
        return Nd4j.create(m);
    }

    private static INDArray column(double[] v, int[] rows) {
        float[][] m = new float[rows.length][1];
        for (int i = 0; i < rows.length; i++) {
            m[i][0] = (float) v[rows[i]];
        }
        return Nd4j.create(m);
    }

    /** Mean squared error on p_B, or the count-weighted binary cross-entropy, over the given rows. */
    static double loss(INDArray p, double[] y, double[] weight, int[] rows, boolean crossEntropy) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            double pi = p.getDouble(i, 0);
            double yi = y[rows[i]];
            if (crossEntropy) {
                double c = Math.min(Math.max(pi, 1e-7), 1 - 1e-7);
                sum -= weight[rows[i]] * (yi * Math.log(c) + (1 - yi) * Math.log(1 - c));
            } else {
                sum += (pi - yi) * (pi - yi);
            }
        }
        return sum / rows.length;
    }
}

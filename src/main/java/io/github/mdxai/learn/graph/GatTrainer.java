package io.github.mdxai.learn.graph;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains a {@link GatModel} with Adam on batches of graphs, evaluates the validation graphs after each epoch and
 * stops when the validation loss has not improved for {@code patience} epochs; the best epoch's weights are kept.
 * Batch order and rotations derive from the config's seed, so a run is reproducible.
 */
public final class GatTrainer {

    private GatTrainer() {
    }

    /** Training graphs evaluated after each epoch (evenly spread, unrotated) for the training curves. */
    static final int TRAIN_SAMPLE = 32;

    /** One epoch's numbers; train loss and accuracy are those of up to 32 evenly spread training graphs. */
    public record Epoch(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                        double validationAccuracy, double seconds) {
    }

    /** The curves and the epoch whose weights the model now holds. */
    public record Result(List<Epoch> epochs, int bestEpoch, boolean stoppedEarly) {
    }

    /** Trains on the calling thread. */
    public static Result train(GatModel model, List<ParticleGraph> train, List<ParticleGraph> validation,
                               Progress progress) {
        return train(model, train, validation, progress, 1);
    }

    /**
     * Trains with the edge loops split over {@code threads} threads; the result is the same for any number of
     * threads (fixed chunks of work, see {@link GatEngine}). The dense products run in ND4J's BLAS on the calling
     * thread with ND4J's and OpenBLAS's pools set to one thread (restored afterwards): they are small, and a pool
     * that waits for busy cores costs more than it gains on a shared machine; one thread also fixes the BLAS
     * summation order.
     */
    public static Result train(GatModel model, List<ParticleGraph> train, List<ParticleGraph> validation,
                               Progress progress, int threads) {
        InputException.require(threads >= 1, "threads: expected at least 1, got " + threads);
        Environment env = Nd4j.getEnvironment();
        int ndThreads = env.maxThreads();
        int masterThreads = env.maxMasterThreads();
        int blasThreads = Nd4j.factory().blas().getMaxThreads();
        env.setMaxThreads(1);
        env.setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gat-training");
            t.setDaemon(true);
            return t;
        });
        GatEngine.Runner previous = model.runOn(pool == null ? GatEngine.SEQUENTIAL : GatEngine.on(pool));
        try {
            return trainOnThisThread(model, train, validation, progress);
        } finally {
            model.runOn(previous);
            if (pool != null) {
                pool.shutdownNow();
            }
            env.setMaxThreads(ndThreads);
            env.setMaxMasterThreads(masterThreads);
            Nd4j.factory().blas().setMaxThreads(blasThreads);
        }
    }

    private static Result trainOnThisThread(GatModel model, List<ParticleGraph> train, List<ParticleGraph> validation,
                                            Progress progress) {
        InputException.require(!train.isEmpty(), "no training graphs");
        InputException.require(!validation.isEmpty(), "no validation graphs");
        GatConfig cfg = model.config();
        List<Epoch> epochs = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        Map<String, INDArray> best = null;
        int[] order = new int[train.size()];
        List<ParticleGraph> trainSample = sample(train, TRAIN_SAMPLE);
        for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
            progress.checkCancelled();
            long start = System.nanoTime();
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            shuffle(order, Rng.stream(cfg.seed(), "batch-order", epoch));
            for (int from = 0; from < order.length; from += cfg.batchGraphs()) {
                progress.checkCancelled();
                int to = Math.min(order.length, from + cfg.batchGraphs());
                List<ParticleGraph> graphs = new ArrayList<>(to - from);
                for (int k = from; k < to; k++) {
                    graphs.add(train.get(order[k]));
                }
                step(model, graphs, epoch);
            }
            Evaluation fit = evaluate(model, trainSample);
            Evaluation val = evaluate(model, validation);
            double seconds = (System.nanoTime() - start) * 1e-9;
            epochs.add(new Epoch(epoch + 1, fit.loss(), fit.accuracy(), val.loss(), val.accuracy(), seconds));
            progress.status(String.format("epoch %d: train loss %.4f, validation loss %.4f, accuracy %.3f",
                    epoch + 1, fit.loss(), val.loss(), val.accuracy()));
            progress.fraction((epoch + 1.0) / cfg.epochs());
            if (val.loss() < bestLoss) {
                bestLoss = val.loss();
                bestEpoch = epoch + 1;
                best = copy(model.parameters());
            } else if (epoch + 1 - bestEpoch >= cfg.patience()) {
                restore(model, best);
                return new Result(epochs, bestEpoch, true);
            }
        }
        restore(model, best);
        return new Result(epochs, bestEpoch, false);
    }

    /** One training iteration: builds the batch (rotated when the config says so), one Adam step on it. */
    public static void step(GatModel model, List<ParticleGraph> graphs, int epoch) {
        GatConfig cfg = model.config();
        model.trainStep(new GraphBatch(graphs, model.numTypes(), cfg.rotate() ? cfg.seed() : null, epoch));
    }

    /** Loss, accuracy (threshold 0.5) and confusion counts [true class][predicted class]. */
    public record Evaluation(double loss, double accuracy, long[][] confusion, double[] probabilities) {
    }

    public static Evaluation evaluate(GatModel model, List<ParticleGraph> graphs) {
        double[] p = model.predict(graphs);
        long[][] confusion = new long[2][2];
        double loss = 0;
        for (int i = 0; i < p.length; i++) {
            int y = graphs.get(i).label();
            int predicted = p[i] >= 0.5 ? 1 : 0;
            confusion[y][predicted]++;
            double q = Math.min(1 - 1e-12, Math.max(1e-12, p[i]));
            loss -= y == 1 ? Math.log(q) : Math.log(1 - q);
        }
        double correct = confusion[0][0] + confusion[1][1];
        return new Evaluation(loss / p.length, correct / p.length, confusion, p);
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> params) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    private static void restore(GatModel model, Map<String, INDArray> saved) {
        model.parameters().forEach((k, v) -> v.assign(saved.get(k)));
    }

    private static List<ParticleGraph> sample(List<ParticleGraph> graphs, int count) {
        int stride = Math.max(1, (graphs.size() + count - 1) / count);
        List<ParticleGraph> out = new ArrayList<>();
        for (int k = 0; k < graphs.size(); k += stride) {
            out.add(graphs.get(k));
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

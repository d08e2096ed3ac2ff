package io.github.mdxai.commands;

import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.learn.CommittorData;
import io.github.mdxai.learn.CommittorTrainer;
import io.github.mdxai.learn.Metrics;
import io.github.mdxai.learn.NativeThreads;
import io.github.mdxai.learn.NetworkSpec;
import io.github.mdxai.learn.TrainingOutputs;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.util.Locale;
import java.util.Map;

/** Trains the committor network q(x), p_B = (1 + tanh q) / 2, on a committor dataset and writes model and report. */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Learning & Explanation", weight = Menus.LEARNING), @Menu(label = "Train Committor Network", weight = 1)})
public class TrainCommittorNetwork implements Command {

    @Parameter(label = "Dataset (CSV)", description = "committor dataset: feature columns, the target p_B, optional nA/nB and config",
            style = "file", persist = false)
    private File dataset;

    static final String PAIR_DISTANCES = "all pair distances";
    static final String DISTANCES_AND_ANGLES = "pair distances and dihedral angles";
    static final String ANGLES = "dihedral angles (phi, psi, theta)";
    private static final String ANGLE_COLUMNS = "(phi|psi|theta)(_deg)?";

    @Parameter(label = "Target column", description = "measured committor p_B in [0, 1]", persist = false)
    private String target = "pB";

    @Parameter(label = "Input features", persist = false, choices = {PAIR_DISTANCES, DISTANCES_AND_ANGLES, ANGLES},
            description = "columns of the dataset used as inputs: the r{i}-{j} distances (nm) and/or phi, psi, theta (deg)")
    private String features = PAIR_DISTANCES;

    @Parameter(label = "Hidden layer widths", description = "widths of the hidden layers, e.g. '400 200 400 200 400'",
            persist = false)
    private String hidden = "400 200 400 200 400";

    @Parameter(label = "Activation", choices = {"relu", "tanh", "elu", "leakyrelu", "sigmoid", "softplus", "swish"},
            persist = false)
    private String activation = "relu";

    @Parameter(label = "Loss", description = "crossentropy: binomial likelihood of the nA/nB shot counts (no floor at small p_B); "
            + "mse on p_B as in the seed, also for datasets without counts (with L2 its predictions bottom out near p_B 0.05)",
            choices = {"crossentropy", "mse"}, persist = false)
    private String loss = "crossentropy";

    @Parameter(label = "Epochs (maximum)", min = "1", persist = false)
    private int epochs = 500;

    @Parameter(label = "Batch size", min = "1", persist = false)
    private int batch = 64;

    @Parameter(label = "Learning rate (Adam)", persist = false)
    private double rate = 1e-4;

    @Parameter(label = "L2 regularization", description = "weight decay; 1e-2 keeps the 400/200/400/200/400 net from memorizing 2000 rows",
            min = "0", persist = false)
    private double l2 = 1e-2;

    @Parameter(label = "Patience (epochs)", description = "stop after this many epochs without a lower validation loss",
            min = "1", persist = false)
    private int patience = 50;

    @Parameter(label = "Seed", description = "seeds the split, the initial weights and the minibatch order", persist = false)
    private long seed = 1;

    // Not "threads" (worker threads, all cores by default, in every other command): BLAS threads for small matrices.
    @Parameter(label = "Native (BLAS) threads", description = "threads for ND4J/OpenBLAS; 1 is fastest and steadiest on a busy machine",
            min = "1", persist = false)
    private int blasthreads = 1;

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        InputException.require(dataset != null, "dataset: choose a committor dataset CSV file");
        InputException.require(out != null, "out: choose an output folder");
        Progress progress = HostProgress.of(statusService);
        NetworkSpec spec = new NetworkSpec(NetworkSpec.parseHidden(hidden), activation, loss, epochs, batch, rate, l2,
                patience, seed);
        Hosts.runWithOwnClassLoader(() -> {
            try (NativeThreads.Scope restore = NativeThreads.scoped(blasthreads)) {
                CommittorData data = CommittorData.load(dataset.toPath(), target, featurePattern());
                CommittorTrainer.Result result = CommittorTrainer.train(data, target, spec, progress);
                Map<String, Metrics.Fit> metrics = TrainingOutputs.write(result, data, out.toPath());
                summary = String.format(Locale.ROOT, "%d features, %d rows, best epoch %d of %d; test r = %.3f, RMSE = %.3f",
                        data.features(), data.rows(), result.bestEpoch(), result.curve().size(),
                        metrics.get("test").pearsonR(), metrics.get("test").rmse());
            }
        });
        progress.status(summary);
    }

    /** The column-name pattern of the chosen feature set. */
    private String featurePattern() {
        return switch (features) {
            case DISTANCES_AND_ANGLES -> CommittorData.DEFAULT_FEATURES + "|" + ANGLE_COLUMNS;
            case ANGLES -> ANGLE_COLUMNS;
            default -> CommittorData.DEFAULT_FEATURES;
        };
    }
}

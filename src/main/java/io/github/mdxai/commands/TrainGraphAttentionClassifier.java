package io.github.mdxai.commands;

import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.learn.graph.GatConfig;
import io.github.mdxai.learn.graph.GatExperiment;
import io.github.mdxai.learn.graph.GraphDataset;
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

/** Graph data set -> trained graph attention classifier, test metrics and learning curves in a folder. */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Particles & Glasses", weight = Menus.PARTICLES), @Menu(label = "Train Graph Attention Classifier", weight = 6)})
public class TrainGraphAttentionClassifier implements Command {

    @Parameter(label = "Graph data set (.graphs)", style = "file", persist = false)
    private File dataset;

    @Parameter(label = "Attention layers", persist = false, min = "1", max = "16")
    private int layers = 2;

    @Parameter(label = "Width (node features)", persist = false, min = "1", max = "1024",
            description = "Divisible by the number of heads")
    private int width = 16;

    @Parameter(label = "Attention heads", persist = false, min = "1", max = "16")
    private int heads = 2;

    @Parameter(label = "Readout", choices = {"mean", "sum"}, persist = false)
    private String readout = "mean";

    @Parameter(label = "Maximum epochs", persist = false, min = "1")
    private int epochs = 30;

    @Parameter(label = "Early-stopping patience (epochs)", persist = false, min = "1")
    private int patience = 8;

    @Parameter(label = "Graphs per batch", persist = false, min = "1")
    private int batch = 8;

    @Parameter(label = "Learning rate (Adam)", persist = false, min = "0")
    private double learning_rate = 2e-3;

    @Parameter(label = "Random rotations of training graphs", persist = false)
    private boolean rotate = true;

    @Parameter(label = "Seed", persist = false)
    private long seed = 1;

    @Parameter(label = "Threads", persist = false, min = "1",
            description = "threads for the per-edge work; the trained model is the same for any number")
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        InputException.require(dataset != null, "a graph data set is required");
        InputException.require(out != null, "out: an output folder is required");
        InputException.require("mean".equals(readout) || "sum".equals(readout), "readout must be mean or sum");
        Progress p = HostProgress.of(statusService);
        GatConfig config = new GatConfig(layers, width, heads, readout, learning_rate, epochs, patience, batch, rotate,
                seed);
        GraphDataset data = GraphDataset.read(dataset.toPath());
        GatExperiment.Outcome o = Hosts.callWithOwnClassLoader(() -> GatExperiment.run(data, config, out.toPath(), p, threads));
        summary = String.format(Locale.ROOT, "test accuracy %.3f on %d snapshots (best epoch %d, %.2f s/epoch)",
                o.test().accuracy(), o.test().probabilities().length, o.training().bestEpoch(), o.secondsPerEpoch());
    }
}

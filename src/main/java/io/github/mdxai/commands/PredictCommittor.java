package io.github.mdxai.commands;

import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.learn.CommittorModel;
import io.github.mdxai.learn.CommittorPrediction;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;

/** q and p_B for every row of a features CSV with a trained committor network. */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Learning & Explanation", weight = Menus.LEARNING), @Menu(label = "Predict Committor", weight = 2)})
public class PredictCommittor implements Command {

    public static final String OUTPUT = "committor-predictions.csv";

    @Parameter(label = "Model (zip)", description = "a model written by Train Committor Network", style = "file",
            persist = false)
    private File model;

    @Parameter(label = "Features (CSV)", description = "a table with every feature column the model was trained on",
            style = "file", persist = false)
    private File dataset;

    @Parameter(label = "Output folder", description = "receives " + OUTPUT, style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        InputException.require(model != null, "model: choose a committor model zip");
        InputException.require(dataset != null, "dataset: choose a features CSV file");
        InputException.require(out != null, "out: choose an output folder");
        double[] q = Hosts.callWithOwnClassLoader(() -> CommittorPrediction.write(CommittorModel.load(model.toPath()),
                CsvTable.read(dataset.toPath()), out.toPath().resolve(OUTPUT)));
        summary = q.length + " rows predicted into " + out.toPath().resolve(OUTPUT);
        HostProgress.of(statusService).status(summary);
    }
}

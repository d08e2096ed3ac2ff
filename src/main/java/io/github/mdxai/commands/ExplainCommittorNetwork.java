package io.github.mdxai.commands;

import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.explain.CommittorExplainer;
import io.github.mdxai.explain.Explainers;
import io.github.mdxai.explain.Importance;
import io.github.mdxai.explain.KernelShap;
import io.github.mdxai.explain.LimeTabular;
import io.github.mdxai.learn.CommittorModel;
import io.github.mdxai.learn.NativeThreads;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Which features the committor network relies on, by every explanation method installed (LIME, gradient
 * sensitivity, permutation importance, Kernel SHAP, ...): the method choices come from the explainer registry.
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Learning & Explanation", weight = Menus.LEARNING), @Menu(label = "Explain Committor Network", weight = 3)}, initializer = "listMethods")
public class ExplainCommittorNetwork extends DynamicCommand {

    @Parameter(label = "Model (zip)", description = "a model written by Train Committor Network", style = "file",
            persist = false)
    private File model;

    @Parameter(label = "Dataset (CSV)", description = "rows to explain, with the model's feature columns (and p_B for permutation)",
            style = "file", persist = false)
    private File dataset;

    @Parameter(label = "Method", description = "all, one installed method (lime, gradient, permutation, shap, ...) or a comma-separated list",
            persist = false)
    private String method = Explainers.ALL;

    @Parameter(label = "LIME samples per row", min = "10", persist = false)
    private int samples = LimeTabular.DEFAULT_SAMPLES;

    @Parameter(label = "Rows to explain", description = "a condition on one column, e.g. '0.2 < pB < 0.8', 'pB >= 0.4' or 'all'",
            persist = false)
    private String select = "0.2 < pB < 0.8";

    @Parameter(label = "LIME quartile discretization", description = "explain in 'same quartile as the instance' features (lime's default); off: continuous perturbations",
            persist = false)
    private boolean discretize = true;

    @Parameter(label = "Permutation repeats", min = "1", persist = false)
    private int repeats = 3;

    @Parameter(label = "SHAP coalitions per row", description = "0: shap's auto, 2 x features + 2048", min = "0",
            persist = false)
    private int coalitions = KernelShap.AUTO;

    @Parameter(label = "SHAP background (k-means points)", min = "1", persist = false)
    private int background = KernelShap.DEFAULT_BACKGROUND;

    @Parameter(label = "Seed", persist = false)
    private long seed = 1;

    @Parameter(label = "Threads", min = "1", persist = false)
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private StatusService statusService;

    /** The dialog offers "all" and every installed method. */
    protected void listMethods() {
        getInfo().getMutableInput("method", String.class).setChoices(Explainers.of(pluginService).choices());
    }

    @Override
    public void run() {
        InputException.require(model != null, "model: choose a committor model zip");
        InputException.require(dataset != null, "dataset: choose a dataset CSV file");
        InputException.require(out != null, "out: choose an output folder");
        CommittorExplainer.Settings settings = new CommittorExplainer.Settings(
                Explainers.of(pluginService).parse(method), samples, discretize, select, repeats, coalitions,
                background, seed, threads);
        Hosts.runWithOwnClassLoader(() -> {
            // the rows are spread over Java threads; ND4J's own threads would only compete with them
            try (NativeThreads.Scope restore = NativeThreads.scoped(1)) {
                CommittorModel m = CommittorModel.load(model.toPath());
                CsvTable table = CsvTable.read(dataset.toPath());
                CommittorExplainer.Report report = CommittorExplainer.run(m, table, settings, out.toPath(),
                        HostProgress.of(statusService));
                List<String> lines = new ArrayList<>();
                for (Importance imp : report.importances().values()) {
                    lines.add(imp.method() + ": " + String.join(", ", imp.top(3)));
                }
                summary = report.explainedRows() + " rows explained; top features " + String.join("; ", lines);
                HostProgress.of(statusService).status(summary);
            }
        });
    }
}

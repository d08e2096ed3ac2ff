package io.github.mdxai.commands;

import io.github.mdxai.explain.CommittorExplainer;
import io.github.mdxai.explain.Importance;
import io.github.mdxai.explain.LimeTabular;
import io.github.mdxai.learn.CommittorModel;
import io.github.mdxai.learn.NativeThreads;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Which features the committor network relies on: LIME, gradient sensitivity and permutation importance. */
@Plugin(type = Command.class, menuPath = "Plugins>MD XAI>Learning & Explanation>Explain Committor Network")
public class ExplainCommittorNetwork implements Command {

    @Parameter(label = "Model (zip)", description = "a model written by Train Committor Network", style = "file",
            persist = false)
    private File model;

    @Parameter(label = "Dataset (CSV)", description = "rows to explain, with the model's feature columns (and p_B for permutation)",
            style = "file", persist = false)
    private File dataset;

    @Parameter(label = "Method", choices = {"all", "lime", "gradient", "permutation"}, persist = false)
    private String method = "all";

    @Parameter(label = "LIME samples per row", min = "10", persist = false)
    private int samples = LimeTabular.DEFAULT_SAMPLES;

    @Parameter(label = "Rows to explain", description = "a condition on one column, e.g. '0.2 < pB < 0.8', 'pB >= 0.4' or 'all'",
            persist = false)
    private String select = "0.2 < pB < 0.8";

    @Parameter(label = "LIME quartile discretization", description = "explain in 'same quartile as the instance' features (lime's default)",
            persist = false)
    private boolean discretize = false;

    @Parameter(label = "Permutation repeats", min = "1", persist = false)
    private int repeats = 3;

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

    @Override
    public void run() {
        InputException.require(model != null, "model: choose a committor model zip");
        InputException.require(dataset != null, "dataset: choose a dataset CSV file");
        InputException.require(out != null, "out: choose an output folder");
        CommittorExplainer.Settings settings = new CommittorExplainer.Settings(CommittorExplainer.parseMethods(method),
                samples, discretize, select, repeats, seed, threads);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        try {
            // the rows are spread over Java threads; ND4J's own threads would only compete with them
            NativeThreads.use(1);
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
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }
}

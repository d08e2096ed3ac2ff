package io.github.mdxai.commands;

import io.github.mdxai.commands.study.StudyB;
import io.github.mdxai.pipeline.Report;
import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;

/** Reproduces Study B (graph attention on a glass-forming liquid) into one folder, resumably. */
@Plugin(type = Command.class, menuPath = "Plugins>MD XAI>Reproduce Study B",
        description = "Soft-sphere MD at cold and hot state points, relaxation, graph attention classifiers and attention analysis")
public class ReproduceStudyB implements Command {

    @Parameter(label = "Preset", choices = {"quick", "paper", "smoke"}, persist = false,
            description = "quick: ~5 min on 2 cores; paper: down to near Tg (Gamma 1.45), about an hour; smoke: ~1 min check")
    private String preset = "quick";

    @Parameter(label = "Output folder", style = "directory", persist = false,
            description = "one subfolder per step; a rerun skips steps whose inputs and parameters did not change")
    private File out;

    @Parameter(label = "Seed", persist = false)
    private long seed = 1;

    @Parameter(label = "Threads", min = "1", max = "256", persist = false)
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private Context context;

    @Parameter
    private StatusService statusService;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        StudyB.Preset p = StudyB.preset(preset);
        log.info("Reproduce Study B, preset " + p.name() + ": expected time " + p.expectedTime() + " on 2 cores");
        try {
            Report report = StudyB.run(context, out.toPath(), p, seed, threads, HostProgress.of(statusService));
            summary = "Study B written to " + out + ": " + report.summary();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.github.mdxai.commands;

import io.github.mdxai.commands.study.StudyA;
import io.github.mdxai.pipeline.Report;
import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;

/** Reproduces Study A (alanine dipeptide reaction coordinate, explained) into one folder, resumably. */
@Plugin(type = Command.class, menuPath = "Plugins>MD XAI>Reproduce Study A",
        description = "Metadynamics, F(phi, psi), transition configurations, committors, network, LIME and PMF; one subfolder per step")
public class ReproduceStudyA implements Command {

    @Parameter(label = "Preset", choices = {"quick", "paper", "smoke"}, persist = false,
            description = "quick: ~5 min on 2 cores; paper: the seed's scale (2000 configurations x 100 shots x 1 ps); smoke: ~1 min check")
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
        StudyA.Preset p = StudyA.preset(preset);
        log.info("Reproduce Study A, preset " + p.name() + ": expected time " + p.expectedTime() + " on 2 cores");
        try {
            Report report = StudyA.run(context, out.toPath(), p, seed, threads, HostProgress.of(statusService));
            summary = "Study A written to " + out + ": " + report.summary();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

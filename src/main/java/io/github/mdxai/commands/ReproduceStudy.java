package io.github.mdxai.commands;

import io.github.mdxai.pipeline.Report;
import io.github.mdxai.util.Progress;
import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.DynamicCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The inputs and run of both "Reproduce Study" commands; a subclass names its study and runs its pipeline. The
 * preset's description, with each preset's expected time, is set by the initializer from the study's presets.
 */
abstract class ReproduceStudy extends DynamicCommand {

    static final List<String> PRESETS = List.of("quick", "paper", "smoke");

    @Parameter(label = "Preset", choices = {"quick", "paper", "smoke"}, persist = false)
    private String preset = "quick";

    @Parameter(label = "Output folder", style = "directory", persist = false,
            description = "one subfolder per step; a rerun skips steps whose inputs and parameters did not change")
    private File out;

    @Parameter(label = "Seed", persist = false, description = "every random stream derives from it")
    private long seed = 1;

    @Parameter(label = "Threads", min = "1", max = "256", persist = false, description = "results do not depend on it")
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private StatusService statusService;

    @Parameter
    private LogService log;

    /** "Study A" or "Study B". */
    abstract String study();

    /** The preset's expected time on 2 cores, checking the name. */
    abstract String expectedTime(String preset);

    abstract Report run(Context context, Path out, String preset, long seed, int threads, Progress progress) throws Exception;

    /** What each preset is for and how long it takes, shown under the preset's drop-down. */
    String presetsDescribed() {
        Map<String, String> purpose = Map.of("quick", "every figure at reduced scale", "paper", "the seed's scale",
                "smoke", "an installation check");
        return PRESETS.stream().map(p -> p + ": " + purpose.get(p) + ", " + expectedTime(p))
                .collect(java.util.stream.Collectors.joining("; ")) + " (on 2 cores)";
    }

    /** The initializer named by both commands' {@code @Plugin}. */
    protected void describePresets() {
        getInfo().getMutableInput("preset", String.class).setDescription(presetsDescribed());
    }

    @Override
    public void run() {
        log.info("Reproduce " + study() + ", preset " + preset + ": expected time " + expectedTime(preset) + " on 2 cores");
        try {
            Report report = run(getContext(), out.toPath(), preset, seed, threads, HostProgress.of(statusService));
            summary = study() + " written to " + out + "\n" + report.readable();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

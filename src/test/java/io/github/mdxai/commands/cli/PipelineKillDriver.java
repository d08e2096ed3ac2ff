package io.github.mdxai.commands.cli;

import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.commands.study.CommandStep;
import io.github.mdxai.pipeline.Pipeline;
import io.github.mdxai.pipeline.Step;
import io.github.mdxai.util.Progress;
import org.scijava.Context;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A two-step pipeline of real commands (metadynamics, then the reweighted free energy of its samples) in its own JVM, for the test
 * that kills it: OUTDIR. Progress goes to stderr as plain lines, as the command line prints it.
 */
public final class PipelineKillDriver {

    private PipelineKillDriver() {
    }

    public static void main(String[] args) throws Exception {
        Context context = Hosts.context();
        Path ala2 = Path.of("test-data/ala2").toAbsolutePath();
        List<Step> steps = List.of(
                new CommandStep(context, "01_metadynamics", "Metadynamics",
                        Map.of("steps", 30000, "pace", 100, "interval", 100, "distances", false, "seed", 3), List.of(), 1,
                        (dir, earlier) -> Map.of("structure", ala2.resolve("conformations.gro").toString(),
                                "topology", ala2.resolve("processed.top").toString(), "out", dir.toString())),
                new CommandStep(context, "02_free_energy", "Free Energy from Samples", Map.of("bins", 36, "x", "phi_deg",
                        "y", "psi_deg", "xrange", "-180 180", "yrange", "-180 180", "weights", "weight"),
                        List.of("01_metadynamics"), 0.1,
                        (dir, earlier) -> Map.of("input", earlier.get("01_metadynamics").resolve("colvar.csv").toString(),
                                "out", dir.toString())));
        System.err.println("[  0%] pipeline started");
        Pipeline.run(Path.of(args[0]), steps, Progress.NONE);
        System.exit(0);
    }
}

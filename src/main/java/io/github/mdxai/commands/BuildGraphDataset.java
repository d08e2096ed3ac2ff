package io.github.mdxai.commands;

import io.github.mdxai.learn.graph.GraphDataset;
import io.github.mdxai.learn.graph.GraphDatasetBuilder;
import io.github.mdxai.learn.graph.ParticleGraph;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.util.List;
import java.util.Locale;

/** Two trajectories at two temperatures -> a labelled first-shell graph data set (.graphs). */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Particles & Glasses", weight = Menus.PARTICLES), @Menu(label = "Build Graph Dataset", weight = 5)})
public class BuildGraphDataset implements Command {

    @Parameter(label = "Trajectory of class 0", style = "file", persist = false,
            description = "Snapshots in time order: LAMMPS dump, LAMMPS data or extended XYZ")
    private File trajectory0;

    @Parameter(label = "Temperature of class 0 (epsilon/kB)", persist = false, min = "0",
            description = "required: the temperature the class-0 trajectory was simulated at (stored with the dataset)")
    private Double temperature0;

    @Parameter(label = "Trajectory of class 1", style = "file", persist = false,
            description = "Snapshots in time order: LAMMPS dump, LAMMPS data or extended XYZ")
    private File trajectory1;

    @Parameter(label = "Temperature of class 1 (epsilon/kB)", persist = false, min = "0",
            description = "required: the temperature the class-1 trajectory was simulated at (stored with the dataset)")
    private Double temperature1;

    @Parameter(label = "First-shell radii", choices = {"from g(r)", "given"}, persist = false,
            description = "First minima of the partial g(r) pooled over all snapshots, or the three values below")
    private String shells = "from g(r)";

    @Parameter(label = "First-shell radius A-A (sigma)", persist = false, min = "0.1",
            description = "First minimum of g_AA(r)")
    private double shell_aa = 1.45;

    @Parameter(label = "First-shell radius A-B (sigma)", persist = false, min = "0.1",
            description = "First minimum of g_AB(r)")
    private double shell_ab = 1.595;

    @Parameter(label = "First-shell radius B-B (sigma)", persist = false, min = "0.1",
            description = "First minimum of g_BB(r)")
    private double shell_bb = 1.74;

    @Parameter(label = "Use every k-th snapshot", persist = false, min = "1")
    private int stride = 1;

    @Parameter(label = "Training fraction (first snapshots)", persist = false, min = "0.01", max = "0.98")
    private double train_fraction = 0.6;

    @Parameter(label = "Validation fraction (next snapshots)", persist = false, min = "0.01", max = "0.98")
    private double validation_fraction = 0.2;

    @Parameter(label = "Output graph file (.graphs)", style = "save", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        InputException.require(trajectory0 != null && trajectory1 != null, "two trajectories are required");
        InputException.require(out != null, "out: an output file is required");
        Progress p = HostProgress.of(statusService);
        p.status("reading trajectories");
        var frames0 = GraphDatasetBuilder.readFrames(trajectory0.toPath(), stride);
        var frames1 = GraphDatasetBuilder.readFrames(trajectory1.toPath(), stride);
        InputException.require("from g(r)".equals(shells) || "given".equals(shells),
                "shells must be 'from g(r)' or 'given'");
        var classes = List.of(new GraphDatasetBuilder.ClassFrames(name(temperature0), temperature0, frames0),
                new GraphDatasetBuilder.ClassFrames(name(temperature1), temperature1, frames1));
        int types = 2;
        for (var cf : classes) {
            for (var c : cf.frames()) {
                types = Math.max(types, c.typeCount());
            }
        }
        InputException.require("from g(r)".equals(shells) || types == 2,
                "given shell radii cover two types; the snapshots have " + types);
        double[][] radii = "from g(r)".equals(shells)
                ? GraphDatasetBuilder.shellsFromRdf(classes, types, p)
                : new double[][]{{shell_aa, shell_ab}, {shell_ab, shell_bb}};
        GraphDataset data = GraphDatasetBuilder.build(classes, radii, train_fraction, validation_fraction,
                p.range(0.1, 0.9));
        p.status("writing " + out.getName());
        data.write(out.toPath());
        summary = String.format(Locale.ROOT, "%d graphs (%d train, %d validation, %d test), %d particles each,"
                        + " shell radii AA %.3f AB %.3f BB %.3f",
                data.graphs().size(), data.split(ParticleGraph.Split.TRAIN).size(),
                data.split(ParticleGraph.Split.VALIDATION).size(), data.split(ParticleGraph.Split.TEST).size(),
                data.graphs().get(0).nodeCount(), radii[0][0], radii[0][1], radii[1][1]);
        p.fraction(1);
    }

    private static String name(double temperature) {
        return String.format(Locale.ROOT, "T=%.4g", temperature);
    }
}

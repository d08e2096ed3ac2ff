package io.github.mdxai.commands;

import io.github.mdxai.features.structure.StructureAnalysis;
import io.github.mdxai.features.structure.StructureDescriptorFiles;
import io.github.mdxai.io.ParticleFiles;
import io.github.mdxai.particles.Configuration;
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

/**
 * Per-particle local structure of a configuration or trajectory: coordination, q4, q6 and their neighbour
 * averages, Voronoi cell volume; one CSV row per particle and frame, histograms as images.
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Particles & Glasses", weight = Menus.PARTICLES), @Menu(label = "Structure Descriptors", weight = 4)})
public class StructureDescriptors implements Command {

    static final String TABLE = StructureDescriptorFiles.TABLE;

    @Parameter(label = "Configuration or trajectory", style = "file", persist = false,
            description = "LAMMPS data file, LAMMPS dump (one or more frames) or extended XYZ, recognised by content;"
                    + " orthorhombic periodic box")
    private File input;

    @Parameter(label = "Neighbours", choices = {"shell", "cutoff", "nearest"}, persist = false,
            description = "shell: inside the first minimum of each partial g(r) (found from all frames); "
                    + "cutoff: inside a fixed distance; nearest: the k nearest")
    private String neighbors = "shell";

    @Parameter(label = "Cut-off (length unit of the input)", persist = false, min = "0",
            description = "Neighbour distance for 'cutoff'")
    private double cutoff = 1.5;

    @Parameter(label = "Nearest neighbours k", persist = false, min = "1", description = "Neighbours for 'nearest'")
    private int k = 12;

    @Parameter(label = "Radii by type for radical Voronoi (comma-separated)", persist = false, required = false,
            description = "e.g. 0.5,0.6 for types 1 and 2; empty for plain Voronoi")
    private String radii = "";

    @Parameter(label = "Histogram bins", persist = false, min = "2", max = "10000")
    private int bins = 60;

    @Parameter(label = "Threads", persist = false, min = "1", description = "Threads for neighbours, q_l and Voronoi cells (results do not depend on it)")
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        InputException.require(input != null, "input: a configuration or trajectory file is required");
        InputException.require(out != null, "out: an output folder is required");
        InputException.require(bins >= 2, "bins: expected at least 2, got " + bins);
        StructureAnalysis.Options options = new StructureAnalysis.Options(StructureAnalysis.Neighbors.parse(neighbors),
                cutoff, k, StructureDescriptorFiles.parseRadii(radii), threads);
        Progress p = HostProgress.of(statusService);
        p.status("Reading " + input.getName());
        List<Configuration> frames = ParticleFiles.read(input.toPath());
        StructureAnalysis.Result result = StructureAnalysis.compute(frames, options, p.range(0, 0.9));
        p.status("Writing " + TABLE);
        StructureDescriptorFiles.Written written = StructureDescriptorFiles.write(out.toPath(), result, options, bins);
        // the host shows histograms.csv as live plots; the PNGs are for reports
        summary = written.summary();
        p.status(summary);
        p.fraction(1);
    }
}

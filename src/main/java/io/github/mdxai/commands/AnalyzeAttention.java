package io.github.mdxai.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import io.github.mdxai.commands.host.GridImages;
import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.commands.host.Luts;
import io.github.mdxai.explain.attention.AttentionControl;
import io.github.mdxai.explain.attention.AttentionMaps;
import io.github.mdxai.explain.attention.AttentionReport;
import io.github.mdxai.learn.graph.GatModel;
import io.github.mdxai.learn.graph.GraphDataset;
import io.github.mdxai.learn.graph.ParticleGraph;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Trained classifier + graph data set -> per-particle attention with q6, averaged q6, coordination and Voronoi
 * volume, heterogeneity per temperature, Spearman correlations, and attention maps (voxel stack, slab, histogram).
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Particles & Glasses", weight = Menus.PARTICLES), @Menu(label = "Attention Analysis", weight = 7)})
public class AnalyzeAttention implements Command {

    @Parameter(label = "Model folder", style = "directory", persist = false,
            description = "The model/ folder written by Train Graph Attention Classifier")
    private File model;

    @Parameter(label = "Graph data set (.graphs)", style = "file", persist = false)
    private File dataset;

    @Parameter(label = "Snapshots", choices = {"test", "all"}, persist = false)
    private String snapshots = "test";

    @Parameter(label = "Attention layers", choices = {"last", "all"}, persist = false,
            description = "Coefficients of the last layer, or averaged over all layers (always over heads)")
    private String layers = "last";

    @Parameter(label = "Voxel size (sigma)", persist = false, min = "0.02", max = "2")
    private double voxel = 0.1;

    @Parameter(label = "Slab thickness (sigma)", persist = false, min = "0.1")
    private double slab = 1.0;

    @Parameter(label = "Untrained control", persist = false,
            description = "also analyse the same architecture with its initial (untrained) weights, and correlations"
            + " at fixed coordination: control_correlations.csv, control_heterogeneity.csv")
    private boolean control = false;

    @Parameter(label = "Threads", persist = false, min = "1")
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus voxels;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus slabImage;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus histogram;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        InputException.require(model != null && dataset != null && out != null,
                "model folder, data set and output folder are required");
        InputException.require("test".equals(snapshots) || "all".equals(snapshots), "snapshots must be test or all");
        InputException.require("last".equals(layers) || "all".equals(layers), "layers must be last or all");
        Progress p = HostProgress.of(statusService);
        GraphDataset data = GraphDataset.read(dataset.toPath());
        Path folder = out.toPath();
        double[] radius = new double[data.numTypes()];
        for (int t = 0; t < radius.length; t++) {
            radius[t] = 0.5 * (t == 0 ? 1.0 : 1.0 + 0.2 * t); // sigma_AA = 1, sigma_BB = 1.2
        }
        ParticleGraph.Split split = "test".equals(snapshots) ? ParticleGraph.Split.TEST : null;
        AttentionReport.Result r = Hosts.callWithOwnClassLoader(() -> {
            GatModel trained = GatModel.load(model.toPath());
            AttentionReport.Result result = AttentionReport.run(trained, data, split, "all".equals(layers), voxel, slab,
                    radius, threads, folder, control ? p.range(0, 0.5) : p);
            if (control) {
                AttentionControl.run(trained, split == null ? data.graphs() : data.split(split), "all".equals(layers),
                        threads, folder, p.range(0.5, 1));
            }
            return result;
        });
        for (int k = 0; k < r.voxels().size(); k++) {
            // titled after their files, so a host shows each once
            ImagePlus stack = stack(r.voxels().get(k), "attention_voxels_" + k);
            save(stack, folder.resolve("attention_voxels_" + k + ".tif"));
            if (k == 0) {
                voxels = stack;
            }
        }
        slabImage = new ImagePlus("attention_slab_0", new ColorProcessor(r.slabs().get(0)));
        histogram = GridImages.toImagePlus(r.attentionVsQ6(), "attention_q6_histogram");
        // both axes are dimensionless: ImageJ shows their names where a unit would stand, not "pixel"
        histogram.getCalibration().setXUnit("attention");
        histogram.getCalibration().setYUnit("q6");
        // a few crowded bins would leave the rest dark: the display (not the data) saturates above the 99th
        // percentile of the filled bins
        double[] counts = Luts.percentileRange(histogram, 0, 99, true);
        Luts.displayRange(histogram, 0, counts[1], "display clipped at 99th percentile");
        save(histogram, folder.resolve("attention_q6_histogram.tif"));
        summary = io.github.mdxai.explain.attention.AttentionAnalysis.describe(r.heterogeneity());
    }

    private static ImagePlus stack(AttentionMaps.VoxelStack v, String title) {
        ImageStack s = new ImageStack(v.nx(), v.ny());
        int plane = v.nx() * v.ny();
        for (int z = 0; z < v.nz(); z++) {
            s.addSlice("z=" + z, new FloatProcessor(v.nx(), v.ny(),
                    Arrays.copyOfRange(v.data(), z * plane, (z + 1) * plane)));
        }
        ImagePlus imp = new ImagePlus(title, s);
        Calibration cal = imp.getCalibration();
        cal.pixelWidth = v.voxel();
        cal.pixelHeight = v.voxel();
        cal.pixelDepth = v.voxel();
        cal.setUnit("sigma");
        cal.setValueUnit("attention");
        imp.setProperty("Info", "value_name=summed attention\n");
        // a colour table stored in the TIFF: the maps reopen in colour (setLut also sets the LUT's 0-255 range)
        imp.setLut(Luts.viridisLike());
        // a few hot particles would leave the rest dark: 1st-99th percentile of the painted voxels (0 = no particle
        // in reach), the data unchanged
        double[] range = Luts.percentileRange(imp, 1, 99, true);
        Luts.displayRange(imp, range[0], range[1], "display: 1st-99th percentile");
        return imp;
    }

    private static void save(ImagePlus imp, Path file) {
        AtomicFiles.write(file, o -> o.write(new FileSaver(imp).serialize()));
    }
}

package io.github.mdxai.commands;

import ij.ImagePlus;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.grid.GridCsv;
import io.github.mdxai.commands.host.GridImages;
import io.github.mdxai.commands.host.Luts;
import io.github.mdxai.sampling.FreeEnergy;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.nio.file.Path;

/** F = -kT ln P over two columns of a samples table, as a calibrated grid image (TIFF) and a CSV. */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Sampling", weight = Menus.SAMPLING), @Menu(label = "Free Energy from Samples", weight = 2)},
        description = "Free energy F = -kT ln P(x, y) from the samples in a CSV table, optionally weighted")
public class FreeEnergyFromSamples implements Command {

    @Parameter(label = "Samples table (CSV)", description = "CSV with a header row; one sample per row", style = "file", persist = false)
    private File input;

    @Parameter(label = "X column", description = "column name for the horizontal axis, e.g. phi_deg", persist = false)
    private String x;

    @Parameter(label = "Y column", description = "column name for the vertical axis, e.g. psi_deg", persist = false)
    private String y;

    @Parameter(label = "Bins per axis", min = "2", max = "4096", persist = false)
    private int bins = 60;

    @Parameter(label = "X range (min max; empty = data range, angles -180 180)", description = "e.g. -180 180", required = false, persist = false)
    private String xrange = "";

    @Parameter(label = "Y range (min max; empty = data range, angles -180 180)", description = "e.g. -180 180", required = false, persist = false)
    private String yrange = "";

    @Parameter(label = "Weights column (empty = none)", description = "unbiasing weight of each sample", required = false, persist = false)
    private String weights = "";

    @Parameter(label = "Temperature (K)", min = "1", persist = false)
    private double temperature = 300;

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Free energy")
    private ImagePlus image;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        CsvTable table = CsvTable.read(input.toPath());
        double[] xs = table.column(x);
        double[] ys = table.column(y);
        double[] ws = weights == null || weights.isBlank() ? null : table.column(weights.strip());
        Axis ax = FreeEnergy.axisFor(x, xrange, xs, bins);
        Axis ay = FreeEnergy.axisFor(y, yrange, ys, bins);
        Grid2D grid = FreeEnergy.surface(xs, ys, ws, ax, ay, temperature);
        Path folder = out.toPath();
        String stem = "free_energy_" + CsvTable.nameOf(x) + "_" + CsvTable.nameOf(y);
        GridImages.writeTiff(grid, folder.resolve(stem + ".tif"));
        GridCsv.write(grid, folder.resolve(stem + ".csv"));
        image = GridImages.toImagePlus(grid, stem);
        Luts.applyFreeEnergy(image);
        if (log != null) {
            log.info("Free Energy from Samples: " + FreeEnergy.countInside(xs, ys, ax, ay) + " of " + xs.length
                    + " samples inside the ranges; wrote " + folder.resolve(stem + ".tif") + " and .csv");
        }
    }
}

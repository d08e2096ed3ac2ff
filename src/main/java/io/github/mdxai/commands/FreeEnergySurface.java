package io.github.mdxai.commands;

import ij.ImagePlus;
import io.github.mdxai.commands.host.GridImages;
import io.github.mdxai.commands.host.Luts;
import io.github.mdxai.sampling.SurfaceAnalysis;
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

/**
 * The reweighted free-energy surface over any two recorded columns of a metadynamics COLVAR (or any weighted sample
 * table): calibrated TIFF, CSV and a PNG figure; with two states, the minimum free-energy path, its saddle and the
 * barrier (saddle.csv) and Delta F between the states (states.csv, with a block error).
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Sampling", weight = Menus.SAMPLING), @Menu(label = "Free Energy Surface", weight = 1)},
        description = "Reweighted F(x, y) from a metadynamics COLVAR; saddle, barrier and Delta F between two states")
public class FreeEnergySurface implements Command {

    @Parameter(label = "COLVAR table (CSV)", description = "colvar.csv of Metadynamics (or any table with a weight column)",
            style = "file", persist = false)
    private File input;

    @Parameter(label = "X column", description = "e.g. phi_deg or r6-10_nm", persist = false)
    private String x = "phi_deg";

    @Parameter(label = "Y column", description = "e.g. psi_deg or r6-11_nm", persist = false)
    private String y = "psi_deg";

    @Parameter(label = "Weights column (empty = none)", required = false, persist = false,
            description = "unbiasing weight exp((V - c(t))/kT) per row")
    private String weights = "weight";

    @Parameter(label = "Bins per axis", min = "2", max = "4096", persist = false)
    private int bins = 60;

    @Parameter(label = "X range (min max, empty = auto)", required = false, persist = false,
            description = "auto: -180 180 for _deg columns, else the data range")
    private String xrange = "";

    @Parameter(label = "Y range (min max, empty = auto)", required = false, persist = false,
            description = "auto: -180 180 for _deg columns, else the data range")
    private String yrange = "";

    @Parameter(label = "Temperature (K)", min = "1", persist = false)
    private double temperature = 300;

    @Parameter(label = "Skip first (ps)", min = "0", persist = false, description = "drop rows before this time (transient)")
    private double skip = 0;

    @Parameter(label = "States file (CSV, empty = C7eq/C7ax)", required = false, style = "file", persist = false,
            description = "state,cv,unit,min,max; two states, the first is A. Default C7eq, C7ax on phi/psi")
    private File states;

    @Parameter(label = "Overlay points (CSV, optional)", required = false, style = "file", persist = false,
            description = "a table with the X and Y columns, drawn as points, e.g. transition_configs.csv")
    private File points;

    @Parameter(label = "Colour maximum (kJ/mol)", min = "1", persist = false)
    private double fmax = 50;

    @Parameter(label = "Contour step (kJ/mol)", min = "0", persist = false, description = "0: no contour lines")
    private double contour = 5;

    @Parameter(label = "Blocks for errors", min = "2", persist = false, description = "time blocks for the Delta F error")
    private int blocks = 5;

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Free energy")
    private ImagePlus image;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        InputException.require(input != null, "input: a COLVAR CSV file is required");
        InputException.require(out != null, "out: an output folder is required");
        SurfaceAnalysis.Result r = SurfaceAnalysis.compute(CsvTable.read(input.toPath()), new SurfaceAnalysis.Settings(
                x, y, weights, bins, xrange, yrange, temperature, skip, blocks), states == null ? null : states.toPath());
        Path folder = out.toPath();
        SurfaceAnalysis.writeTables(r, folder);
        GridImages.writeTiff(r.grid(), folder.resolve(r.stem() + ".tif"));
        CsvTable overlay = points == null ? null : CsvTable.read(points.toPath());
        SurfaceAnalysis.figure(r, fmax, contour, overlay == null ? null : overlay.column(x),
                overlay == null ? null : overlay.column(y)).writePng(folder.resolve(r.stem() + ".png"));
        image = GridImages.toImagePlus(r.grid(), r.stem());
        Luts.applyFreeEnergy(image);
        summary = "Free Energy Surface: " + SurfaceAnalysis.summary(r) + "; wrote " + folder.resolve(r.stem() + ".tif") + ", .csv, .png";
        if (log != null) {
            log.info(summary);
        }
    }
}

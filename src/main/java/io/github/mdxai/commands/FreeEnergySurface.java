package io.github.mdxai.commands;

import ij.ImagePlus;
import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.grid.GridCsv;
import io.github.mdxai.commands.host.GridImages;
import io.github.mdxai.commands.host.Luts;
import io.github.mdxai.figures.SurfacePlot;
import io.github.mdxai.sampling.FreeEnergy;
import io.github.mdxai.sampling.MinimumFreeEnergyPath;
import io.github.mdxai.sampling.Reweighting;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.awt.Color;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reweighted free-energy surface over any two recorded columns of a metadynamics COLVAR (or any weighted sample
 * table): calibrated TIFF, CSV and a PNG figure; with two states, the minimum free-energy path, its saddle and the
 * barrier (saddle.csv) and Delta F between the states (states.csv, with a block error).
 */
@Plugin(type = Command.class, menuPath = "Plugins>MD XAI>Sampling>Free Energy Surface",
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
            description = "state,cv,unit,min,max; the first two states are A and B. Default C7eq, C7ax on phi/psi")
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
        InputException.require(temperature > 0 && Double.isFinite(temperature), "temperature: expected > 0 K");
        CsvTable table = CsvTable.read(input.toPath());
        int[] rows = Reweighting.rowsFrom(table, table.hasColumn("time_ps") ? skip : 0, table.hasColumn("time_ps"));
        double[] xs = Reweighting.select(table.column(x), rows);
        double[] ys = Reweighting.select(table.column(y), rows);
        double[] ws = weights == null || weights.isBlank() ? null : Reweighting.select(table.column(weights.strip()), rows);
        Axis ax = FreeEnergy.axisFor(x, xrange, xs, bins);
        Axis ay = FreeEnergy.axisFor(y, yrange, ys, bins);
        Grid2D grid = FreeEnergy.surface(xs, ys, ws, ax, ay, temperature);
        Path folder = out.toPath();
        String stem = "free_energy_" + CsvTable.nameOf(x) + "_" + CsvTable.nameOf(y);
        GridImages.writeTiff(grid, folder.resolve(stem + ".tif"));
        GridCsv.write(grid, folder.resolve(stem + ".csv"));
        SurfacePlot plot = new SurfacePlot(grid).title(String.format(Locale.ROOT, "F(%s, %s), %.0f K", ax.name(), ay.name(), temperature))
                .range(0, fmax).contours(contour > 0 ? contour : Double.NaN);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d of %d rows inside the ranges",
                FreeEnergy.countInside(xs, ys, ax, ay), xs.length));
        List<StateRegion> regions = regions(ax, ay);
        if (regions != null) {
            StateRegion a = regions.get(0), b = regions.get(1);
            InputException.require(!a.overlaps(b), "states " + a.name() + " and " + b.name() + " overlap");
            MinimumFreeEnergyPath.Path path = MinimumFreeEnergyPath.find(grid, a, b);
            double[][] values = new double[xs.length][];
            for (int k = 0; k < xs.length; k++) {
                values[k] = new double[]{xs[k], ys[k]};
            }
            double[] w = ws == null ? ones(xs.length) : ws;
            Reweighting.StateFreeEnergy df = Reweighting.deltaF(values, w, List.of(ax.name(), ay.name()), a, b, temperature, blocks);
            CsvTable.write(folder.resolve("saddle.csv"), List.of(CsvTable.header(ax.name(), ax.unit()), CsvTable.header(ay.name(), ay.unit()),
                            "F_kJmol", "barrier_from_" + a.name() + "_kJmol", "barrier_from_" + b.name() + "_kJmol"),
                    List.<double[]>of(new double[]{path.saddleX(), path.saddleY(), path.saddleF(), path.barrierFromA(), path.barrierFromB()}));
            List<double[]> pathRows = new ArrayList<>();
            for (int k = 0; k < path.x().length; k++) {
                pathRows.add(new double[]{path.x()[k], path.y()[k], path.f()[k]});
            }
            CsvTable.write(folder.resolve("path.csv"), List.of(CsvTable.header(ax.name(), ax.unit()), CsvTable.header(ay.name(), ay.unit()),
                    "F_kJmol"), pathRows);
            CsvTable.write(folder.resolve("states.csv"), List.of("deltaF_B_minus_A_kJmol", "standard_error_kJmol", "population_A",
                    "population_B", "blocks"), List.<double[]>of(new double[]{df.deltaF(), df.standardError(), df.populationA(),
                    df.populationB(), blocks}));
            plot.path(path.x(), path.y()).marker(path.x()[0], path.y()[0], a.name())
                    .marker(path.x()[path.x().length - 1], path.y()[path.y().length - 1], b.name())
                    .marker(path.saddleX(), path.saddleY(), "saddle");
            text.append(String.format(Locale.ROOT, "; saddle (%.1f, %.1f) F = %.2f kJ/mol, barrier from %s %.2f, from %s %.2f kJ/mol;"
                            + " Delta F(%s - %s) = %.2f +- %.2f kJ/mol", path.saddleX(), path.saddleY(), path.saddleF(), a.name(),
                    path.barrierFromA(), b.name(), path.barrierFromB(), b.name(), a.name(), df.deltaF(), df.standardError()));
        }
        if (points != null) {
            CsvTable p = CsvTable.read(points.toPath());
            plot.points(p.column(x), p.column(y), Color.WHITE);
        }
        plot.writePng(folder.resolve(stem + ".png"));
        image = GridImages.toImagePlus(grid, stem);
        Luts.applyFreeEnergy(image);
        summary = "Free Energy Surface: " + text + "; wrote " + folder.resolve(stem + ".tif") + ", .csv, .png";
        if (log != null) {
            log.info(summary);
        }
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /** The two states on these axes, or null when none apply (no file and the axes are not phi/psi). */
    private List<StateRegion> regions(Axis ax, Axis ay) {
        List<StateRegion> list;
        if (states != null) {
            list = StateRegion.read(states.toPath());
            InputException.require(list.size() >= 2, "states: " + states + " must define at least two states (A and B)");
        } else {
            list = List.of(StateRegion.c7eq(), StateRegion.c7ax());
        }
        List<String> axes = List.of(ax.name(), ay.name());
        for (StateRegion r : list.subList(0, 2)) {
            if (!axes.containsAll(r.cvNames())) {
                InputException.require(states == null, "states: state " + r.name() + " uses CVs " + r.cvNames()
                        + " but the surface is over " + axes);
                return null;
            }
        }
        return list.subList(0, 2);
    }
}

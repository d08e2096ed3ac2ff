package io.github.mdxai.commands;

import ij.ImagePlus;
import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.explain.CommittorLandscape;
import io.github.mdxai.explain.Importance;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.GridCsv;
import io.github.mdxai.commands.host.GridImages;
import io.github.mdxai.commands.host.Luts;
import io.github.mdxai.figures.SurfacePlot;
import io.github.mdxai.learn.CommittorModel;
import io.github.mdxai.sampling.FreeEnergy;
import io.github.mdxai.sampling.Reweighting;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.awt.Color;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The free energy over two features (default: the two an explanation ranks first) from reweighted frames, with the
 * committor configurations coloured by p_B and the model's p_B = 0.5 line: the seed's Fig. 3b.
 */
@Plugin(type = Command.class, menuPath = "Plugins>MD XAI>Learning & Explanation>PMF in Features",
        description = "PMF in two features from reweighted frames, committor points by p_B and the model's p_B = 0.5 line")
public class PmfInFeatures implements Command {

    @Parameter(label = "Frames (COLVAR CSV with weights)", style = "file", persist = false,
            description = "reweighted frames, e.g. colvar.csv of a Metadynamics run with distances recorded")
    private File frames;

    @Parameter(label = "Committor dataset (CSV)", style = "file", persist = false,
            description = "features.csv from Build Distance Features: the two features and pB")
    private File dataset;

    @Parameter(label = "Committor model (zip, optional)", style = "file", required = false, persist = false,
            description = "draws the model's p_B = 0.5 line (mean model p_B of the frames in each bin)")
    private File model;

    @Parameter(label = "Importance (CSV, optional)", style = "file", required = false, persist = false,
            description = "importance_<method>.csv; its top two features are used when x and y are empty")
    private File importance;

    @Parameter(label = "X feature (empty = top of importance)", required = false, persist = false)
    private String x = "";

    @Parameter(label = "Y feature (empty = second of importance)", required = false, persist = false)
    private String y = "";

    @Parameter(label = "Weights column", persist = false)
    private String weights = "weight";

    @Parameter(label = "Skip first (ps)", min = "0", persist = false, description = "frames before this time are not used")
    private double skip = 0;

    @Parameter(label = "States file (CSV, empty = C7eq/C7ax)", style = "file", required = false, persist = false)
    private File states;

    @Parameter(label = "Bins per axis", min = "4", max = "1024", persist = false)
    private int bins = 50;

    @Parameter(label = "Temperature (K)", min = "1", persist = false)
    private double temperature = 300;

    @Parameter(label = "Colour maximum (kJ/mol)", min = "1", persist = false)
    private double fmax = 40;

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "PMF")
    private ImagePlus image;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        Hosts.useOwnClassLoader();
        InputException.require(frames != null && dataset != null && out != null, "frames, dataset and out are required");
        String[] names = featureNames();
        CsvTable colvar = CsvTable.read(frames.toPath());
        int[] rows = Reweighting.rowsFrom(colvar, skip);
        List<StateRegion> regions = states == null ? List.of(StateRegion.c7eq(), StateRegion.c7ax()) : StateRegion.read(states.toPath());
        InputException.require(regions.size() == 2, "states: expected two states (A and B), found " + regions.size());
        CommittorLandscape.Frames f = CommittorLandscape.Frames.fromColvar(colvar, rows, names[0], names[1], weights,
                regions.get(0), regions.get(1), model == null ? null : CommittorModel.load(model.toPath()));
        double[] fx = f.x();
        double[] fy = f.y();
        CsvTable data = CsvTable.read(dataset.toPath());
        double[] px = data.column(data.columns().get(data.columnIndexAnyUnit(names[0])));
        double[] py = data.column(data.columns().get(data.columnIndexAnyUnit(names[1])));
        double[] pb = data.column("pB");
        Axis ax = FreeEnergy.axisCovering(CsvTable.nameOf(names[0]), "nm", concat(fx, px), bins);
        Axis ay = FreeEnergy.axisCovering(CsvTable.nameOf(names[1]), "nm", concat(fy, py), bins);
        CommittorLandscape.Result result = CommittorLandscape.compute(f,
                new CommittorLandscape.Points(px, py, pb), ax, ay, temperature);
        Path folder = out.toPath();
        GridImages.writeTiff(result.freeEnergy(), folder.resolve("pmf.tif"));
        GridCsv.write(result.freeEnergy(), folder.resolve("pmf.csv"));
        if (result.meanModelPB() != null) {
            GridCsv.write(result.meanModelPB(), folder.resolve("model_pB.csv"));
        }
        figure(result, px, py, pb).writePng(folder.resolve("pmf.png"));
        writeSummary(folder, names, result, rows.length, pb.length);
        image = GridImages.toImagePlus(result.freeEnergy(), "PMF " + ax.name() + " " + ay.name());
        Luts.applyFreeEnergy(image);
        CommittorLandscape.SaddleProximity p = result.proximity();
        summary = "PMF in " + ax.name() + ", " + ay.name() + " from " + rows.length + " frames"
                + (p == null ? "" : String.format("; distance to saddle along the path: p_B~0.5 %.3f, p_B<0.1 %.3f, p_B>0.9 %.3f",
                p.medianMid(), p.medianA(), p.medianB()));
        if (log != null) {
            log.info(summary);
        }
    }

    private String[] featureNames() {
        if (x != null && !x.isBlank() && y != null && !y.isBlank()) {
            return new String[] {x.strip(), y.strip()};
        }
        InputException.require(importance != null, "give x and y, or an importance CSV whose top two features to use");
        List<String> top = Importance.readCsv("", importance.toPath()).top(2);
        InputException.require(top.size() == 2, importance + ": expected at least two ranked features");
        return new String[] {top.get(0), top.get(1)};
    }

    private SurfacePlot figure(CommittorLandscape.Result result, double[] px, double[] py, double[] pb) {
        SurfacePlot plot = new SurfacePlot(result.freeEnergy()).range(0, fmax).contours(5)
                .title("PMF; committor points blue (p_B<0.1) .. white (0.5) .. red (>0.9)");
        double[][] limits = {{-1, 0.1}, {0.1, 0.4}, {0.4, 0.6}, {0.6, 0.9}, {0.9, 2}};
        Color[] colours = {new Color(40, 80, 255), Color.CYAN, Color.WHITE, Color.ORANGE, Color.RED};
        for (int c = 0; c < limits.length; c++) {
            int n = 0;
            double[] sx = new double[pb.length];
            double[] sy = new double[pb.length];
            for (int i = 0; i < pb.length; i++) {
                if (pb[i] >= limits[c][0] && pb[i] < limits[c][1]) {
                    sx[n] = px[i];
                    sy[n++] = py[i];
                }
            }
            plot.points(java.util.Arrays.copyOf(sx, n), java.util.Arrays.copyOf(sy, n), colours[c]);
        }
        if (result.meanModelPB() != null) {
            plot.isoline(result.meanModelPB(), 0.5, Color.MAGENTA);
        }
        if (result.path() != null) {
            plot.path(result.path().x(), result.path().y()).marker(result.path().saddleX(), result.path().saddleY(), "saddle");
        }
        return plot;
    }

    private void writeSummary(Path folder, String[] names, CommittorLandscape.Result result, int frameCount, int pointCount) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("features", List.of(CsvTable.nameOf(names[0]), CsvTable.nameOf(names[1])));
        json.put("frames", frameCount);
        json.put("configurations", pointCount);
        if (result.path() != null) {
            json.put("saddle", Map.of("x", result.path().saddleX(), "y", result.path().saddleY(),
                    "barrier_from_A_kjmol", result.path().barrierFromA(), "barrier_from_B_kjmol", result.path().barrierFromB()));
        }
        CommittorLandscape.SaddleProximity p = result.proximity();
        if (p != null) {
            Map<String, Object> prox = new LinkedHashMap<>();
            prox.put("measure", "median |s - s_saddle| along the minimum free-energy path, as a fraction of its length");
            prox.put("pB_0.4_0.6", p.medianMid());
            prox.put("n_pB_0.4_0.6", p.countMid());
            prox.put("pB_below_0.1", p.medianA());
            prox.put("n_pB_below_0.1", p.countA());
            prox.put("pB_above_0.9", p.medianB());
            prox.put("n_pB_above_0.9", p.countB());
            json.put("saddle_proximity", prox);
        }
        try {
            AtomicFiles.writeString(folder.resolve("landscape.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

package io.github.mdxai.explain;

import io.github.mdxai.cv.StatePair;
import io.github.mdxai.figures.SurfacePlot;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.GridCsv;
import io.github.mdxai.learn.CommittorModel;
import io.github.mdxai.sampling.FreeEnergy;
import io.github.mdxai.sampling.Reweighting;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Json;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PMF in two features (the seed's Fig. 3b): reweighted COLVAR frames and committor configurations in the same
 * two columns (pair distances {@code r{i}-{j}_nm}, matched with or without the unit), through
 * {@link CommittorLandscape}; writes pmf.csv, model_pB.csv (with a model), pmf.png and landscape.json.
 */
public final class PmfInFeaturesRun {

    /** The landscape, its two feature names (without unit), how many frames and committor points it used, and the points. */
    public record Outcome(CommittorLandscape.Result result, List<String> features, int frameCount,
                          CommittorLandscape.Points points) {
    }

    private PmfInFeaturesRun() {
    }

    /**
     * Computes the landscape over features {@code x} and {@code y} from COLVAR rows at or after {@code skip} ps
     * (weights column {@code weights}), the committor dataset's rows (the same features and pB), the two states and,
     * when {@code model} is not null, the model's p_B of every frame. Axes cover frames and points, {@code bins} each.
     */
    public static Outcome run(CsvTable colvar, double skip, String x, String y, String weights, StatePair states,
                              CommittorModel model, CsvTable dataset, int bins, double temperature) {
        int[] rows = Reweighting.rowsFrom(colvar, skip);
        CommittorLandscape.Frames f = CommittorLandscape.Frames.fromColvar(colvar, rows, x, y, weights, states.a(),
                states.b(), model);
        double[] px = dataset.column(dataset.columns().get(dataset.columnIndexAnyUnit(x)));
        double[] py = dataset.column(dataset.columns().get(dataset.columnIndexAnyUnit(y)));
        CommittorLandscape.Points points = new CommittorLandscape.Points(px, py, dataset.column("pB"));
        Axis ax = FreeEnergy.axisCovering(CsvTable.nameOf(x), "nm", concat(f.x(), px), bins);
        Axis ay = FreeEnergy.axisCovering(CsvTable.nameOf(y), "nm", concat(f.y(), py), bins);
        CommittorLandscape.Result result = CommittorLandscape.compute(f, points, ax, ay, temperature);
        return new Outcome(result, List.of(ax.name(), ay.name()), rows.length, points);
    }

    /** Writes pmf.csv, model_pB.csv (when the model's p_B is there), pmf.png (colours up to {@code fmax}) and landscape.json. */
    public static void write(Outcome o, Path folder, double fmax) {
        CommittorLandscape.Result result = o.result();
        GridCsv.write(result.freeEnergy(), folder.resolve("pmf.csv"));
        if (result.meanModelPB() != null) {
            GridCsv.write(result.meanModelPB(), folder.resolve("model_pB.csv"));
        }
        figure(o, fmax).writePng(folder.resolve("pmf.png"));
        writeJson(o, folder.resolve("landscape.json"));
    }

    private static SurfacePlot figure(Outcome o, double fmax) {
        CommittorLandscape.Result result = o.result();
        double[] px = o.points().x(), py = o.points().y(), pb = o.points().pB();
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
            plot.points(Arrays.copyOf(sx, n), Arrays.copyOf(sy, n), colours[c]);
        }
        if (result.meanModelPB() != null) {
            plot.isoline(result.meanModelPB(), 0.5, Color.MAGENTA);
        }
        if (result.path() != null) {
            plot.path(result.path().x(), result.path().y()).marker(result.path().saddleX(), result.path().saddleY(), "saddle");
        }
        return plot;
    }

    private static void writeJson(Outcome o, Path file) {
        CommittorLandscape.Result result = o.result();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("features", o.features());
        json.put("frames", o.frameCount());
        json.put("configurations", o.points().pB().length);
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
        AtomicFiles.writeString(file, Json.pretty(json));
    }

    /** One line: features, frames and the committor points' distance to the saddle along the path. */
    public static String summary(Outcome o) {
        CommittorLandscape.SaddleProximity p = o.result().proximity();
        return "PMF in " + o.features().get(0) + ", " + o.features().get(1) + " from " + o.frameCount() + " frames"
                + (p == null ? "" : String.format(Locale.ROOT, "; distance to saddle along the path: p_B~0.5 %.3f,"
                + " p_B<0.1 %.3f, p_B>0.9 %.3f", p.medianMid(), p.medianA(), p.medianB()));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

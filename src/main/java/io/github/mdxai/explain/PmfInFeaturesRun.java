package io.github.mdxai.explain;

import io.github.mdxai.cv.StatePair;
import io.github.mdxai.figures.LevelLines;
import io.github.mdxai.figures.SurfacePlot;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
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
 * {@link CommittorLandscape}; writes pmf.csv, model_pB.csv and model_pB_on_committor_data.csv (with a model), pmf.png
 * and landscape.json.
 */
public final class PmfInFeaturesRun {

    /**
     * The landscape, its two feature names (without unit), how many frames and committor points it used, the points,
     * the same points on F(phi, psi) (the seed's Fig. 1b; null when frames or points lack phi and psi), and with a
     * model, its p_B smoothed over the committor configurations where they support it ({@link #modelOnData}; else
     * null).
     */
    public record Outcome(CommittorLandscape.Result result, List<String> features, int frameCount,
                          CommittorLandscape.Points points, CommittorLandscape.Result dihedrals,
                          CommittorLandscape.Points dihedralPoints, Grid2D modelOnData) {
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
        CommittorLandscape.Points points = CommittorLandscape.Points.of(dataset, x, y);
        double[] px = points.x();
        double[] py = points.y();
        Axis ax = FreeEnergy.axisCovering(CsvTable.nameOf(x), "nm", concat(f.x(), px), bins);
        Axis ay = FreeEnergy.axisCovering(CsvTable.nameOf(y), "nm", concat(f.y(), py), bins);
        CommittorLandscape.Result result = CommittorLandscape.compute(f, points, ax, ay, temperature);
        CommittorLandscape.Result dihedrals = null;
        CommittorLandscape.Points onDihedrals = null;
        if (dataset.hasColumnAnyUnit("phi") && dataset.hasColumnAnyUnit("psi") && colvar.hasColumnAnyUnit("phi")
                && colvar.hasColumnAnyUnit("psi")) {
            // the same configurations and colour scale on F(phi, psi), where the seed sees no clear dividing line
            onDihedrals = CommittorLandscape.Points.of(dataset, "phi", "psi");
            dihedrals = CommittorLandscape.compute(CommittorLandscape.Frames.fromColvar(colvar, rows, "phi", "psi",
                    weights, states.a(), states.b(), null), onDihedrals, Axis.spanning("phi", "deg", -180, 180, 60),
                    Axis.spanning("psi", "deg", -180, 180, 60), temperature);
        }
        Grid2D modelOnData = null;
        if (model != null) {
            double[] q = model.q(model.featuresOf(dataset));
            double[] predicted = new double[q.length];
            for (int k = 0; k < q.length; k++) {
                predicted[k] = CommittorModel.pB(q[k]);
            }
            modelOnData = modelOnData(px, py, predicted, ax, ay);
        }
        return new Outcome(result, List.of(ax.name(), ay.name()), rows.length, points, dihedrals, onDihedrals, modelOnData);
    }

    /** Writes pmf.csv, model_pB.csv (when the model's p_B is there), pmf.png (colours up to {@code fmax}) and landscape.json. */
    public static void write(Outcome o, Path folder, double fmax) {
        CommittorLandscape.Result result = o.result();
        GridCsv.write(result.freeEnergy(), folder.resolve("pmf.csv"));
        if (result.meanModelPB() != null) {
            GridCsv.write(result.meanModelPB(), folder.resolve("model_pB.csv"));
        }
        SurfacePlot features = figure(result, o.points(), o.modelOnData(), fmax,
                "PMF in " + o.features().get(0) + ", " + o.features().get(1) + " (seed Fig. 3b)");
        features.writePng(folder.resolve("pmf.png"));
        if (o.dihedrals() != null) {
            SurfacePlot phiPsi = figure(o.dihedrals(), o.dihedralPoints(), null, fmax, "F(phi, psi) (seed Fig. 1b)");
            phiPsi.writePng(folder.resolve("pmf_phi_psi.png"));
            SurfacePlot.writeSideBySide(folder.resolve("committor_landscapes.png"), phiPsi, features);
        }
        if (o.modelOnData() != null) {
            GridCsv.write(o.modelOnData(), folder.resolve("model_pB_on_committor_data.csv"));
        }
        writeJson(o, folder.resolve("landscape.json"));
    }

    private static SurfacePlot figure(CommittorLandscape.Result result, CommittorLandscape.Points points,
                                      Grid2D modelOnData, double fmax, String title) {
        SurfacePlot plot = new SurfacePlot(result.freeEnergy()).range(0, fmax).contours(5).title(title)
                .valuePoints(points.x(), points.y(), points.pB(), 0, 1, "measured committor p_B");
        if (modelOnData != null) {
            plot.isoline(modelOnData, 0.5, Color.MAGENTA, "model p_B = 0.5 (drawn where committor data lie)");
        }
        if (result.path() != null) {
            plot.path(result.path().x(), result.path().y()).marker(result.path().saddleX(), result.path().saddleY(), "saddle");
        }
        return plot;
    }

    /** Radius (in bins, both axes scaled by their bin width) within which committor configurations support a bin. */
    static final double SUPPORT_RADIUS_BINS = 2.0;
    /** Fewest committor configurations within {@link #SUPPORT_RADIUS_BINS} for the model's p_B to be drawn. */
    static final int SUPPORT_MIN_POINTS = 3;
    /** Width (standard deviation, in bins) of the Gaussian kernel that averages the model's p_B over configurations. */
    static final double KERNEL_BINS = 1.5;

    /**
     * The model's p_B where the data it was fitted to support it: per bin, the Gaussian-weighted mean (width
     * {@link #KERNEL_BINS} bins) of the model's p_B at the committor configurations, in bins with at least
     * {@link #SUPPORT_MIN_POINTS} configurations within {@link #SUPPORT_RADIUS_BINS} bins of their centre; NaN
     * elsewhere. Far from every committor configuration (deep in a basin, where only MD frames lie) the network
     * extrapolates, and a p_B = 0.5 line drawn there would be its guess, not a dividing line the data tested; the MD
     * frames themselves are too sparse near the transition state to average over (model_pB.csv keeps that average).
     */
    static Grid2D modelOnData(double[] x, double[] y, double[] modelPB, Axis ax, Axis ay) {
        float[] values = new float[ax.bins() * ay.bins()];
        double support2 = SUPPORT_RADIUS_BINS * SUPPORT_RADIUS_BINS;
        double reach2 = 9 * KERNEL_BINS * KERNEL_BINS;
        for (int iy = 0; iy < ay.bins(); iy++) {
            for (int ix = 0; ix < ax.bins(); ix++) {
                int near = 0;
                double sum = 0;
                double weight = 0;
                for (int k = 0; k < x.length; k++) {
                    double dx = (x[k] - ax.center(ix)) / ax.step();
                    double dy = (y[k] - ay.center(iy)) / ay.step();
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= support2) {
                        near++;
                    }
                    if (d2 <= reach2) {
                        double w = Math.exp(-0.5 * d2 / (KERNEL_BINS * KERNEL_BINS));
                        sum += w * modelPB[k];
                        weight += w;
                    }
                }
                values[iy * ax.bins() + ix] = near >= SUPPORT_MIN_POINTS ? (float) (sum / weight) : Float.NaN;
            }
        }
        return new Grid2D(ax, ay, "model_pB", "", values);
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
        if (o.modelOnData() != null) {
            List<double[][]> pieces = LevelLines.of(o.modelOnData(), 0.5);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("drawn_from", String.format(Locale.ROOT, "model p_B at the committor configurations, Gaussian mean"
                    + " over %.1f bins, where at least %d configurations lie within %.1f bins (model_pB_on_committor_data.csv)",
                    KERNEL_BINS, SUPPORT_MIN_POINTS, SUPPORT_RADIUS_BINS));
            line.put("pieces", pieces.size());
            line.put("length_bins", pieces.stream().mapToDouble(l -> LevelLines.lengthInBins(l, o.modelOnData())).toArray());
            json.put("model_pB_0.5_line", line);
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

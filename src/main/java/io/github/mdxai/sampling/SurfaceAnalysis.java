package io.github.mdxai.sampling;

import io.github.mdxai.cv.StatePair;
import io.github.mdxai.figures.SurfacePlot;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.grid.GridCsv;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The reweighted free-energy surface over two columns of a COLVAR (or any weighted sample table) and, between two
 * states on those axes, the minimum free-energy path, its saddle and barriers and Delta F(B - A) with a block error.
 * Writes the grid ({@code <stem>.csv}), {@code saddle.csv}, {@code path.csv} and {@code states.csv}, and draws the
 * figure.
 */
public final class SurfaceAnalysis {

    /**
     * What to compute: column names (with units, e.g. phi_deg), the weight column (blank: unweighted), bins per axis,
     * ranges ("min max"; blank: full circle for angles, else the data range), temperature (K), the time (ps) before
     * which rows are dropped (tables without time_ps keep every row) and the number of time blocks for errors.
     */
    public record Settings(String x, String y, String weights, int bins, String xrange, String yrange,
                           double temperature, double skip, int blocks) {

        public Settings {
            InputException.require(x != null && !x.isBlank() && y != null && !y.isBlank(), "x and y: two column names are required");
            InputException.require(temperature > 0 && Double.isFinite(temperature), "temperature: expected > 0 K");
            InputException.require(blocks >= 2, "blocks: expected at least 2, got " + blocks);
        }
    }

    /** Between-state results; absent when no states apply to the axes. Delta F's error comes from {@code blocks} time blocks. */
    public record Transition(StatePair states, MinimumFreeEnergyPath.Path path, Reweighting.StateFreeEnergy deltaF, int blocks) {
    }

    /** The surface, the rows it used, how many fell inside the ranges, and the transition where states apply. */
    public record Result(Grid2D grid, double[] x, double[] y, int inside, Transition transition, double temperature) {

        /** File stem of the grid, e.g. free_energy_phi_psi. */
        public String stem() {
            return "free_energy_" + grid.x().name() + "_" + grid.y().name();
        }
    }

    private SurfaceAnalysis() {
    }

    /**
     * Computes the surface and, when states apply, the transition. {@code statesFile} null: the default states
     * (C7eq/C7ax) when they bound only these axes (phi/psi), else none; a given file must bound only these axes.
     */
    public static Result compute(CsvTable table, Settings s, Path statesFile) {
        boolean timed = table.hasColumn("time_ps");
        int[] rows = Reweighting.rowsFrom(table, timed ? s.skip() : 0, timed);
        double[] xs = Reweighting.select(table.column(s.x()), rows);
        double[] ys = Reweighting.select(table.column(s.y()), rows);
        boolean weighted = s.weights() != null && !s.weights().isBlank();
        double[] ws = weighted ? Reweighting.select(table.column(s.weights().strip()), rows) : null;
        Axis ax = FreeEnergy.axisFor(s.x(), s.xrange(), xs, s.bins());
        Axis ay = FreeEnergy.axisFor(s.y(), s.yrange(), ys, s.bins());
        Grid2D grid = FreeEnergy.surface(xs, ys, ws, ax, ay, s.temperature());
        StatePair states = statesOn(statesFile, ax, ay);
        Transition transition = null;
        if (states != null) {
            MinimumFreeEnergyPath.Path path = MinimumFreeEnergyPath.find(grid, states.a(), states.b());
            double[][] values = new double[xs.length][];
            for (int k = 0; k < xs.length; k++) {
                values[k] = new double[]{xs[k], ys[k]};
            }
            double[] w = ws;
            if (w == null) {
                w = new double[xs.length];
                Arrays.fill(w, 1);
            }
            Reweighting.StateFreeEnergy df = Reweighting.deltaF(values, w, List.of(ax.name(), ay.name()), states.a(),
                    states.b(), s.temperature(), s.blocks());
            transition = new Transition(states, path, df, s.blocks());
        }
        return new Result(grid, xs, ys, FreeEnergy.countInside(xs, ys, ax, ay), transition, s.temperature());
    }

    /** The states that apply to a surface over these axes (see {@link #compute}), or null. */
    static StatePair statesOn(Path file, Axis ax, Axis ay) {
        StatePair states = StatePair.readOrDefault(file);
        List<String> axes = List.of(ax.name(), ay.name());
        if (states.boundOnly(axes)) {
            return states;
        }
        InputException.require(file == null, "states: " + file + " bounds CVs " + states.a().cvNames() + " and "
                + states.b().cvNames() + " but the surface is over " + axes);
        return null;
    }

    /** Writes {@code <stem>.csv} and, with a transition, saddle.csv, path.csv and states.csv. */
    public static void writeTables(Result r, Path folder) {
        GridCsv.write(r.grid(), folder.resolve(r.stem() + ".csv"));
        Transition t = r.transition();
        if (t == null) {
            return;
        }
        Axis ax = r.grid().x(), ay = r.grid().y();
        MinimumFreeEnergyPath.Path path = t.path();
        Reweighting.StateFreeEnergy df = t.deltaF();
        String xColumn = CsvTable.header(ax.name(), ax.unit()), yColumn = CsvTable.header(ay.name(), ay.unit());
        CsvTable.write(folder.resolve("saddle.csv"), List.of(xColumn, yColumn, "F_kJmol",
                        "barrier_from_" + t.states().a().name() + "_kJmol", "barrier_from_" + t.states().b().name() + "_kJmol"),
                List.<double[]>of(new double[]{path.saddleX(), path.saddleY(), path.saddleF(), path.barrierFromA(), path.barrierFromB()}));
        List<double[]> pathRows = new ArrayList<>();
        for (int k = 0; k < path.x().length; k++) {
            pathRows.add(new double[]{path.x()[k], path.y()[k], path.f()[k]});
        }
        CsvTable.write(folder.resolve("path.csv"), List.of(xColumn, yColumn, "F_kJmol"), pathRows);
        CsvTable.write(folder.resolve("states.csv"), List.of("deltaF_B_minus_A_kJmol", "standard_error_kJmol",
                "population_A", "population_B", "blocks"), List.<double[]>of(new double[]{df.deltaF(), df.standardError(),
                df.populationA(), df.populationB(), t.blocks()}));
    }

    /**
     * The figure: F from 0 to {@code fmax} with contours every {@code contour} kJ/mol (0: none), the path, its ends and
     * saddle, and optionally points (x, y) in white.
     */
    public static SurfacePlot figure(Result r, double fmax, double contour, double[] pointsX, double[] pointsY) {
        Axis ax = r.grid().x(), ay = r.grid().y();
        SurfacePlot plot = new SurfacePlot(r.grid()).title(String.format(Locale.ROOT, "F(%s, %s), %.0f K", ax.name(),
                ay.name(), r.temperature())).range(0, fmax).contours(contour > 0 ? contour : Double.NaN);
        if (r.transition() != null) {
            MinimumFreeEnergyPath.Path path = r.transition().path();
            int last = path.x().length - 1;
            plot.path(path.x(), path.y()).marker(path.x()[0], path.y()[0], r.transition().states().a().name())
                    .marker(path.x()[last], path.y()[last], r.transition().states().b().name())
                    .marker(path.saddleX(), path.saddleY(), "saddle");
        }
        if (pointsX != null) {
            plot.points(pointsX, pointsY, Color.WHITE, "overlaid points");
        }
        return plot;
    }

    /** One line: rows inside the ranges and, with a transition, saddle, barriers and Delta F. */
    public static String summary(Result r) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d of %d rows inside the ranges", r.inside(),
                r.x().length));
        Transition t = r.transition();
        if (t != null) {
            MinimumFreeEnergyPath.Path path = t.path();
            String a = t.states().a().name(), b = t.states().b().name();
            text.append(String.format(Locale.ROOT, "; saddle (%.1f, %.1f) F = %.2f kJ/mol, barrier from %s %.2f, from %s %.2f kJ/mol;"
                            + " Delta F(%s - %s) = %.2f +- %.2f kJ/mol", path.saddleX(), path.saddleY(), path.saddleF(), a,
                    path.barrierFromA(), b, path.barrierFromB(), b, a, t.deltaF().deltaF(), t.deltaF().standardError()));
        }
        return text.toString();
    }
}

package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.StatePair;
import io.github.mdxai.figures.SurfacePlot;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.io.Frame;
import io.github.mdxai.io.Structures;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Transition-region sampling started from a metadynamics run: the centre is the saddle between two states on the
 * reweighted surface of two angle CVs ({@code bins} per axis over 360 degrees) unless given; sampling starts from the recorded frame
 * nearest to the centre ({@link TransitionRegionSampler}). Records the restrained CVs and the extra CVs the caller
 * names (nothing is added on its own), and for two dihedrals draws transition_region.png (the configurations over F).
 */
public final class TransitionRegionRun {

    /** Where sampling started: centre (interface units), frame index in the run, and the surface and path if searched. */
    public record Start(double[] centre, int frame, Grid2D surface, MinimumFreeEnergyPath.Path path) {
    }

    /** The start, the CVs recorded (restrained first) and the sampler's result. */
    public record Outcome(Start start, List<CollectiveVariable> recorded, TransitionRegionSampler.Result sample) {
    }

    /**
     * A second look at the saddle found on the surface: the centre of the sample is moved along the path (e.g. to
     * where the committor is 1/2, {@code committor.CommittorGuidedCentre}), since the highest bin of a flat, noisy
     * ridge is a fragile choice.
     */
    public interface Recentring {

        /**
         * The centre (interface units) for the sample, given the path between the states over the restrained CVs
         * (their COLVAR {@code columns}) and a way to sample restrained configurations around any centre; may write
         * its own record into {@code out}.
         */
        double[] centre(MinimumFreeEnergyPath.Path path, String[] columns, double temperature, Prober prober, Path out,
                        Progress progress);
    }

    /** Restrained configurations (positions, nm) around a centre, from the recorded frame nearest to it. */
    public interface Prober {

        /** {@code count} configurations around {@code centre}; {@code probe} numbers the probe (its random streams). */
        List<double[]> configurations(double[] centre, int count, long probe);
    }

    private TransitionRegionRun() {
    }

    /**
     * Samples around {@code settings.centre()} (null: the saddle between {@code states}) from the frames and COLVAR
     * of {@code metadynamics} (colvar.csv and frames.gro of {@link MetadynamicsRun}); COLVAR rows before {@code skip}
     * ps are left out of the surface. Writes into {@code out} what {@link TransitionRegionSampler#sample} writes.
     */
    public static Outcome run(Path metadynamics, Topology top, CollectiveVariable[] restrained, List<CollectiveVariable> extra,
                              StatePair states, double skip, int bins, TransitionRegionSampler.Settings settings,
                              Path out, Progress progress) {
        return run(metadynamics, top, restrained, extra, states, skip, bins, settings, null, out, progress);
    }

    /**
     * As above; without a given centre, {@code recentring} (null: none) moves the centre from the saddle before the
     * sample is taken. Writes centre.csv (the centre used, interface units) beside the sampler's files.
     */
    public static Outcome run(Path metadynamics, Topology top, CollectiveVariable[] restrained, List<CollectiveVariable> extra,
                              StatePair states, double skip, int bins, TransitionRegionSampler.Settings settings,
                              Recentring recentring, Path out, Progress progress) {
        Path colvarFile = metadynamics.resolve("colvar.csv");
        Path framesFile = metadynamics.resolve("frames.gro");
        InputException.require(Files.isRegularFile(colvarFile) && Files.isRegularFile(framesFile),
                "input: " + metadynamics + " must hold colvar.csv and frames.gro from Metadynamics");
        CsvTable colvar = CsvTable.read(colvarFile);
        Start start = locate(colvar, restrained, states, settings.centre(), settings.temperature(), skip, bins);
        List<Frame> frames = Structures.read(framesFile, top);
        InputException.require(frames.size() == colvar.rowCount(), "input: frames.gro has " + frames.size()
                + " frames but colvar.csv " + colvar.rowCount() + " rows");
        if (recentring != null && start.path() != null) {
            double[][] recordedCv = recordedCv(colvar, restrained);
            boolean[] periodic = periodic(restrained);
            Prober prober = (c, count, probe) -> TransitionRegionSampler.configurations(top,
                    frames.get(TransitionRegionSampler.nearest(recordedCv, c, periodic)).x(), restrained,
                    new TransitionRegionSampler.Settings(c, settings.kappa(), count, settings.stride(), settings.equilibration(),
                            settings.temperature(), settings.friction(), settings.dt(), Rng.mixSeed(settings.seed(), "tr-probe", probe),
                            settings.hBondConstraints()), progress.range(0, 0)); // cancellable; the bar waits for the sample
            double[] centre = recentring.centre(start.path(), columns(restrained), settings.temperature(), prober, out, progress);
            start = new Start(centre, TransitionRegionSampler.nearest(recordedCv, centre, periodic), start.surface(), start.path());
        }
        CsvTable.write(out.resolve("centre.csv"), List.of(columns(restrained)), List.<double[]>of(start.centre()));
        List<CollectiveVariable> recorded = new ArrayList<>(List.of(restrained));
        for (CollectiveVariable cv : extra) {
            if (recorded.stream().noneMatch(c -> c.name().equals(cv.name()))) {
                recorded.add(cv);
            }
        }
        progress.status("Sampling " + settings.count() + " transition-region configurations");
        TransitionRegionSampler.Result r = TransitionRegionSampler.sample(top, frames.get(start.frame()).x(), restrained,
                recorded.toArray(new CollectiveVariable[0]), settings.withCentre(start.centre()), out, progress);
        if (start.surface() != null && restrained[0].periodic() && restrained[1].periodic()) {
            figure(start, r, settings.count()).writePng(out.resolve("transition_region.png"));
        }
        return new Outcome(start, recorded, r);
    }

    /** The centre (given, or the saddle of the reweighted surface) and the COLVAR row nearest to it. */
    static Start locate(CsvTable colvar, CollectiveVariable[] restrained, StatePair states, double[] centre,
                        double temperature, double skip, int bins) {
        InputException.require(bins >= 4 && bins <= 3600, "bins: expected 4 to 3600 bins per axis, got " + bins);
        boolean[] periodic = periodic(restrained);
        Grid2D surface = null;
        MinimumFreeEnergyPath.Path path = null;
        double[] target = centre;
        if (target == null) {
            InputException.require(restrained.length == 2, "centre: give one value per CV; the saddle is only found for two CVs");
            Axis[] axes = new Axis[2];
            for (int k = 0; k < 2; k++) {
                InputException.require("deg".equals(restrained[k].interfaceUnit()),
                        "centre: the saddle search needs two angle CVs; give a centre for " + restrained[k].name());
                axes[k] = Axis.spanning(restrained[k].name(), "deg", -180, 180, bins);
            }
            surface = Reweighting.surface(colvar, restrained[0].column(), restrained[1].column(), axes[0], axes[1], temperature, skip);
            path = MinimumFreeEnergyPath.find(surface, states.a(), states.b());
            target = new double[]{path.saddleX(), path.saddleY()};
        }
        InputException.require(target.length == restrained.length, "centre: expected " + restrained.length
                + " numbers, one per restrained CV, got " + target.length);
        return new Start(target, TransitionRegionSampler.nearest(recordedCv(colvar, restrained), target, periodic), surface, path);
    }

    /** The restrained CVs of every COLVAR row (rows = frames). */
    private static double[][] recordedCv(CsvTable colvar, CollectiveVariable[] restrained) {
        double[][] values = new double[colvar.rowCount()][restrained.length];
        for (int k = 0; k < restrained.length; k++) {
            double[] col = colvar.column(restrained[k].column());
            for (int r = 0; r < col.length; r++) {
                values[r][k] = col[r];
            }
        }
        return values;
    }

    private static String[] columns(CollectiveVariable[] restrained) {
        String[] columns = new String[restrained.length];
        for (int k = 0; k < restrained.length; k++) {
            columns[k] = restrained[k].column();
        }
        return columns;
    }

    private static boolean[] periodic(CollectiveVariable[] restrained) {
        boolean[] periodic = new boolean[restrained.length];
        for (int k = 0; k < restrained.length; k++) {
            periodic[k] = restrained[k].periodic();
        }
        return periodic;
    }

    private static SurfacePlot figure(Start start, TransitionRegionSampler.Result r, int count) {
        double[] px = new double[count], py = new double[count];
        for (int k = 0; k < count; k++) {
            px[k] = r.cvValues()[k][0];
            py[k] = r.cvValues()[k][1];
        }
        MinimumFreeEnergyPath.Path path = start.path();
        SurfacePlot plot = new SurfacePlot(start.surface()).title(String.format(Locale.ROOT, "%d transition-region configurations", count))
                .range(0, 50).contours(5).points(px, py, Color.WHITE, "transition-region configurations").path(path.x(), path.y())
                .marker(path.saddleX(), path.saddleY(), "saddle");
        if (start.centre()[0] != path.saddleX() || start.centre()[1] != path.saddleY()) {
            plot.marker(start.centre()[0], start.centre()[1], "centre");
        }
        return plot;
    }

    /** One line: how many configurations around which centre, from which frame, the CVs recorded and their lag-1 autocorrelations. */
    public static String summary(Outcome o, int count) {
        StringBuilder lag = new StringBuilder();
        for (int k = 0; k < o.recorded().size(); k++) {
            lag.append(String.format(Locale.ROOT, " %s %.2f", o.recorded().get(k).name(), o.sample().lag1Autocorrelation()[k]));
        }
        List<String> names = o.recorded().stream().map(CollectiveVariable::name).toList();
        return String.format(Locale.ROOT, "%d configurations around %s from frame %d in %.1f s; recorded CVs %s;"
                        + " lag-1 autocorrelation%s", count, Arrays.toString(o.start().centre()), o.start().frame(),
                o.sample().wallSeconds(), String.join(" ", names), lag);
    }
}

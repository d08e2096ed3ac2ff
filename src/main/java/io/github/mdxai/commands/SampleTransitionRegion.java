package io.github.mdxai.commands;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.figures.SurfacePlot;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.io.Frame;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.io.Structures;
import io.github.mdxai.sampling.CvList;
import io.github.mdxai.sampling.MinimumFreeEnergyPath;
import io.github.mdxai.sampling.Reweighting;
import io.github.mdxai.sampling.TransitionRegionSampler;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.awt.Color;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Configurations near the transition state: finds the saddle between two states on the reweighted surface of a
 * Metadynamics folder (or takes a given centre), starts from the recorded frame nearest to it and runs Langevin MD
 * restrained around it, keeping {@code count} configurations {@code stride} steps apart (see
 * {@link TransitionRegionSampler}). Writes transition_configs.gro, transition_configs.csv and, for two angle CVs,
 * transition_region.png (the configurations over F).
 */
@Plugin(type = Command.class, menuPath = "Plugins>MD XAI>Sampling>Sample Transition Region",
        description = "Configurations around the saddle between two states, by restrained MD from a metadynamics run")
public class SampleTransitionRegion implements Command {

    @Parameter(label = "Metadynamics folder", style = "directory", persist = false,
            description = "output folder of Metadynamics: colvar.csv and frames.gro")
    private File input;

    @Parameter(label = "Topology (.top)", style = "file", persist = false)
    private File topology;

    @Parameter(label = "Restrained CVs", persist = false, description = "the CVs of the surface, e.g. 'phi psi'")
    private String cvs = "phi psi";

    @Parameter(label = "Centre (empty = saddle)", required = false, persist = false,
            description = "one value per restrained CV (deg or nm); empty: the saddle of the reweighted surface")
    private String centre = "";

    @Parameter(label = "States file (CSV, empty = C7eq/C7ax)", required = false, style = "file", persist = false,
            description = "state,cv,unit,min,max; the first two states are A and B")
    private File states;

    @Parameter(label = "Restraint kappa (kJ/mol/rad^2)", min = "0", persist = false,
            description = "force constant; spread about sqrt(kT/kappa) (per nm^2 for distances)")
    private double kappa = 200;

    @Parameter(label = "Configurations", min = "1", persist = false)
    private int count = 2000;

    @Parameter(label = "Stride (steps)", min = "1", persist = false, description = "steps between kept configurations")
    private long stride = 500;

    @Parameter(label = "Equilibration (steps)", min = "0", persist = false)
    private long equilibration = 10000;

    @Parameter(label = "Skip first (ps)", min = "0", persist = false, description = "COLVAR rows before this time are not used for the surface")
    private double skip = 1000;

    @Parameter(label = "Temperature (K)", min = "1", persist = false)
    private double temperature = 300;

    @Parameter(label = "Friction (1/ps)", min = "0", persist = false)
    private double friction = 1;

    @Parameter(label = "Time step (ps)", min = "0", persist = false)
    private double dt = 0.002;

    @Parameter(label = "Constraints", choices = {"h-bonds", "none"}, persist = false)
    private String constraints = "h-bonds";

    @Parameter(label = "Seed", persist = false)
    private long seed = 1;

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private StatusService statusService;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        InputException.require(input != null, "input: the Metadynamics output folder is required");
        InputException.require(topology != null, "topology: a .top file is required");
        InputException.require(out != null, "out: an output folder is required");
        String constraintMode = Choices.require("constraints", constraints, "none", "h-bonds");
        Path folder = input.toPath();
        Path colvarFile = folder.resolve("colvar.csv");
        Path framesFile = folder.resolve("frames.gro");
        InputException.require(Files.isRegularFile(colvarFile) && Files.isRegularFile(framesFile),
                "input: " + folder + " must hold colvar.csv and frames.gro from Metadynamics");
        Progress progress = HostProgress.of(statusService);
        Topology top = GromacsTopology.read(topology.toPath());
        CollectiveVariable[] restrained = CvList.parse(cvs, top.atomCount());
        CsvTable colvar = CsvTable.read(colvarFile);
        String[] columns = new String[restrained.length];
        boolean[] periodic = new boolean[restrained.length];
        for (int k = 0; k < restrained.length; k++) {
            columns[k] = CvList.column(restrained[k]);
            periodic[k] = restrained[k].periodic();
        }
        Grid2D surface = null;
        MinimumFreeEnergyPath.Path path = null;
        double[] target;
        if (centre == null || centre.isBlank()) {
            InputException.require(restrained.length == 2, "centre: give one value per CV; the saddle is only found for two CVs");
            surface = surface(colvar, restrained, columns);
            List<StateRegion> regions = states == null ? List.of(StateRegion.c7eq(), StateRegion.c7ax()) : StateRegion.read(states.toPath());
            InputException.require(regions.size() >= 2, "states: the file must define two states");
            InputException.require(!regions.get(0).overlaps(regions.get(1)), "states " + regions.get(0).name() + " and "
                    + regions.get(1).name() + " overlap");
            path = MinimumFreeEnergyPath.find(surface, regions.get(0), regions.get(1));
            target = new double[]{path.saddleX(), path.saddleY()};
        } else {
            target = numbers(centre, restrained.length);
        }
        double[][] recordedCv = new double[colvar.rowCount()][restrained.length];
        for (int k = 0; k < restrained.length; k++) {
            double[] col = colvar.column(columns[k]);
            for (int r = 0; r < col.length; r++) {
                recordedCv[r][k] = col[r];
            }
        }
        int nearest = TransitionRegionSampler.nearest(recordedCv, target, periodic);
        List<Frame> frames = Structures.read(framesFile, top);
        InputException.require(frames.size() == colvar.rowCount(), "input: frames.gro has " + frames.size()
                + " frames but colvar.csv " + colvar.rowCount() + " rows");
        List<CollectiveVariable> recorded = new java.util.ArrayList<>(List.of(restrained));
        if (recorded.stream().noneMatch(c -> c.name().equals("theta")) && top.atomCount() >= 9) {
            recorded.addAll(List.of(CvList.parse("theta", top.atomCount())));
        }
        TransitionRegionSampler.Settings settings = new TransitionRegionSampler.Settings(target, kappa, count, stride,
                equilibration, temperature, friction, dt, seed, constraintMode.equals("h-bonds"));
        progress.status("Sampling " + count + " transition-region configurations");
        TransitionRegionSampler.Result r = TransitionRegionSampler.sample(top, frames.get(nearest).x(), restrained,
                recorded.toArray(new CollectiveVariable[0]), settings, out.toPath(), progress);
        if (surface != null && periodic[0] && periodic[1]) {
            double[] px = new double[count], py = new double[count];
            for (int k = 0; k < count; k++) {
                px[k] = r.cvValues()[k][0];
                py[k] = r.cvValues()[k][1];
            }
            new SurfacePlot(surface).title(String.format(Locale.ROOT, "%d transition-region configurations", count))
                    .range(0, 50).contours(5).points(px, py, Color.WHITE).path(path.x(), path.y())
                    .marker(path.saddleX(), path.saddleY(), "saddle").writePng(out.toPath().resolve("transition_region.png"));
        }
        StringBuilder lag = new StringBuilder();
        for (int k = 0; k < recorded.size(); k++) {
            lag.append(String.format(Locale.ROOT, " %s %.2f", recorded.get(k).name(), r.lag1Autocorrelation()[k]));
        }
        summary = String.format(Locale.ROOT, "Sample Transition Region: %d configurations around %s from frame %d in %.1f s;"
                + " lag-1 autocorrelation%s; wrote transition_configs.gro/.csv to %s", count, java.util.Arrays.toString(target),
                nearest, r.wallSeconds(), lag, out);
        progress.status(summary);
        if (log != null) {
            log.info(summary);
        }
    }

    private Grid2D surface(CsvTable colvar, CollectiveVariable[] cv, String[] columns) {
        Axis[] axes = new Axis[2];
        for (int k = 0; k < 2; k++) {
            InputException.require("deg".equals(CvList.interfaceUnit(cv[k])), "centre: the saddle search needs two angle CVs; give a centre for " + cv[k].name());
            axes[k] = Axis.spanning(cv[k].name(), "deg", -180, 180, 60);
        }
        return Reweighting.surface(colvar, columns[0], columns[1], axes[0], axes[1], temperature, skip);
    }

    private static double[] numbers(String text, int count) {
        String[] parts = text.strip().split("[\\s,;]+");
        InputException.require(parts.length == count, "centre: expected " + count + " numbers, got '" + text + "'");
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            try {
                v[k] = Double.parseDouble(parts[k]);
            } catch (NumberFormatException e) {
                throw new InputException("centre: '" + parts[k] + "' is not a number");
            }
            InputException.require(Double.isFinite(v[k]), "centre: values must be finite");
        }
        return v;
    }
}

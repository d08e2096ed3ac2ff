package io.github.mdxai.commands;

import io.github.mdxai.committor.CommittorGuidedCentre;
import io.github.mdxai.committor.CommittorStates;
import io.github.mdxai.committor.ShootingParameters;
import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.cv.StatePair;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.sampling.TransitionRegionRun;
import io.github.mdxai.sampling.TransitionRegionSampler;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;

/**
 * Configurations near the transition state: finds the saddle between two states on the reweighted surface of a
 * Metadynamics folder (or takes a given centre), by default moves it along the path to where probes' shots give
 * p_B = 1/2 ({@link CommittorGuidedCentre}, centre_search.csv), starts from the recorded frame nearest to it and runs Langevin MD
 * restrained around it, keeping {@code count} configurations {@code stride} steps apart (see
 * {@link TransitionRegionSampler}). Writes transition_configs.gro, transition_configs.csv and, for two angle CVs,
 * transition_region.png (the configurations over F) and centre.csv (the centre used).
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Sampling", weight = Menus.SAMPLING), @Menu(label = "Sample Transition Region", weight = 3)},
        description = "Configurations around the saddle between two states, by restrained MD from a metadynamics run")
public class SampleTransitionRegion implements Command {

    /** Restrained configurations per probe of committor centring: with 10 shots each, p_B of a probe to about +-0.1. */
    static final int PROBE_CONFIGURATIONS = 10;

    @Parameter(label = "Metadynamics folder", style = "directory", persist = false,
            description = "output folder of Metadynamics: colvar.csv and frames.gro")
    private File input;

    @Parameter(label = "Topology (.top)", style = "file", persist = false)
    private File topology;

    @Parameter(label = "Restrained CVs", persist = false, description = "the CVs of the surface, e.g. 'phi psi'")
    private String cvs = "phi psi";

    @Parameter(label = "Also recorded CVs", required = false, persist = false,
            description = "CVs written beside the restrained ones in transition_configs.csv, e.g. 'theta'; empty: none")
    private String record = "theta";

    @Parameter(label = "Centre (empty = saddle)", required = false, persist = false,
            description = "one value per restrained CV (deg or nm); empty: the saddle of the reweighted surface")
    private String centre = "";

    @Parameter(label = "Centre by (when none is given)", choices = {"committor", "saddle"}, persist = false,
            description = "committor: probes along the path shoot to where p_B = 1/2; saddle: the path's highest bin")
    private String centring = "committor";

    @Parameter(label = "Shots per probe configuration", min = "1", persist = false,
            description = "committor centring: each probe shoots this often from each of its "
                    + PROBE_CONFIGURATIONS + " restrained configurations")
    private int shots = 10;

    @Parameter(label = "Maximum shot length (ps)", min = "0", persist = false,
            description = "committor centring: a shot that enters neither state by then is undecided")
    private double tmax = 1.0;

    @Parameter(label = "Threads", min = "1", persist = false, description = "for the probes' shots; results do not depend on it")
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(label = "States file (CSV, empty = C7eq/C7ax)", required = false, style = "file", persist = false,
            description = "state,cv,unit,min,max; two states, the first is A")
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

    @Parameter(label = "Surface bins per axis", min = "4", max = "3600", persist = false,
            description = "bins over 360 degrees of the reweighted surface whose saddle is the centre (when no centre is given)")
    private int bins = 60;

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
        boolean byCommittor = Choices.require("centring", centring, "committor", "saddle").equals("committor");
        Progress progress = HostProgress.of(statusService);
        Topology top = GromacsTopology.read(topology.toPath());
        CollectiveVariable[] restrained = CollectiveVariables.parseAtLeastOne(cvs, top.atomCount());
        double[] target = centre == null || centre.isBlank() ? null : numbers(centre, restrained.length);
        TransitionRegionSampler.Settings settings = new TransitionRegionSampler.Settings(target, kappa, count, stride,
                equilibration, temperature, friction, dt, seed, constraintMode.equals("h-bonds"));
        StatePair pair = StatePair.readOrDefault(states == null ? null : states.toPath());
        // the probes shoot with Compute Committors' default dynamics (Langevin 1/ps, 1 fs, no constraints)
        ShootingParameters d = ShootingParameters.defaults(seed);
        TransitionRegionRun.Recentring recentring = byCommittor ? new CommittorGuidedCentre(top, new CommittorStates(pair),
                new ShootingParameters(shots, tmax, temperature, seed, d.dynamics(), d.friction(), d.dt(), d.constraints(),
                        d.checkEvery()), PROBE_CONFIGURATIONS, threads) : null;
        TransitionRegionRun.Outcome o = TransitionRegionRun.run(input.toPath(), top, restrained,
                CollectiveVariables.parse(record, top.atomCount()), pair, skip, bins, settings, recentring, out.toPath(), progress);
        summary = "Sample Transition Region: " + TransitionRegionRun.summary(o, count) + "; wrote transition_configs.gro/.csv to " + out;
        progress.status(summary);
        if (log != null) {
            log.info(summary);
        }
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

package io.github.mdxai.commands;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.io.Frame;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.io.Structures;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.sampling.MetadynamicsRun;
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
import java.nio.file.Path;
import java.util.Locale;

/**
 * Well-tempered metadynamics on one or two CVs with Langevin dynamics; writes colvar.csv (CVs in degrees or nm, bias,
 * c(t) and the reweighting weight per frame, optionally the non-bonded distances), hills.csv, frames.gro and
 * bias.csv into the output folder. See {@link MetadynamicsRun}.
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Molecules", weight = Menus.MOLECULES), @Menu(label = "Metadynamics", weight = 3)},
        description = "Well-tempered metadynamics on 1-2 collective variables, with reweighting weights per frame")
public class RunMetadynamics implements Command {

    @Parameter(label = "Structure (.gro/.pdb)", description = "Starting coordinates (first frame)", style = "file", persist = false)
    private File structure;

    @Parameter(label = "Topology (.top)", description = "GROMACS topology", style = "file", persist = false)
    private File topology;

    @Parameter(label = "Biased CVs", description = "one or two of phi, psi, theta, rI-J, angleI-J-K, dihedralI-J-K-L (1-based atoms)",
            persist = false)
    private String cvs = "phi psi";

    @Parameter(label = "Recorded CVs", required = false, persist = false,
            description = "more CVs written to colvar.csv besides the biased ones, e.g. 'theta'")
    private String record = "phi psi theta";

    @Parameter(label = "Temperature (K)", min = "1", persist = false)
    private double temperature = 300;

    @Parameter(label = "Friction (1/ps)", min = "0", persist = false, description = "Langevin friction gamma")
    private double friction = 1;

    @Parameter(label = "Time step (ps)", min = "0", persist = false, description = "0.002 with h-bonds constraints")
    private double dt = 0.002;

    @Parameter(label = "Constraints", choices = {"h-bonds", "none"}, persist = false,
            description = "h-bonds: bonds to hydrogen fixed by SHAKE/RATTLE")
    private String constraints = "h-bonds";

    @Parameter(label = "Steps", min = "0", persist = false)
    private long steps = 2_500_000;

    @Parameter(label = "Hill pace (steps)", min = "1", persist = false, description = "steps between Gaussian hills")
    private long pace = 500;

    @Parameter(label = "Hill height (kJ/mol)", min = "0", persist = false, description = "initial height w0")
    private double height = 1.2;

    @Parameter(label = "Hill width (deg or nm)", persist = false,
            description = "one width per biased CV, or one for all, e.g. '20' (deg for angles, nm for distances)")
    private String sigma = "20";

    @Parameter(label = "Bias factor", min = "1", persist = false, description = "gamma = (T + DeltaT) / T, > 1")
    private double biasfactor = 6;

    @Parameter(label = "Report interval (steps)", min = "1", persist = false, description = "steps between colvar rows and frames")
    private long interval = 250;

    @Parameter(label = "Record all non-bonded pair distances", persist = false,
            description = "add every non-bonded interatomic distance r(i)-(j)_nm to colvar.csv")
    private boolean distances = true;

    @Parameter(label = "Seed", persist = false, description = "seed of velocities and Langevin noise")
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
        InputException.require(structure != null, "structure: a .gro or .pdb file is required");
        InputException.require(topology != null, "topology: a .top file is required");
        InputException.require(out != null, "out: an output folder is required");
        String constraintMode = Choices.require("constraints", constraints, "none", "h-bonds");
        Progress progress = HostProgress.of(statusService);
        Topology top = GromacsTopology.read(topology.toPath());
        Frame first = Structures.read(structure.toPath(), top).get(0);
        CollectiveVariable[] biased = CollectiveVariables.parseAtLeastOne(cvs, top.atomCount());
        InputException.require(biased.length <= 2, "cvs: metadynamics biases one or two CVs, got " + biased.length);
        CollectiveVariable[] recorded = CollectiveVariables.parse(record, top.atomCount()).toArray(new CollectiveVariable[0]);
        MetadynamicsRun.Settings settings = new MetadynamicsRun.Settings(temperature, friction, dt, steps, pace, height,
                widths(sigma, biased.length), biasfactor, seed, interval, constraintMode.equals("h-bonds"), distances);
        Path folder = out.toPath();
        progress.status("Metadynamics: " + steps + " steps");
        MetadynamicsRun.Result r = MetadynamicsRun.run(top, first.x(), biased, recorded, settings, folder, progress);
        summary = String.format(Locale.ROOT, "Metadynamics: %.1f ps, %d hills, %.1f s wall; wrote colvar.csv, hills.csv, frames.gro%s to %s",
                r.timePs(), r.hills(), r.wallSeconds(), biased.length == 2 ? ", bias.csv" : "", folder);
        progress.status(summary);
        if (log != null) {
            log.info(summary);
        }
    }

    /** One width per CV, or one width for all. */
    static double[] widths(String text, int count) {
        InputException.require(text != null && !text.isBlank(), "sigma: expected a hill width such as 20");
        String[] parts = text.strip().split("[\\s,;]+");
        InputException.require(parts.length == 1 || parts.length == count,
                "sigma: expected 1 or " + count + " widths, got " + parts.length + " ('" + text + "')");
        double[] w = new double[count];
        for (int k = 0; k < count; k++) {
            String p = parts[parts.length == 1 ? 0 : k];
            try {
                w[k] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new InputException("sigma: '" + p + "' is not a number");
            }
            InputException.require(w[k] > 0 && Double.isFinite(w[k]), "sigma: widths must be > 0, got " + p);
        }
        return w;
    }
}

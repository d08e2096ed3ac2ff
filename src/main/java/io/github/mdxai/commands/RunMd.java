package io.github.mdxai.commands;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.molecules.Constraints;
import io.github.mdxai.molecules.CsvReporter;
import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.GroReporter;
import io.github.mdxai.molecules.Integrator;
import io.github.mdxai.molecules.LangevinBaoab;
import io.github.mdxai.molecules.Simulation;
import io.github.mdxai.molecules.State;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.molecules.VelocityVerlet;
import io.github.mdxai.molecules.Velocities;
import io.github.mdxai.io.Frame;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.io.Structures;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Molecular dynamics in vacuum from a structure and a GROMACS topology: writes trajectory.gro (every interval steps),
 * energies.csv (time, energy terms, temperature, CVs) and final.gro (last state, 6 decimals, with velocities) into
 * the output folder. Velocities come from the structure when it has them, else from Maxwell-Boltzmann at the
 * temperature with the seed.
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Molecules", weight = Menus.MOLECULES), @Menu(label = "Run MD", weight = 2)})
public class RunMd implements Command {

    @Parameter(label = "Structure (.gro/.pdb)", description = "Starting coordinates (first frame)", style = "file",
            persist = false)
    private File structure;

    @Parameter(label = "Topology (.top)", description = "GROMACS topology", style = "file", persist = false)
    private File topology;

    @Parameter(label = "Integrator", choices = {"langevin", "nve"}, persist = false,
            description = "langevin: BAOAB at the temperature with the friction; nve: velocity Verlet")
    private String integrator = "langevin";

    @Parameter(label = "Temperature (K)", min = "0", persist = false,
            description = "Thermostat temperature, and the temperature of generated velocities")
    private double temperature = 300;

    @Parameter(label = "Friction (1/ps)", min = "0", persist = false, description = "Langevin friction gamma")
    private double friction = 1;

    @Parameter(label = "Time step (ps)", min = "0", persist = false, description = "e.g. 0.001 (0.002 with h-bonds)")
    private double dt = 0.001;

    @Parameter(label = "Steps", min = "0", persist = false)
    private long steps = 1000;

    @Parameter(label = "Seed", persist = false, description = "Seed of velocities and Langevin noise")
    private long seed = 1;

    @Parameter(label = "Constraints", choices = {"none", "h-bonds"}, persist = false,
            description = "h-bonds: bonds to hydrogen fixed at b0 by SHAKE/RATTLE")
    private String constraints = "none";

    @Parameter(label = "Report interval (steps)", min = "1", persist = false,
            description = "Steps between trajectory frames and energy rows")
    private long interval = 100;

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(label = "Collective variables", required = false, persist = false,
            description = "For energies.csv, e.g. 'phi psi r6-10' (1-based atoms); empty: none")
    private String cvs = "";

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        InputException.require(structure != null, "structure: a .gro or .pdb file is required");
        InputException.require(topology != null, "topology: a .top file is required");
        InputException.require(out != null, "out: an output folder is required");
        String method = Choices.require("integrator", integrator, "langevin", "nve");
        String constraintMode = Choices.require("constraints", constraints, "none", "h-bonds");
        InputException.require(temperature >= 0 && Double.isFinite(temperature), "temperature: expected >= 0 K, got " + temperature);
        InputException.require(friction >= 0 && Double.isFinite(friction), "friction: expected >= 0 1/ps, got " + friction);
        InputException.require(dt > 0 && dt <= 0.01, "dt: expected a time step in (0, 0.01] ps, got " + dt);
        InputException.require(steps >= 0, "steps: expected >= 0, got " + steps);
        InputException.require(interval >= 1, "interval: expected >= 1 step, got " + interval);

        Progress progress = HostProgress.of(statusService);
        progress.status("Reading topology");
        Topology top = GromacsTopology.read(topology.toPath());
        Frame first = Structures.read(structure.toPath(), top).get(0);
        List<CollectiveVariable> variables = CollectiveVariables.parse(cvs, top.atomCount());
        ForceField ff = ForceField.of(top);
        Constraints c = Constraints.of(top, constraintMode.equals("h-bonds"));
        Integrator md = method.equals("langevin")
                ? new LangevinBaoab(ff, top.masses(), temperature, friction, dt, c)
                : new VelocityVerlet(ff, top.masses(), dt, c);
        State state = new State(first.x(), first.v());
        if (first.v() == null) {
            Velocities.maxwellBoltzmann(top.masses(), temperature, Rng.stream(seed, "velocities"), state.v);
        }
        Path folder = out.toPath();
        progress.status("Running " + steps + " steps of " + method);
        AtomicFiles.writeText(folder.resolve("trajectory.gro"), traj ->
                AtomicFiles.writeText(folder.resolve("energies.csv"), csv ->
                        Simulation.run(md, state, steps, interval,
                                List.of(new GroReporter(traj, top, 3, first.box()), new CsvReporter(csv, ff, variables)),
                                Rng.stream(seed, "langevin"), progress)));
        GroFile.write(folder.resolve("final.gro"), top, List.of(top.title() + " t= " + state.time),
                List.of(state.x), List.of(state.v), first.box(), 6);
        progress.status("MD done: " + steps + " steps, t = " + state.time + " ps, output in " + folder);
    }
}

package io.github.mdxai.commands;

import io.github.mdxai.io.ParticleFiles;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.particles.LiquidProtocol;
import io.github.mdxai.particles.ParticleModel;
import io.github.mdxai.particles.ParticleModels;
import io.github.mdxai.particles.StateParameter;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.util.List;

/**
 * Prepares an equilibrium liquid of a particle model (the Bernu-Hansen soft spheres by default; lattice, melt at
 * T = 5, equilibration with the Bussi thermostat) and runs NVE production, writing trajectory.xyz, thermo.csv,
 * final.data, summary.csv and (log-spaced frames for F_s) dynamics.xyz; optionally continues from a given configuration.
 */
@Plugin(type = Command.class, initializer = "listModels", menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Particles & Glasses", weight = Menus.PARTICLES), @Menu(label = "Simulate Soft-Sphere Liquid", weight = 2)})
public class SimulateSoftSphereLiquid extends DynamicCommand {

    @Parameter(label = "Model", persist = false,
            description = "particle model: soft-sphere (Bernu-Hansen, 50:50) or kob-andersen (Kob-Andersen LJ, 80:20)")
    private String model = "soft-sphere";

    @Parameter(label = "Particles", min = "2", persist = false, description = "number of particles, split by the model's fractions")
    private int n = 1000;

    @Parameter(label = "Number density (sigma^-3, 0 = the model's)", min = "0", max = "3", persist = false,
            description = "N/V in units of sigma_AA^-3; 0 takes the model's (0.8 Bernu-Hansen, 1.2 Kob-Andersen)")
    private double density = 0;

    @Parameter(label = "Coupling Gamma (dimensionless; or give a temperature)", min = "0", required = false,
            persist = false, description = "soft spheres: coupling n sigma_eff^3 / T^(1/4); sets T = (n sigma_eff^3 / Gamma)^4."
            + " Give Gamma or T, not both (empty or 0 = not given)")
    private Double gamma;

    @Parameter(label = "Temperature (epsilon/kB; or give Gamma)", min = "0", required = false, persist = false,
            description = "target temperature in reduced units (empty or 0 = not given)")
    private Double temperature;

    @Parameter(label = "Time step (tau)", min = "0.0001", max = "0.02", persist = false,
            description = "MD time step in tau = sigma sqrt(m_A/eps); 0.005 as in the LAMMPS reference")
    private double dt = 0.005;

    @Parameter(label = "Equilibration (steps)", min = "0", persist = false,
            description = "NVT steps at the target T after melting; choose at least ~10 tau_alpha")
    private long equilibration = 20000;

    @Parameter(label = "Production (steps)", min = "0", persist = false, description = "NVE steps written to the trajectory")
    private long production = 20000;

    @Parameter(label = "Snapshot interval (steps)", min = "1", persist = false, description = "steps between saved frames")
    private long interval = 200;

    @Parameter(label = "Random seed", persist = false, description = "seed of species placement, velocities and thermostat")
    private long seed = 1;

    @Parameter(label = "Start configuration (optional; empty = melt a lattice)", style = "file", required = false,
            persist = false, description = "LAMMPS data, dump or extended XYZ (last frame) with the same particles and density,"
            + " e.g. final.data of a warmer run: skips the melt, so a cooling ladder continues from the previous state")
    private File start;

    @Parameter(label = "Time origins of log-spaced frames (dynamics.xyz; 0 = none)", min = "0", max = "64", persist = false,
            description = "production time origins, each followed by frames at lags growing 1.35x from one step, so"
            + " Relaxation Dynamics samples F_s(k,t) from far below tau_alpha")
    private int dynamics_origins = 4;

    @Parameter(label = "Threads", min = "1", max = "256", persist = false,
            description = "threads for the force loop; results do not depend on it")
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter
    private StatusService statusService;

    /** The dialog offers every model of the registry. */
    protected void listModels() {
        getInfo().getMutableInput("model", String.class).setChoices(ParticleModels.keys());
    }

    @Override
    public void run() {
        Progress p = HostProgress.of(statusService);
        InputException.require(out != null, "out: choose an output folder");
        ParticleModel m = ParticleModels.byKey(model);
        double g = gamma == null ? 0 : gamma;
        double temp = temperature == null ? 0 : temperature;
        InputException.require(Double.isFinite(g) && Double.isFinite(temp) && Double.isFinite(density),
                "gamma, temperature and density must be finite");
        InputException.require((g > 0) != (temp > 0),
                "give either gamma (> 0) or temperature (> 0), not both and not neither");
        InputException.require(density >= 0, "density must be > 0, or 0 for the model's, was " + density);
        StateParameter state = m.stateParameter();
        InputException.require(g == 0 || state != StateParameter.TEMPERATURE,
                "gamma: the " + m.name() + " is set by its temperature, not by Gamma_eff");
        double n0 = density > 0 ? density : m.density();
        double t = temp > 0 ? temp : state.temperature(g, n0);
        Configuration first = null;
        if (start != null) {
            List<Configuration> frames = ParticleFiles.read(start.toPath());
            first = frames.get(frames.size() - 1);
        }
        try {
            LiquidProtocol.run(new LiquidProtocol.Parameters(m, n, n0, t, dt, equilibration, production, interval,
                    seed, threads, first, dynamics_origins), out.toPath(), p);
        } catch (InputException e) {
            throw start == null ? e : new InputException(start + ": " + e.getMessage());
        }
        p.status(m.name() + " liquid: done");
    }
}

package io.github.mdxai.commands;

import io.github.mdxai.particles.SoftSphereLiquid;
import io.github.mdxai.particles.SoftSphereMixture;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;

/**
 * Prepares an equilibrium Bernu-Hansen liquid (lattice, melt at T = 5, equilibration with the Bussi thermostat)
 * and runs NVE production, writing trajectory.xyz, thermo.csv, final.data and summary.csv.
 */
@Plugin(type = Command.class, menuPath = "Plugins>MD XAI>Particles & Glasses>Simulate Soft-Sphere Liquid")
public class SimulateSoftSphereLiquid implements Command {

    @Parameter(label = "Particles", min = "2", persist = false, description = "number of particles, half A, half B")
    private int n = 1000;

    @Parameter(label = "Number density (sigma^-3)", min = "0.01", max = "3", persist = false,
            description = "N/V in units of sigma_AA^-3 (0.8 in the Bernu-Hansen studies)")
    private double density = 0.8;

    @Parameter(label = "Coupling Gamma (dimensionless; 0 = use temperature)", min = "0", persist = false,
            description = "coupling n sigma_eff^3 / T^(1/4); sets T = (n sigma_eff^3 / Gamma)^4. Give Gamma or T, not both")
    private double gamma = 1.0;

    @Parameter(label = "Temperature (epsilon/kB; 0 = use Gamma)", min = "0", persist = false,
            description = "target temperature in reduced units")
    private double temperature = 0;

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

    @Parameter(label = "Threads", min = "1", max = "256", persist = false,
            description = "threads for the force loop; results do not depend on it")
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        Progress p = HostProgress.of(statusService);
        InputException.require(out != null, "out: choose an output folder");
        InputException.require((gamma > 0) != (temperature > 0),
                "give either gamma (> 0) or temperature (> 0), not both and not neither");
        InputException.require(Double.isFinite(gamma) && Double.isFinite(temperature), "gamma and temperature must be finite");
        SoftSphereMixture model = SoftSphereMixture.BERNU_HANSEN;
        double t = temperature > 0 ? temperature : model.temperature(gamma, density);
        SoftSphereLiquid.run(new SoftSphereLiquid.Parameters(model, n, density, t, dt, equilibration, production, interval,
                seed, threads), out.toPath(), p);
        p.status("soft-sphere liquid: done");
    }
}

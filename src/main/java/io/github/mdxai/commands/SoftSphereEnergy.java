package io.github.mdxai.commands;

import io.github.mdxai.io.ParticleFiles;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.particles.ParticleModel;
import io.github.mdxai.particles.ParticleModels;
import io.github.mdxai.particles.SinglePoint;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Potential energy, pressure and forces of particle configurations (reduced LJ units) under a particle model: the
 * Bernu-Hansen soft spheres by default, or another model of {@link ParticleModels}.
 */
@Plugin(type = Command.class, initializer = "listModels", menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Particles & Glasses", weight = Menus.PARTICLES), @Menu(label = "Soft-Sphere Energy", weight = 1)})
public class SoftSphereEnergy extends DynamicCommand {

    @Parameter(label = "Configuration (LAMMPS data, dump or extended XYZ)", style = "file", persist = false,
            description = "configuration(s), format recognised by content; type 1 = A, type 2 = B of the model")
    private File input;

    @Parameter(label = "Model", persist = false,
            description = "particle model: soft-sphere (Bernu-Hansen, sigma_B 1.2, m_B 2) or kob-andersen (LJ 80:20)")
    private String model = "soft-sphere";

    @Parameter(label = "Output CSV", style = "save", persist = false,
            description = "one row per frame: n, pe_per_atom_eps, pressure_virial_eps_per_sigma3, pressure_total_eps_per_sigma3, temperature_eps_per_kB (reduced units)")
    private File out;

    @Parameter(label = "Forces CSV (optional)", style = "save", required = false, persist = false,
            description = "id,fx,fy,fz of a single-frame input (eps/sigma)")
    private File forces;

    @Parameter
    private StatusService statusService;

    /** The dialog offers every model of the registry. */
    protected void listModels() {
        getInfo().getMutableInput("model", String.class).setChoices(ParticleModels.keys());
    }

    @Override
    public void run() {
        Progress p = HostProgress.of(statusService);
        InputException.require(input != null, "input: choose a configuration file");
        InputException.require(out != null, "out: choose an output CSV file");
        ParticleModel chosen = ParticleModels.byKey(model);
        Path in = input.toPath();
        ParticleFiles.Contents contents = ParticleFiles.readContents(in);
        List<Configuration> frames = contents.frames();
        InputException.require(forces == null || frames.size() == 1,
                "forces: the input has " + frames.size() + " frames; forces are written for single-frame inputs only");
        List<SinglePoint.Result> results = SinglePoint.evaluateFrames(in, frames, contents.masses(), chosen, p);
        List<double[]> rows = new ArrayList<>();
        for (SinglePoint.Result r : results) {
            rows.add(new double[]{r.n(), r.potentialEnergyPerAtom(), r.virialPressure(), r.pressure(), r.temperature()});
        }
        CsvTable.write(out.toPath(), List.of("n", "pe_per_atom_eps", "pressure_virial_eps_per_sigma3", "pressure_total_eps_per_sigma3", "temperature_eps_per_kB"), rows);
        if (forces != null) {
            Configuration c = frames.get(0);
            double[] f = results.get(0).forces();
            AtomicFiles.writeText(forces.toPath(), w -> {
                CsvTable.writeRow(w, List.of("id", "fx_eps_per_sigma", "fy_eps_per_sigma", "fz_eps_per_sigma"));
                for (int i = 0; i < c.size(); i++) {
                    CsvTable.writeRow(w, List.of(Integer.toString(c.ids()[i]), Double.toString(f[3 * i]),
                            Double.toString(f[3 * i + 1]), Double.toString(f[3 * i + 2])));
                }
            });
        }
        p.status(chosen.name() + " energy: done");
    }
}

package io.github.mdxai.commands;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.particles.SinglePoint;
import io.github.mdxai.particles.SoftSphereMixture;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Potential energy, pressure and forces of Bernu-Hansen soft-sphere configurations (reduced LJ units). */
@Plugin(type = Command.class, menuPath = "Plugins>MD XAI>Particles & Glasses>Soft-Sphere Energy")
public class SoftSphereEnergy implements Command {

    @Parameter(label = "Configuration (LAMMPS data, dump or extended XYZ)", style = "file", persist = false,
            description = "Bernu-Hansen configuration(s): type 1 = A (sigma 1, mass 1), type 2 = B (sigma 1.2, mass 2)")
    private File input;

    @Parameter(label = "Output CSV", style = "save", persist = false,
            description = "one row per frame: n, pe_per_atom, pressure_virial, pressure_total, temperature")
    private File out;

    @Parameter(label = "Forces CSV (optional)", style = "save", required = false, persist = false,
            description = "id,fx,fy,fz of a single-frame input (eps/sigma)")
    private File forces;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        Progress p = HostProgress.of(statusService);
        InputException.require(input != null, "input: choose a configuration file");
        InputException.require(out != null, "out: choose an output CSV file");
        Path in = input.toPath();
        List<Configuration> frames = SoftSphereFiles.read(in);
        InputException.require(forces == null || frames.size() == 1,
                "forces: the input has " + frames.size() + " frames; forces are written for single-frame inputs only");
        SoftSphereMixture model = SoftSphereMixture.BERNU_HANSEN;
        checkMasses(in, model);
        List<double[]> rows = new ArrayList<>();
        SinglePoint.Result last = null;
        for (int m = 0; m < frames.size(); m++) {
            p.checkCancelled();
            p.status(String.format(Locale.ROOT, "soft-sphere energy: frame %d of %d", m + 1, frames.size()));
            Configuration c = frames.get(m);
            try {
                last = SinglePoint.evaluate(c, model.potential(), model.masses(), 1);
            } catch (InputException e) {
                throw new InputException(in + (frames.size() > 1 ? " (frame " + (m + 1) + ")" : "") + ": " + e.getMessage());
            }
            rows.add(new double[]{last.n(), last.potentialEnergyPerAtom(), last.virialPressure(), last.pressure(),
                    last.temperature()});
            p.fraction((m + 1.0) / frames.size());
        }
        CsvTable.write(out.toPath(), List.of("n", "pe_per_atom", "pressure_virial", "pressure_total", "temperature"), rows);
        if (forces != null) {
            Configuration c = frames.get(0);
            double[] f = last.forces();
            AtomicFiles.writeText(forces.toPath(), w -> {
                CsvTable.writeRow(w, List.of("id", "fx", "fy", "fz"));
                for (int i = 0; i < c.size(); i++) {
                    CsvTable.writeRow(w, List.of(Integer.toString(c.ids()[i]), Double.toString(f[3 * i]),
                            Double.toString(f[3 * i + 1]), Double.toString(f[3 * i + 2])));
                }
            });
        }
        p.status("soft-sphere energy: done");
    }

    /** A data file whose Masses disagree with the model would give a wrong temperature: refuse it. */
    private static void checkMasses(Path in, SoftSphereMixture model) {
        String name = in.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".data") || name.endsWith(".lmp") || name.startsWith("data."))) {
            return;
        }
        double[] masses = LammpsData.readWithMasses(in).masses();
        for (int t = 0; t < masses.length && t < model.masses().length; t++) {
            if (!Double.isNaN(masses[t]) && Math.abs(masses[t] - model.masses()[t]) > 1e-12) {
                throw InputException.at(in, 0, "mass of type " + (t + 1) + " is " + masses[t] + ", the Bernu-Hansen model has "
                        + model.masses()[t]);
            }
        }
    }
}

package io.github.mdxai.commands;

import io.github.mdxai.molecules.EnergyTerms;
import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.io.Frame;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.io.Structures;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Energy terms (and optionally forces) of every frame of a structure with a GROMACS topology, in vacuum. */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Molecules", weight = Menus.MOLECULES), @Menu(label = "Compute Energy", weight = 1)})
public class ComputeEnergy implements Command {

    @Parameter(label = "Structure (.gro/.pdb)", description = "Coordinates, every frame is evaluated", style = "file",
            persist = false)
    private File structure;

    @Parameter(label = "Topology (.top)",
            description = "GROMACS topology (includes resolved next to it, then GMXLIB, else the installed GROMACS' force fields)",
            style = "file", persist = false)
    private File topology;

    @Parameter(label = "Energies CSV (kJ/mol)", description = "frame, one <term>_kJmol column per force-field term "
            + "(bond angle proper improper lj14 coulomb14 lj coulomb g96_bond g96_angle urey_bradley rb fourier improper_harmonic "
            + "cmap; zero where the topology has none), potential_kJmol",
            style = "save", persist = false)
    private File out;

    @Parameter(label = "Forces CSV (kJ/mol/nm, optional)", description = "frame,atom,fx_kJmolnm,fy_kJmolnm,fz_kJmolnm with 1-based atoms",
            style = "save", required = false, persist = false)
    private File forces;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        InputException.require(structure != null, "structure: a .gro or .pdb file is required");
        InputException.require(topology != null, "topology: a .top file is required");
        InputException.require(out != null, "out: an output CSV file is required");
        Progress progress = HostProgress.of(statusService);
        progress.status("Reading topology");
        Topology top = GromacsTopology.read(topology.toPath());
        List<Frame> frames = Structures.read(structure.toPath(), top);
        ForceField ff = ForceField.of(top);
        List<double[]> energyRows = new ArrayList<>();
        List<double[]> forceRows = new ArrayList<>();
        double[] f = new double[3 * top.atomCount()];
        EnergyTerms terms = new EnergyTerms();
        for (int k = 0; k < frames.size(); k++) {
            progress.checkCancelled();
            ff.energyAndForces(frames.get(k).x(), f, terms);
            double[] row = new double[EnergyTerms.NAMES.length + 2];
            row[0] = k;
            System.arraycopy(terms.values(), 0, row, 1, EnergyTerms.NAMES.length);
            row[row.length - 1] = terms.potential();
            energyRows.add(row);
            if (forces != null) {
                for (int a = 0; a < top.atomCount(); a++) {
                    forceRows.add(new double[]{k, a + 1, f[3 * a], f[3 * a + 1], f[3 * a + 2]});
                }
            }
            progress.fraction((k + 1.0) / frames.size());
        }
        List<String> header = new ArrayList<>(List.of("frame"));
        for (String name : EnergyTerms.NAMES) {
            header.add(CsvTable.header(name, "kJ/mol"));
        }
        header.add(CsvTable.header("potential", "kJ/mol"));
        CsvTable.write(out.toPath(), header, energyRows);
        if (forces != null) {
            CsvTable.write(forces.toPath(), List.of("frame", "atom", "fx_kJmolnm", "fy_kJmolnm", "fz_kJmolnm"), forceRows);
        }
        progress.status("Energies of " + frames.size() + " frame(s) written to " + out);
    }
}

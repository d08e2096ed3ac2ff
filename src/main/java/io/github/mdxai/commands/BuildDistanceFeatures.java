package io.github.mdxai.commands;

import io.github.mdxai.committor.CommittorFile;
import io.github.mdxai.committor.Configurations;
import io.github.mdxai.committor.Fingerprints;
import io.github.mdxai.features.DistanceFeatures;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * features.csv: per configuration every non-bonded interatomic distance r{i}-{j} (nm, 1-based atoms), phi, psi and
 * theta (degrees, alanine dipeptide), joined with the committor columns when a committors.csv is given (rows whose
 * shots all stayed undecided have no p_B and are left out).
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Committors", weight = Menus.COMMITTORS), @Menu(label = "Build Distance Features", weight = 3)},
        description = "Interatomic distances (except bonded pairs) per configuration, joined with committors")
public class BuildDistanceFeatures implements Command {

    @Parameter(label = "Configurations (.gro/.pdb)", style = "file", persist = false)
    private File configs;

    @Parameter(label = "Topology (.top)", style = "file", persist = false, description = "Bonded pairs come from here")
    private File topology;

    @Parameter(label = "Committors (CSV, optional)", required = false, style = "file", persist = false,
            description = "committors.csv of Compute Committors on the same configurations")
    private File committors;

    @Parameter(label = "Output folder", style = "directory", persist = false, description = "Receives features.csv")
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Override
    public void run() {
        InputException.require(configs != null, "configs: a .gro or .pdb file of configurations is required");
        InputException.require(topology != null, "topology: a .top file is required");
        InputException.require(out != null, "out: an output folder is required");
        Topology top = GromacsTopology.read(topology.toPath());
        List<double[]> frames = Configurations.read(configs.toPath(), top);
        DistanceFeatures features = new DistanceFeatures(top);
        TreeMap<Integer, String[]> committorCells = committors == null ? null : readCommittors(committors.toPath(), frames);
        List<String> header = new ArrayList<>();
        header.add("config");
        header.addAll(features.names());
        if (committorCells != null) {
            header.addAll(CommittorFile.COLUMNS.subList(1, 7));
        }
        Path target = out.toPath().resolve("features.csv");
        int[] written = {0};
        AtomicFiles.writeText(target, w -> {
            w.write("# r{i}-{j}: distance of 1-based atoms i and j in nm (bonded pairs left out); phi, psi, theta in degrees\n");
            CsvTable.writeRow(w, header);
            double[] values = new double[features.names().size()];
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < frames.size(); c++) {
                String[] cells = null;
                if (committorCells != null) {
                    cells = committorCells.get(c);
                    if (cells == null) {
                        continue;
                    }
                }
                features.compute(frames.get(c), values);
                line.setLength(0);
                line.append(c);
                for (double v : values) {
                    line.append(',').append(CsvTable.format(v));
                }
                if (cells != null) {
                    for (int k = 1; k < 7; k++) {
                        line.append(',').append(cells[k]);
                    }
                }
                line.append('\n');
                w.write(line.toString());
                written[0]++;
            }
        });
        summary = target + ": " + written[0] + " configurations x " + features.names().size() + " features"
                + (committorCells != null ? " with committors" : "");
    }

    /** Committor cells by configuration, only rows with a p_B; the file must come from these configurations. */
    private static TreeMap<Integer, String[]> readCommittors(Path file, List<double[]> frames) {
        CommittorFile.Content content = CommittorFile.read(file, false);
        String expected = "configs_sha256=" + Fingerprints.configurations(frames);
        if (!(" " + content.header().run() + " ").contains(" " + expected + " ")) {
            throw InputException.at(file, 2, "these committors were computed from other configurations than the given file");
        }
        TreeMap<Integer, String[]> cells = new TreeMap<>();
        content.rows().forEach((config, row) -> {
            String[] c = row.split(",", -1);
            if (!c[1].equals("NaN")) {
                cells.put(config, c);
            }
        });
        return cells;
    }
}

package io.github.mdxai.commands;

import io.github.mdxai.committor.CommittorRun;
import io.github.mdxai.committor.CommittorStates;
import io.github.mdxai.committor.Configurations;
import io.github.mdxai.committor.ShardSpec;
import io.github.mdxai.committor.ShootingParameters;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * Committor p_B of every configuration by shooting: writes committors.csv (or committors-shard-i-of-n.csv) into
 * the output folder; rerunning the same command after a crash, kill or cancel continues where it stopped.
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Committors", weight = Menus.COMMITTORS), @Menu(label = "Compute Committors", weight = 1)},
        description = "p_B = fraction of shots with fresh Maxwell-Boltzmann velocities that reach B before A")
public class ComputeCommittors implements Command {

    @Parameter(label = "Configurations (.gro/.pdb)", description = "Multi-frame structure file; one configuration per frame",
            style = "file", persist = false)
    private File configs;

    @Parameter(label = "Topology (.top)", description = "GROMACS topology matching the configurations", style = "file", persist = false)
    private File topology;

    @Parameter(label = "States (CSV, empty = alanine dipeptide C7eq/C7ax)", required = false, style = "file", persist = false,
            description = "state,cv,unit,min,max rows of two states: the first is A, the second B")
    private File states;

    @Parameter(label = "Shots per configuration", min = "1", persist = false)
    private int shots = 100;

    @Parameter(label = "Maximum shot length (ps)", min = "0", persist = false, description = "t_max: a shot that enters neither state by then is undecided")
    private double tmax = 1.0;

    @Parameter(label = "Temperature (K)", min = "0", persist = false, description = "Maxwell-Boltzmann velocities and thermostat")
    private double temperature = 300;

    @Parameter(label = "Seed", persist = false, description = "Every shot's random stream derives from (seed, configuration, shot)")
    private long seed = 1;

    @Parameter(label = "Threads", min = "1", persist = false, description = "Results do not depend on the thread count")
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(label = "Shard (i/n)", required = false, persist = false,
            description = "Compute only part i of n (cluster job arrays), e.g. 3/8; 1/1 = everything")
    private String shard = "1/1";

    @Parameter(label = "Dynamics", choices = {"langevin", "nve"}, persist = false,
            description = "langevin: BAOAB with the friction (as in sampling); nve: velocity Verlet")
    private String dynamics = "langevin";

    @Parameter(label = "Friction (1/ps)", min = "0", persist = false)
    private double friction = 1.0;

    @Parameter(label = "Time step (ps)", min = "0", persist = false)
    private double dt = 0.001;

    @Parameter(label = "Constraints", choices = {"none", "h-bonds"}, persist = false)
    private String constraints = "none";

    @Parameter(label = "State test interval (steps)", min = "1", persist = false, description = "Steps between tests for A and B")
    private int check = 5;

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        InputException.require(configs != null, "configs: a .gro or .pdb file of configurations is required");
        InputException.require(topology != null, "topology: a .top file is required");
        InputException.require(out != null, "out: an output folder is required");
        ShardSpec part = ShardSpec.parse(shard);
        ShootingParameters parameters = new ShootingParameters(shots, tmax, temperature, seed, dynamics, friction, dt,
                constraints, check);
        CommittorStates regions = CommittorStates.readOrDefault(states == null ? null : states.toPath());
        Progress progress = HostProgress.of(statusService);
        progress.status("Compute Committors: reading inputs");
        Topology top = GromacsTopology.read(topology.toPath());
        List<double[]> frames = Configurations.read(configs.toPath(), top);
        CommittorRun run = new CommittorRun(top, frames, regions, parameters, part, threads, out.toPath());
        CommittorRun.Summary s = run.process(progress);
        summary = String.format(Locale.ROOT, "%s: %d configurations (%d computed now, %d shots, %.0f shots/s, %.1f s)",
                s.results(), s.configurations(), s.computedNow(), s.shotsNow(), s.shotsPerSecond(), s.seconds());
        writeHistogram(s.results());
    }

    /** A bar chart of how many configurations fall in each tenth of p_B, beside the results. */
    private static void writeHistogram(java.nio.file.Path results) {
        io.github.mdxai.util.CsvTable table = io.github.mdxai.util.CsvTable.read(results);
        int column = table.columnIndex("pB");
        double[] counts = new double[10];
        String[] labels = new String[10];
        for (int b = 0; b < 10; b++) {
            labels[b] = String.format(Locale.ROOT, "%.1f", b / 10.0);
        }
        for (int r = 0; r < table.rowCount(); r++) {
            double p = Double.parseDouble(table.text(r, column)); // NaN: no shot reached a state
            if (!Double.isNaN(p)) {
                counts[Math.min(9, (int) (p * 10))]++;
            }
        }
        String stem = results.getFileName().toString().replaceFirst("\\.csv$", "");
        new io.github.mdxai.figures.BarChart("Committor p_B of " + table.rowCount() + " configurations (bins of 0.1, lower edge)",
                "configurations", labels, counts).writePng(results.resolveSibling(stem + "_histogram.png"), 640, 420);
    }
}

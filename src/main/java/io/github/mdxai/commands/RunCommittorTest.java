package io.github.mdxai.commands;

import ij.measure.ResultsTable;
import io.github.mdxai.committor.CommittorStates;
import io.github.mdxai.committor.CommittorTestRun;
import io.github.mdxai.committor.Configurations;
import io.github.mdxai.committor.ShardSpec;
import io.github.mdxai.committor.ShootingParameters;
import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.learn.DividingSurface;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.sampling.FlatBottomRestraint;
import io.github.mdxai.sampling.TransitionRegionSampler;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.util.Locale;

/** The committor histogram on a coordinate's dividing surface; see {@link CommittorTestRun}. */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Committors", weight = Menus.COMMITTORS), @Menu(label = "Committor Test", weight = 4)},
        description = "Restrained MD on a coordinate's dividing surface, shooting, and the p_B histogram against binomial noise")
public class RunCommittorTest implements Command {

    @Parameter(label = "Starting configurations (.gro/.pdb)", style = "file", persist = false,
            description = "the frame whose coordinate is closest to the dividing value starts the restrained MD")
    private File configs;

    @Parameter(label = "Topology (.top)", style = "file", persist = false)
    private File topology;

    @Parameter(label = "Coordinate kind", choices = {"cv", "model", "logistic"}, persist = false,
            description = "cv: a CV or linear combination at 'value'; model: a committor network's q at 'value' (0 = p_B 1/2); "
                    + "logistic: the p_B = 1/2 line of a logistic fit in the features named by 'coordinate'")
    private String kind = "cv";

    @Parameter(label = "Coordinate", required = false, persist = false,
            description = "cv: e.g. 'phi', 'r6-10' or '0.8*r6-10 - 1.2*r6-11'; logistic: features, e.g. 'r6-10 r6-11'; model: unused")
    private String coordinate = "";

    @Parameter(label = "Dividing value (deg, nm or q)", persist = false, description = "cv: in deg or nm; model: q; logistic: unused")
    private double value = 0;

    @Parameter(label = "Committor model (zip)", style = "file", required = false, persist = false)
    private File model;

    @Parameter(label = "Committor dataset (CSV)", style = "file", required = false, persist = false,
            description = "logistic: features.csv with the features, pB, nA and nB")
    private File dataset;

    @Parameter(label = "Restraint kappa (kJ/mol per unit^2)", min = "0", persist = false,
            description = "per rad^2 (angles), nm^2 (distances) or q^2 (model, logistic); spread sqrt(kT/kappa)")
    private double kappa = 400;

    @Parameter(label = "Region (cv min max ..., optional)", required = false, persist = false,
            description = "flat-bottom walls keep the restrained MD in this box, e.g. 'phi -40 20 psi -80 0' (deg, nm): "
                    + "a learned surface is only trained near the saddle")
    private String region = "";

    @Parameter(label = "Wall kappa (kJ/mol per rad^2 or nm^2)", min = "0", persist = false)
    private double wall = 1000;
    @Parameter(label = "Configurations", min = "1", persist = false)
    private int count = 200;

    @Parameter(label = "Sampling interval (steps)", min = "1", persist = false, description = "restrained MD steps between kept configurations")
    private long interval = 250;

    @Parameter(label = "Equilibration (steps)", min = "0", persist = false)
    private long equilibration = 5000;

    @Parameter(label = "Time step of the restrained MD (ps)", min = "0", persist = false, description = "with h-bond constraints")
    private double dt = 0.001;
    @Parameter(label = "Shots per configuration", min = "1", persist = false)
    private int shots = 100;

    @Parameter(label = "Maximum shot length (ps)", min = "0", persist = false)
    private double tmax = 1.0;

    @Parameter(label = "Temperature (K)", min = "1", persist = false)
    private double temperature = 300;

    @Parameter(label = "States (CSV, empty = C7eq/C7ax)", required = false, style = "file", persist = false)
    private File states;

    @Parameter(label = "Seed", persist = false)
    private long seed = 1;

    @Parameter(label = "Threads", min = "1", persist = false, description = "results do not depend on the thread count")
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(label = "Shard (i/n)", required = false, persist = false, description = "shoot only part i of n; merge, then rerun 1/1")
    private String shard = "1/1";

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private StatusService statusService;

    @Parameter(type = ItemIO.OUTPUT, label = "Committor histogram")
    private ResultsTable table;

    @Override
    public void run() {
        Hosts.useOwnClassLoader();
        InputException.require(configs != null && topology != null && out != null, "configs, topology and out are required");
        String mode = Choices.require("kind", kind, "cv", "model", "logistic");
        Topology top = GromacsTopology.read(topology.toPath());
        DividingSurface surface = DividingSurface.of(mode, coordinate, value, model == null ? null : model.toPath(),
                dataset == null ? null : dataset.toPath(), top.atomCount());
        TransitionRegionSampler.Settings sampling = new TransitionRegionSampler.Settings(new double[]{surface.value()}, kappa,
                count, interval, equilibration, temperature, 1.0, dt, seed, true);
        ShootingParameters d = ShootingParameters.defaults(seed);
        ShootingParameters shooting = new ShootingParameters(shots, tmax, temperature, seed, d.dynamics(), d.friction(), d.dt(),
                d.constraints(), d.checkEvery());
        CommittorStates regions = states == null ? CommittorStates.alanineDipeptide() : CommittorStates.read(states.toPath());
        Progress progress = HostProgress.of(statusService);
        CommittorTestRun.Result r = CommittorTestRun.run(top, Configurations.read(configs.toPath(), top), surface.coordinate(),
                surface.description(), sampling,
                region == null || region.isBlank() ? null : FlatBottomRestraint.parse(region, wall, top.atomCount()), shooting, regions, ShardSpec.parse(shard), threads, out.toPath(), progress);
        summary = r.histogram() == null
                ? "Committor Test: shard " + shard + " done (" + r.shooting().results() + "); merge the shards, then rerun with shard=1/1"
                : String.format(Locale.ROOT, "Committor Test on %s: n = %d, mean p_B %.3f, std %.3f (binomial noise alone %.3f), "
                + "fraction in [0.4, 0.6] %.2f; %s", surface.description(), r.histogram().n(), r.histogram().mean(),
                r.histogram().std(), r.histogram().binomialStd(), r.histogram().fractionInMiddle(), out);
        if (r.histogram() != null) {
            table = ResultsTable.open2(out.toPath().resolve("committor_test.csv").toString());
        }
    }
}

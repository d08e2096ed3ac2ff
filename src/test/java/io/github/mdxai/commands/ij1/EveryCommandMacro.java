package io.github.mdxai.commands.ij1;

import io.github.mdxai.learn.SyntheticCommittorData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One macro line per MD XAI command (the two studies excepted: see {@link MacrosIT}) on small inputs, each taking a
 * few seconds, chained so that later commands read what earlier ones wrote (metadynamics, then its surface, transition
 * configurations, committors, features; a liquid, then its relaxation, graphs, classifier, attention). Used by the
 * ImageJ tests and by {@code scripts/screenshots.sh}. Usage: {@code EveryCommandMacro folder} writes the inputs and
 * {@code every-command.ijm} into the folder.
 */
public final class EveryCommandMacro {

    /** A command's title and the macro line that runs it. */
    public record Line(String title, String macro) {
    }

    private EveryCommandMacro() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(dir);
        StringBuilder macro = new StringBuilder();
        for (Line line : write(dir)) {
            macro.append(line.macro()).append('\n');
        }
        Files.writeString(dir.resolve("every-command.ijm"), macro);
    }

    /** Writes the small inputs into {@code dir} and returns the macro lines, in run order. */
    public static List<Line> write(Path dir) throws Exception {
        Path data = Path.of("test-data").toAbsolutePath();
        Path top = data.resolve("ala2/processed.top");
        Path samples = ImageJMacroIT.samples(dir);
        // States in psi that an 8 ps metadynamics run visits in both of its blocks (C7ax is not reached that soon).
        Path states = dir.resolve("states.csv");
        Files.writeString(states, "state,cv,unit,min,max\nA,psi,deg,-170,-10\nB,psi,deg,20,170\n");
        // p_B depends on r6-10 and r6-11; 8 distance columns that the metadynamics COLVAR also records.
        Path dataset = SyntheticCommittorData.write(dir.resolve("synthetic.csv"), 200, 8, 50, 21);
        Path metad = dir.resolve("metad");
        Path tr = dir.resolve("transition");
        Path train = dir.resolve("train");
        Path liquid = dir.resolve("liquid");
        Path cold = dir.resolve("liquid_cold");
        Path graphs = dir.resolve("pair.graphs");
        List<Line> lines = new ArrayList<>();
        add(lines, "Compute Energy", "structure=" + q(data.resolve("ala2/conformations.gro")) + " topology=" + q(top)
                + " out=" + q(dir.resolve("ce_energies.csv")));
        add(lines, "Run MD", "structure=" + q(data.resolve("ala2/em.gro")) + " topology=" + q(top)
                + " steps=200 interval=20 cvs=[phi psi] out=" + q(dir.resolve("md")));
        add(lines, "Metadynamics", "structure=" + q(data.resolve("ala2/em.gro")) + " topology=" + q(top)
                + " steps=4000 pace=50 height=3 interval=20 out=" + q(metad));
        add(lines, "Free Energy Surface", "input=" + q(metad.resolve("colvar.csv")) + " bins=24 xrange=[-180 180] "
                + "yrange=[-180 180] states=" + q(states) + " blocks=2 out=" + q(dir.resolve("fes")));
        add(lines, "Free Energy from Samples", "input=" + q(samples) + " x=phi_deg y=psi_deg bins=36 xrange=[-180 180] "
                + "yrange=[-180 180] weights=weight out=" + q(dir.resolve("fes_samples")));
        add(lines, "Sample Transition Region", "input=" + q(metad) + " topology=" + q(top) + " count=4 stride=20 "
                + "equilibration=100 skip=0 bins=24 states=" + q(states) + " out=" + q(tr));
        Path configs = tr.resolve("transition_configs.gro");
        add(lines, "Compute Committors", "configs=" + q(configs) + " topology=" + q(top) + " shots=2 tmax=0.02 states="
                + q(states) + " out=" + q(dir.resolve("committors")));
        // A second, sharded run for the merge.
        for (String shard : List.of("1/2", "2/2")) {
            lines.add(new Line("Compute Committors", "run(\"Compute Committors\", \"configs=" + q(configs) + " topology="
                    + q(top) + " shots=2 tmax=0.02 shard=" + shard + " states=" + q(states) + " out="
                    + q(dir.resolve("shards")) + "\");"));
        }
        add(lines, "Merge Committor Shards", "shards=" + q(dir.resolve("shards")) + " out=" + q(dir.resolve("merged")));
        add(lines, "Build Distance Features", "configs=" + q(configs) + " topology=" + q(top) + " committors="
                + q(dir.resolve("committors/committors.csv")) + " out=" + q(dir.resolve("features")));
        add(lines, "Committor Test", "configs=" + q(configs) + " topology=" + q(top) + " coordinate=phi value=-20 count=4 "
                + "interval=20 equilibration=100 shots=2 tmax=0.02 states=" + q(states) + " out=" + q(dir.resolve("ctest")));
        add(lines, "Train Committor Network", "dataset=" + q(dataset) + " hidden=[16 8] epochs=5 patience=5 rate=0.003 out="
                + q(train));
        Path model = train.resolve("committor-model.zip");
        add(lines, "Predict Committor", "model=" + q(model) + " dataset=" + q(dataset) + " out=" + q(dir.resolve("predict")));
        add(lines, "Explain Committor Network", "model=" + q(model) + " dataset=" + q(dataset)
                + " method=lime samples=50 select=[config < 4] out=" + q(dir.resolve("explain")));
        add(lines, "PMF in Features", "frames=" + q(metad.resolve("colvar.csv")) + " dataset=" + q(dataset) + " model="
                + q(model) + " x=r6-10 y=r6-11 states=" + q(states) + " bins=24 out=" + q(dir.resolve("pmf")));
        add(lines, "Soft-Sphere Energy", "input=" + q(data.resolve("softsphere/config_N1000.data")) + " out="
                + q(dir.resolve("ss_energy.csv")));
        add(lines, "Simulate Soft-Sphere Liquid", "n=400 gamma=1 equilibration=300 production=1000 interval=100 out=" + q(liquid));
        lines.add(new Line("Simulate Soft-Sphere Liquid", "run(\"Simulate Soft-Sphere Liquid\", \"n=400 gamma=1.2 "
                + "equilibration=300 production=1000 interval=100 out=" + q(cold) + "\");"));
        add(lines, "Relaxation Dynamics", "input=" + q(liquid.resolve("trajectory.xyz")) + " out=" + q(dir.resolve("relax")));
        add(lines, "Structure Descriptors", "input=" + q(data.resolve("softsphere/config_N1000.data")) + " out="
                + q(dir.resolve("structure")));
        add(lines, "Build Graph Dataset", "trajectory0=" + q(cold.resolve("trajectory.xyz")) + " temperature0=0.48 trajectory1="
                + q(liquid.resolve("trajectory.xyz")) + " temperature1=1 stride=2 out=" + q(graphs));
        add(lines, "Train Graph Attention Classifier", "dataset=" + q(graphs) + " width=4 heads=1 layers=1 epochs=2 out="
                + q(dir.resolve("gat")));
        add(lines, "Attention Analysis", "model=" + q(dir.resolve("gat/model")) + " dataset=" + q(graphs) + " voxel=0.5 out="
                + q(dir.resolve("attention")));
        return lines;
    }

    private static void add(List<Line> lines, String title, String options) {
        lines.add(new Line(title, "run(\"" + title + "\", \"" + options + "\");"));
    }

    private static String q(Path path) {
        return "[" + path + "]";
    }
}

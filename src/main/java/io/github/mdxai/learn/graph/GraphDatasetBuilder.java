package io.github.mdxai.learn.graph;

import io.github.mdxai.features.structure.PartialRdf;
import io.github.mdxai.features.structure.ShellCutoffs;
import io.github.mdxai.io.ParticleFiles;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns trajectories of several temperatures into a labelled graph data set. The split is by snapshot and
 * time-separated within each class: the first {@code trainFraction} of a trajectory's frames train, the next
 * {@code validationFraction} stop early, the rest test, so correlated neighbouring snapshots rarely straddle parts.
 */
public final class GraphDatasetBuilder {

    private GraphDatasetBuilder() {
    }

    /** One class: its name, temperature and snapshots in time order. */
    public record ClassFrames(String name, double temperature, List<Configuration> frames) {
    }

    public static GraphDataset build(List<ClassFrames> classes, double[][] shellRadius, double trainFraction,
                                     double validationFraction, Progress progress) {
        InputException.require(classes.size() >= 2, "need at least two classes (temperatures)");
        InputException.require(trainFraction > 0 && validationFraction > 0 && trainFraction + validationFraction < 1,
                "train and validation fractions must be positive and sum to less than 1");
        GraphBuilder builder = new GraphBuilder(shellRadius);
        int total = classes.stream().mapToInt(c -> c.frames().size()).sum();
        List<ParticleGraph> graphs = new ArrayList<>(total);
        List<String> names = new ArrayList<>();
        double[] temps = new double[classes.size()];
        int done = 0;
        for (int label = 0; label < classes.size(); label++) {
            ClassFrames cf = classes.get(label);
            names.add(cf.name());
            temps[label] = cf.temperature();
            int n = cf.frames().size();
            int trainEnd = (int) Math.round(n * trainFraction);
            int valEnd = (int) Math.round(n * (trainFraction + validationFraction));
            InputException.require(trainEnd >= 1 && valEnd > trainEnd && n > valEnd, "class " + cf.name() + ": "
                    + n + " snapshots are too few for a train/validation/test split");
            for (int f = 0; f < n; f++) {
                progress.checkCancelled();
                ParticleGraph.Split split = f < trainEnd ? ParticleGraph.Split.TRAIN
                        : f < valEnd ? ParticleGraph.Split.VALIDATION : ParticleGraph.Split.TEST;
                graphs.add(builder.build(cf.frames().get(f), f, label, cf.temperature(), split));
                progress.fraction(++done / (double) total);
            }
        }
        return new GraphDataset(shellRadius, names, temps, graphs);
    }

    /** Every {@code stride}-th snapshot of a configuration or trajectory file, its format recognised by content. */
    public static List<Configuration> readFrames(Path file, int stride) {
        return ParticleFiles.read(file, stride);
    }

    /**
     * First-shell radii from the data: the first minima of the partial g(r) pooled over all snapshots of all classes
     * (one graph definition for every temperature). Positions are taken relative to each box's lower corner.
     */
    public static double[][] shellsFromRdf(List<ClassFrames> classes, int types, Progress progress) {
        Configuration first = classes.get(0).frames().get(0);
        double[] box = {first.box().lx(), first.box().ly(), first.box().lz()};
        PartialRdf rdf = PartialRdf.forFirstShell(types, box, first.size());
        for (ClassFrames cf : classes) {
            for (Configuration c : cf.frames()) {
                progress.checkCancelled();
                double[] p = c.wrapped().positions().clone();
                for (int k = 0; k < p.length; k++) {
                    p[k] -= c.box().lo(k % 3);
                }
                InputException.require(c.box().lx() == box[0] && c.box().ly() == box[1] && c.box().lz() == box[2],
                        "all snapshots must share one box to pool g(r); give the shell radii instead");
                rdf.add(p, box, c.types(), Progress.NONE);
            }
        }
        return ShellCutoffs.find(rdf).cutoffs();
    }

    /**
     * First-shell radii of the Bernu-Hansen soft-sphere mixture in sigma_AA: 1.45 sigma_ab, near the first
     * minimum of each partial g(r) of the supercooled liquid (sigma_AB = 1.1, sigma_BB = 1.2).
     */
    public static double[][] softSphereShells() {
        double f = 1.45;
        return new double[][]{{f * 1.0, f * 1.1}, {f * 1.1, f * 1.2}};
    }
}

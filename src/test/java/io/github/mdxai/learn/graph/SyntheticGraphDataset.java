package io.github.mdxai.learn.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small two-class graph data set file (random vs lattice, {@link SyntheticGraphs}) for tests outside this package. */
public final class SyntheticGraphDataset {

    private SyntheticGraphDataset() {
    }

    /** {@code perSplit} graphs in each of train, validation and test, written to {@code file}. */
    public static Path write(Path file, int perSplit, long seed) {
        List<ParticleGraph> graphs = new ArrayList<>();
        graphs.addAll(SyntheticGraphs.set(perSplit, 3, seed, ParticleGraph.Split.TRAIN, 0));
        graphs.addAll(SyntheticGraphs.set(perSplit, 3, seed, ParticleGraph.Split.VALIDATION, perSplit));
        graphs.addAll(SyntheticGraphs.set(perSplit, 3, seed, ParticleGraph.Split.TEST, 2 * perSplit));
        new GraphDataset(new double[][] {{1.5, 1.5}, {1.5, 1.5}}, List.of("random", "lattice"), new double[] {1.0, 0.5},
                graphs).write(file);
        return file;
    }
}

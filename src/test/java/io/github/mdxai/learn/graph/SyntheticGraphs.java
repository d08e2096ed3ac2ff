package io.github.mdxai.learn.graph;

import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.Rng;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small test graphs: class 0 = uniformly random particles, class 1 = a jittered simple-cubic lattice. */
final class SyntheticGraphs {

    private SyntheticGraphs() {
    }

    static ParticleGraph graph(int frame, int label, int side, double spacing, double shell, long seed,
                               ParticleGraph.Split split) {
        SplittableRandom rnd = Rng.stream(seed, "synthetic", frame, label);
        int n = side * side * side;
        double length = side * spacing;
        double[] pos = new double[3 * n];
        int[] types = new int[n];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
            types[i] = rnd.nextInt(2);
            int[] cell = {i % side, (i / side) % side, i / (side * side)};
            for (int d = 0; d < 3; d++) {
                pos[3 * i + d] = label == 1
                        ? (cell[d] + 0.5) * spacing + 0.08 * spacing * Rng.gaussian(rnd)
                        : rnd.nextDouble() * length;
            }
        }
        double[][] radii = {{shell, shell}, {shell, shell}};
        Configuration c = Configuration.of(types, pos, null, Box.cubic(length)).wrapped();
        return new GraphBuilder(radii).build(c, frame, label, label == 1 ? 0.3 : 1.0, split);
    }

    static List<ParticleGraph> set(int count, int side, long seed, ParticleGraph.Split split, int frameOffset) {
        List<ParticleGraph> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(graph(frameOffset + k, k % 2, side, 1.2, 1.5, seed, split));
        }
        return out;
    }
}

package io.github.mdxai.features.structure;

import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Neighbour lists and order parameters come out bit for bit the same on one thread and on several. */
class ThreadIndependenceTest {

    @Test
    void sameResultOnOneAndThreeThreads() {
        double[] box = {9.0, 8.0, 10.0};
        int n = 1100; // several chunks, the last one partial
        SplittableRandom rnd = Rng.stream(21, "threads");
        double[] p = new double[3 * n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                p[3 * i + d] = rnd.nextDouble() * box[d];
            }
            types[i] = i % 3 == 0 ? 1 : 0;
        }
        double[][] cut = {{1.3, 1.4}, {1.4, 1.6}};
        NeighborList[] one = {NeighborList.nearest(p, box, 12, 1, Progress.NONE),
                NeighborList.withinCutoffs(p, box, types, cut, 1, Progress.NONE)};
        NeighborList[] three = {NeighborList.nearest(p, box, 12, 3, Progress.NONE),
                NeighborList.withinCutoffs(p, box, types, cut, 3, Progress.NONE)};
        Steinhardt s = new Steinhardt(new int[] {4, 6}, true);
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(one[k].offsets(), three[k].offsets());
            assertArrayEquals(one[k].neighbors(), three[k].neighbors());
            assertArrayEquals(one[k].displacements(), three[k].displacements(), 0.0);
            OrderParameters a = s.compute(one[k], 1, Progress.NONE);
            OrderParameters b = s.compute(one[k], 3, Progress.NONE);
            for (int l : new int[] {4, 6}) {
                assertArrayEquals(a.q(l), b.q(l), 0.0);
                assertArrayEquals(a.qAveraged(l), b.qAveraged(l), 0.0);
                assertArrayEquals(a.wHat(l), b.wHat(l), 0.0);
            }
        }
    }
}

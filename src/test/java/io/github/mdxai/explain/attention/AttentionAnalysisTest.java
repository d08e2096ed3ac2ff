package io.github.mdxai.explain.attention;

import io.github.mdxai.learn.graph.GatConfig;
import io.github.mdxai.learn.graph.GatModel;
import io.github.mdxai.learn.graph.GraphBuilder;
import io.github.mdxai.learn.graph.ParticleGraph;
import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttentionAnalysisTest {

    static ParticleGraph liquid(int frame, int label, long seed) {
        SplittableRandom rnd = Rng.stream(seed, "liquid", frame);
        int side = 4;
        double spacing = 1.1;
        int n = side * side * side;
        int[] types = new int[n];
        double[] pos = new double[3 * n];
        for (int i = 0; i < n; i++) {
            types[i] = rnd.nextInt(2);
            int[] cell = {i % side, (i / side) % side, i / (side * side)};
            for (int d = 0; d < 3; d++) {
                pos[3 * i + d] = (cell[d] + 0.5) * spacing + 0.15 * Rng.gaussian(rnd);
            }
        }
        Configuration c = Configuration.of(types, pos, null, Box.cubic(side * spacing)).wrapped();
        return new GraphBuilder(new double[][]{{1.45, 1.6}, {1.6, 1.74}}).build(c, frame, label,
                label == 0 ? 0.3 : 0.8, ParticleGraph.Split.TEST);
    }

    @Test
    void coefficientsIntoEachParticleSumToOne() {
        GatModel model = GatModel.create(new GatConfig(2, 8, 2, "mean", 1e-3, 1, 1, 4, false, 3), 2,
                DataType.FLOAT);
        ParticleGraph g = liquid(0, 0, 1);
        AttentionAnalysis.FrameResult f = AttentionAnalysis.analyse(model, g, true, 1);
        float[][][] a = model.attention(g);
        double selfSum = 0;
        for (int i = 0; i < g.nodeCount(); i++) {
            double self = 0;
            for (float[][] layer : a) {
                for (float[] head : layer) {
                    self += head[g.edgeCount() + i];
                }
            }
            selfSum += self / (a.length * a[0].length);
        }
        double attentionSum = 0;
        for (double v : f.attention()) {
            attentionSum += v;
        }
        assertEquals(g.nodeCount(), attentionSum + selfSum, 1e-3);
        assertTrue(f.normalizedEntropy() > 0 && f.normalizedEntropy() <= 1 + 1e-9);
        double volume = 0;
        for (double v : f.voronoiVolume()) {
            volume += v;
        }
        assertEquals(g.box()[0] * g.box()[1] * g.box()[2], volume, 1e-6 * volume);
        for (int i = 0; i < g.nodeCount(); i++) {
            assertTrue(f.q6()[i] > 0 && f.q6()[i] < 1);
            assertEquals(g.degree(i), f.coordination()[i]);
        }
    }

    @Test
    void zeroAttentionVectorsGiveUniformCoefficients() {
        GatModel model = GatModel.create(new GatConfig(1, 4, 1, "mean", 1e-3, 1, 1, 4, false, 3), 2,
                DataType.FLOAT);
        model.parameters().forEach((name, w) -> {
            if (name.contains("_a_")) {
                w.assign(0);
            }
        });
        ParticleGraph g = liquid(0, 0, 2);
        AttentionAnalysis.FrameResult f = AttentionAnalysis.analyse(model, g, false, 1);
        assertEquals(1.0, f.normalizedEntropy(), 1e-5);
        assertEquals(0.0, f.edgeCv(), 1e-5);
        for (int j = 0; j < g.nodeCount(); j++) {
            double expected = 0;
            for (int i = 0; i < g.nodeCount(); i++) {
                for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                    if (g.neighbours()[e] == j) {
                        expected += 1.0 / (g.degree(i) + 1);
                    }
                }
            }
            assertEquals(expected, f.attention()[j], 1e-5);
        }
        List<AttentionAnalysis.Correlation> corr = AttentionAnalysis.correlations(List.of(f));
        AttentionAnalysis.Correlation coord = corr.stream()
                .filter(c -> c.species().equals("all") && c.measure().equals("sum")
                        && c.quantity().equals("coordination")).findFirst()
                .orElseThrow();
        // with uniform coefficients a particle with more neighbours receives more attention
        assertTrue(coord.rho() > 0.5, "rho " + coord.rho());
    }

    @Test
    void voxelsPaintNearestParticleAndHistogramCountsAll() {
        ParticleGraph g = liquid(0, 0, 3);
        double[] values = new double[g.nodeCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        AttentionMaps.VoxelStack v = AttentionMaps.voxels(g, values, 0.2, 1.0);
        int ix = 0;
        int iy = 0;
        int iz = 0;
        double cx = 0.1;
        int nearest = -1;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < g.nodeCount(); i++) {
            double r2 = 0;
            for (int d = 0; d < 3; d++) {
                double x = cx - g.positions()[3 * i + d];
                x -= g.box()[d] * Math.rint(x / g.box()[d]);
                r2 += x * x;
            }
            if (r2 < best) {
                best = r2;
                nearest = i;
            }
        }
        assertEquals(values[nearest], v.data()[ix + v.nx() * (iy + v.ny() * iz)], 0.0);
        var h = AttentionMaps.histogram(values, values, "a", "b", 8);
        float total = 0;
        for (float c : h.values()) {
            total += c;
        }
        assertEquals(g.nodeCount(), total, 0f);
        // like every Grid2D, the first stored row is the highest y bin: (low x, high y) lands top left
        var corner = AttentionMaps.histogram(new double[] {0, 1}, new double[] {1, 0}, "a", "b", 4);
        assertEquals(1f, corner.values()[0], 0f);
        assertEquals(1f, corner.values()[4 * 4 - 1], 0f);
    }
}

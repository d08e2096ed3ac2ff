package io.github.mdxai.learn.graph;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GraphBatchTest {

    @Test
    void nodeInputsHoldTypeAndRadialHistogramOfIncomingEdges() {
        // node 0 receives one edge from node 1 at distance 1.0 (the centre of basis function 2); node 1 receives none
        ParticleGraph g = new ParticleGraph(0, 1, 1.0, ParticleGraph.Split.TRAIN, 2, new int[]{1, 2}, new int[]{0, 1},
                new double[]{5, 5, 5}, new float[]{1, 1, 1, 2, 1, 1}, new int[]{0, 1, 1}, new int[]{1},
                new float[]{0.6f, 0.8f, 0f});
        GraphBatch b = new GraphBatch(List.of(g), 2, DataType.DOUBLE, null, 0);
        assertEquals(GraphBatch.nodeFeatures(2), b.nodes.size(1));
        assertEquals(1.0, b.nodes.getDouble(0, 0));
        assertEquals(0.0, b.nodes.getDouble(0, 1));
        assertEquals(1.0, b.nodes.getDouble(1, 1));
        double scale = GraphBatch.HISTOGRAM_SCALE;
        assertEquals(1.0 / scale, b.nodes.getDouble(0, 2 + 2), 1e-6);
        assertEquals(Math.exp(-0.5) / scale, b.nodes.getDouble(0, 2 + 1), 1e-6);
        assertEquals(Math.exp(-0.5) / scale, b.nodes.getDouble(0, 2 + 3), 1e-6);
        assertEquals(Math.exp(-2.0) / scale, b.nodes.getDouble(0, 2), 1e-6);
        for (int k = 0; k < GraphBatch.RBF_COUNT; k++) {
            assertEquals(0.0, b.nodes.getDouble(1, 2 + k), "node without incoming edges, basis " + k);
        }
        // three slots per node (largest degree + 2): node 0 = [self, edge from 1, padding], node 1 = [self, padding x2]
        assertEquals(3, b.slots);
        assertArrayEquals(new int[]{0, 1, 0, 1, 1, 1}, b.sender.toIntVector());
        assertEquals(1.0, b.edgeColumns.getDouble(3, 1), 1e-6);
        assertEquals(0.6, b.edgeColumns.getDouble(0, 1), 1e-6);
        assertEquals(0.0, b.edgeColumns.getDouble(3, 0));
        assertEquals(0.0, b.slotMask.getDouble(0, 1));
        assertEquals(GraphBatch.PADDING_LOGIT, b.slotMask.getDouble(1, 1), 1.0);
        // out-slots: node 0 sends only on its self-loop (slot 0; then 2, a padding slot), node 1 on slots 1 and 3
        assertArrayEquals(new int[]{0, 2, 1, 3}, b.outSlots.reshape(4).toIntVector());
    }

    @Test
    void batchIsTheDisjointUnionOfItsGraphs() {
        ParticleGraph a = SyntheticGraphs.graph(0, 0, 2, 1.6, 1.5, 3, ParticleGraph.Split.TRAIN);
        ParticleGraph c = SyntheticGraphs.graph(1, 1, 3, 1.0, 1.2, 3, ParticleGraph.Split.TRAIN);
        GraphBatch b = new GraphBatch(List.of(a, c), 2, DataType.FLOAT, null, 0);
        assertEquals(a.nodeCount() + c.nodeCount(), b.totalNodes);
        int[] send = b.sender.toIntVector();
        float[] mask = b.slotMask.reshape((long) b.totalNodes * b.slots).toFloatVector();
        float[] member = b.membership.reshape(2L * b.totalNodes).toFloatVector();
        int real = 0;
        for (int slot = 0; slot < send.length; slot++) {
            int receiver = slot / b.slots;
            int graph = receiver < a.nodeCount() ? 0 : 1;
            // edges never cross graphs
            assertEquals(1f, member[graph * b.totalNodes + send[slot]]);
            real += mask[slot] == 0f ? 1 : 0;
        }
        assertEquals(a.edgeCount() + a.nodeCount() + c.edgeCount() + c.nodeCount(), real);
        int i = c.degree(0) > 0 ? 0 : 1;
        assertEquals(a.nodeCount() + c.neighbours()[c.offsets()[i]], send[(a.nodeCount() + i) * b.slots + 1]);
        assertEquals(1.0 / c.nodeCount(), b.inverseCount.getDouble(1, 0), 1e-7);
    }
}

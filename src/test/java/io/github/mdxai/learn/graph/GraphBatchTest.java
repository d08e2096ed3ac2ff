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
        // edge 0: 1 -> 0, then the self-loops 0 -> 0 and 1 -> 1 with zero features
        assertArrayEquals(new int[]{0, 0, 1}, b.receiver.toIntVector());
        assertArrayEquals(new int[]{1, 0, 1}, b.sender.toIntVector());
        assertEquals(1.0, b.edges.getDouble(0, 3), 1e-6);
        assertEquals(0.0, b.edges.getDouble(1, 3));
        assertEquals(2, b.nodeCount.getInt(0));
    }

    @Test
    void batchIsTheDisjointUnionOfItsGraphs() {
        ParticleGraph a = SyntheticGraphs.graph(0, 0, 2, 1.6, 1.5, 3, ParticleGraph.Split.TRAIN);
        ParticleGraph c = SyntheticGraphs.graph(1, 1, 3, 1.0, 1.2, 3, ParticleGraph.Split.TRAIN);
        GraphBatch b = new GraphBatch(List.of(a, c), 2, DataType.FLOAT, null, 0);
        int ea = a.edgeCount() + a.nodeCount();
        assertEquals(ea + c.edgeCount() + c.nodeCount(), b.totalEdges);
        assertEquals(a.nodeCount() + c.nodeCount(), b.totalNodes);
        int[] recv = b.receiver.toIntVector();
        int[] send = b.sender.toIntVector();
        int[] owner = b.graph.toIntVector();
        for (int e = 0; e < recv.length; e++) {
            // edges never cross graphs: both ends belong to the graph the edge was listed with
            int expected = e < ea ? 0 : 1;
            assertEquals(expected, owner[recv[e]]);
            assertEquals(expected, owner[send[e]]);
        }
        assertEquals(c.neighbours()[0] + a.nodeCount(), send[ea]);
        assertEquals(c.nodeCount(), b.count.getDouble(1, 0));
    }
}

package io.github.mdxai.learn.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphBatchTest {

    @Test
    void nodeInputsHoldTypeAndRadialHistogramOfIncomingEdges() {
        // node 0 receives one edge from node 1 at distance 1.0 (the centre of basis function 2); node 1 receives none
        ParticleGraph g = new ParticleGraph(0, 1, 1.0, ParticleGraph.Split.TRAIN, 2, new int[]{1, 2}, new int[]{0, 1},
                new double[]{5, 5, 5}, new float[]{1, 1, 1, 2, 1, 1}, new int[]{0, 1, 1}, new int[]{1},
                new float[]{0.6f, 0.8f, 0f});
        GraphBatch b = new GraphBatch(List.of(g), 2, null, 0);
        int f = GraphBatch.nodeFeatures(2);
        assertEquals(f, b.inputWidth);
        assertEquals(1.0, b.nodes[0]);
        assertEquals(0.0, b.nodes[1]);
        assertEquals(1.0, b.nodes[f + 1]);
        double scale = GraphBatch.HISTOGRAM_SCALE;
        assertEquals(1.0 / scale, b.nodes[2 + 2], 1e-6);
        assertEquals(Math.exp(-0.5) / scale, b.nodes[2 + 1], 1e-6);
        assertEquals(Math.exp(-0.5) / scale, b.nodes[2 + 3], 1e-6);
        assertEquals(Math.exp(-2.0) / scale, b.nodes[2], 1e-6);
        for (int k = 0; k < GraphBatch.RBF_COUNT; k++) {
            assertEquals(0.0, b.nodes[f + 2 + k], "node without incoming edges, basis " + k);
        }
        // edges: node 0 = [self, edge from 1], node 1 = [self]
        assertEquals(3, b.totalEdges);
        assertArrayEquals(new int[]{0, 2, 3}, b.edgeStart);
        assertArrayEquals(new int[]{0, 1, 1}, b.sender);
        assertArrayEquals(new int[]{0, 0, 1}, b.receiver);
        assertEquals(0.6f, b.geometry[4], 1e-6f);
        assertEquals(1.0f, b.geometry[4 + 3], 1e-6f);
        assertEquals(0f, b.geometry[3]);
        // outgoing edges: node 0 sends only on its self-loop (edge 0), node 1 on edges 1 and 2
        assertArrayEquals(new int[]{0, 1, 3}, b.outStart);
        assertArrayEquals(new int[]{0, 1, 2}, b.outEdges);
    }

    @Test
    void batchIsTheDisjointUnionOfItsGraphs() {
        ParticleGraph a = SyntheticGraphs.graph(0, 0, 2, 1.6, 1.5, 3, ParticleGraph.Split.TRAIN);
        ParticleGraph c = SyntheticGraphs.graph(1, 1, 3, 1.0, 1.2, 3, ParticleGraph.Split.TRAIN);
        GraphBatch b = new GraphBatch(List.of(a, c), 2, null, 0);
        assertEquals(a.nodeCount() + c.nodeCount(), b.totalNodes);
        assertEquals(a.edgeCount() + a.nodeCount() + c.edgeCount() + c.nodeCount(), b.totalEdges);
        assertArrayEquals(new int[]{0, a.nodeCount(), a.nodeCount() + c.nodeCount()}, b.graphStart);
        for (int e = 0; e < b.totalEdges; e++) {
            // edges never cross graphs
            assertEquals(b.receiver[e] < a.nodeCount(), b.sender[e] < a.nodeCount());
            assertTrue(e >= b.edgeStart[b.receiver[e]] && e < b.edgeStart[b.receiver[e] + 1]);
        }
        int i = c.degree(0) > 0 ? 0 : 1;
        assertEquals(a.nodeCount() + c.neighbours()[c.offsets()[i]],
                b.sender[b.edgeOf(1, c, i, c.offsets()[i])]);
        assertEquals(a.nodeCount() + i, b.sender[b.edgeOf(1, c, i, -1)]);
        // every edge is listed once among its sender's outgoing edges
        int[] seen = new int[b.totalEdges];
        for (int j = 0; j < b.totalNodes; j++) {
            for (int o = b.outStart[j]; o < b.outStart[j + 1]; o++) {
                assertEquals(j, b.sender[b.outEdges[o]]);
                seen[b.outEdges[o]]++;
            }
        }
        for (int count : seen) {
            assertEquals(1, count);
        }
    }
}

package io.github.mdxai.features.structure;

import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SteinhardtTest {

    private static final Steinhardt Q46 = new Steinhardt(new int[] {4, 6}, true);

    private static void assertAll(double expected, double[] values, double tol, String what) {
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected, values[i], tol, what + " particle " + i);
        }
    }

    @Test
    void fccWithTwelveNearestAndWithCutoff() {
        Lattices fcc = Lattices.fcc(3, 1.6);
        for (NeighborList list : new NeighborList[] {
                NeighborList.nearest(fcc.positions, fcc.box, 12, Progress.NONE),
                NeighborList.withinCutoff(fcc.positions, fcc.box, 0.85 * 1.6, Progress.NONE)}) {
            assertAll(12, java.util.Arrays.stream(Coordination.total(list)).asDoubleStream().toArray(), 0, "nn");
            OrderParameters op = Q46.compute(list, Progress.NONE);
            assertAll(0.57452, op.q(6), 1e-5, "q6 fcc");
            assertAll(0.19094, op.q(4), 1e-5, "q4 fcc");
            assertAll(0.57452, op.qAveraged(6), 1e-5, "q6 avg fcc");
            assertAll(-0.013161, op.wHat(6), 1e-6, "w6 hat fcc");
            assertAll(-0.159317, op.wHat(4), 1e-6, "w4 hat fcc");
        }
    }

    @Test
    void fccUnitCellUsesPeriodicImagesAsNeighbours() {
        Lattices fcc = Lattices.fcc(1, 1.0);
        NeighborList list = NeighborList.withinCutoff(fcc.positions, fcc.box, 0.8, Progress.NONE);
        assertEquals(48, list.edgeCount());
        assertAll(0.57452, Q46.compute(list, Progress.NONE).q(6), 1e-5, "q6 fcc unit cell");
    }

    @Test
    void hcp() {
        Lattices hcp = Lattices.hcp(3, 2, 2, 1.0);
        OrderParameters op = Q46.compute(NeighborList.nearest(hcp.positions, hcp.box, 12, Progress.NONE),
                Progress.NONE);
        assertAll(0.48476, op.q(6), 1e-5, "q6 hcp");
        assertAll(0.09722, op.q(4), 1e-5, "q4 hcp");
        assertAll(-0.012442, op.wHat(6), 1e-6, "w6 hat hcp");
        assertAll(0.134097, op.wHat(4), 1e-6, "w4 hat hcp");
    }

    @Test
    void bccWithFourteenNeighbours() {
        Lattices bcc = Lattices.bcc(4, 1.0);
        OrderParameters op = Q46.compute(NeighborList.nearest(bcc.positions, bcc.box, 14, Progress.NONE),
                Progress.NONE);
        assertAll(0.51069, op.q(6), 1e-5, "q6 bcc");
        assertAll(0.03637, op.q(4), 1e-5, "q4 bcc");
        OrderParameters eight = Q46.compute(NeighborList.nearest(bcc.positions, bcc.box, 8, Progress.NONE),
                Progress.NONE);
        assertAll(0.62854, eight.q(6), 1e-5, "q6 bcc 8 nn");
        assertAll(0.50918, eight.q(4), 1e-5, "q4 bcc 8 nn");
    }

    @Test
    void icosahedronCentre() {
        Lattices ico = Lattices.icosahedron();
        NeighborList list = NeighborList.withinCutoff(ico.positions, ico.box, 1.02, Progress.NONE);
        assertEquals(12, list.count(0));
        OrderParameters op = Q46.compute(list, Progress.NONE);
        assertEquals(0.66332, op.q(6)[0], 1e-5);
        assertEquals(0.0, op.q(4)[0], 1e-12);
        assertEquals(-0.169754, op.wHat(6)[0], 1e-6);
    }

    @Test
    void isolatedParticleGetsZero() {
        NeighborList list = NeighborList.withinCutoff(new double[] {1, 1, 1, 5, 5, 5}, new double[] {10, 10, 10},
                1.0, Progress.NONE);
        OrderParameters op = Q46.compute(list, Progress.NONE);
        assertEquals(0.0, op.q(6)[0]);
        assertEquals(0.0, op.qAveraged(6)[1]);
        assertEquals(0.0, op.wHat(6)[1]);
    }

    @Test
    void wigner3jKnownValues() {
        // (2 2 2; 0 0 0) = -sqrt(2/35), (2 2 2; 1 -1 0) = 1/sqrt(70)
        assertEquals(-Math.sqrt(2.0 / 35), Steinhardt.wigner3j(2, 0, 0, 0), 1e-14);
        assertEquals(1 / Math.sqrt(70), Steinhardt.wigner3j(2, 1, -1, 0), 1e-14);
        assertEquals(0.0, Steinhardt.wigner3j(3, 0, 0, 0), 1e-14);
    }
}

package io.github.mdxai.features.structure;

import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** q_l, w_l and w_l hat against LAMMPS compute orientorder/atom on a liquid (see test-data/structure). */
class LammpsOrientOrderTest {

    private static final int[] DEGREES = {2, 4, 6};

    /**
     * Columns after id type x y z: cutoff mode q2 q4 q6 w2 w4 w6 w2^ w4^ w6^, then the same for nnn 12 (cutoff 2.5),
     * then q2 q4 q6 for nnn 12 inside cutoff 1.55.
     */
    record Reference(double[] positions, double[] box, double[][] columns) {
    }

    static Reference read() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("test-data/structure/liquid_orientorder.dump"));
        int n = Integer.parseInt(lines.get(3).trim());
        double[] box = new double[3];
        for (int d = 0; d < 3; d++) {
            String[] lohi = lines.get(5 + d).trim().split("\\s+");
            box[d] = Double.parseDouble(lohi[1]) - Double.parseDouble(lohi[0]);
        }
        double[] pos = new double[3 * n];
        double[][] cols = new double[21][n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(9 + i).trim().split("\\s+");
            int id = Integer.parseInt(f[0]) - 1;
            for (int d = 0; d < 3; d++) {
                pos[3 * id + d] = Double.parseDouble(f[2 + d]);
            }
            for (int c = 0; c < 21; c++) {
                cols[c][id] = Double.parseDouble(f[5 + c]);
            }
        }
        return new Reference(pos, box, cols);
    }

    private static void compare(Reference ref, NeighborList list, int firstColumn) {
        OrderParameters op = new Steinhardt(DEGREES, true).compute(list, Progress.NONE);
        double worst = 0;
        for (int d = 0; d < 3; d++) {
            int l = DEGREES[d];
            double[][] mine = {op.q(l), op.w(l), op.wHat(l)};
            for (int kind = 0; kind < 3; kind++) {
                double[] expected = ref.columns[firstColumn + 3 * kind + d];
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], mine[kind][i], 1e-6, "l=" + l + " kind " + kind + " atom " + (i + 1));
                    worst = Math.max(worst, Math.abs(expected[i] - mine[kind][i]));
                }
            }
        }
        // the arithmetic is the same up to summation order, so agreement is far tighter than the 1e-6 asked for
        assertTrue(worst < 1e-10, "largest difference " + worst);
    }

    @Test
    void cutoffModeMatchesLammps() throws IOException {
        Reference ref = read();
        compare(ref, NeighborList.withinCutoff(ref.positions, ref.box, 1.5, Progress.NONE), 0);
    }

    @Test
    void twelveNearestInsideAShortCutoffMatchesLammps() throws IOException {
        Reference ref = read();
        NeighborList list = NeighborList.nearestWithin(ref.positions, ref.box, 12, 1.55, Progress.NONE);
        OrderParameters op = new Steinhardt(DEGREES, false).compute(list, Progress.NONE);
        int zeros = 0;
        for (int d = 0; d < 3; d++) {
            double[] expected = ref.columns[18 + d];
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], op.q(DEGREES[d])[i], 1e-10, "l=" + DEGREES[d] + " atom " + (i + 1));
                zeros += d == 0 && expected[i] == 0 ? 1 : 0;
            }
        }
        assertEquals(97, zeros); // both kinds of rows are exercised
    }

    @Test
    void twelveNearestMatchesLammps() throws IOException {
        Reference ref = read();
        compare(ref, NeighborList.nearest(ref.positions, ref.box, 12, Progress.NONE), 9);
    }
}

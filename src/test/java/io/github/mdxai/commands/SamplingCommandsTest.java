package io.github.mdxai.commands;

import io.github.mdxai.cv.StatePair;
import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.commands.host.GridImages;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.sampling.FreeEnergy;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingCommandsTest {

    static final Path ALA2 = Path.of("test-data/ala2");

    @TempDir
    Path dir;

    static void run(Context ctx, Class<? extends org.scijava.command.Command> command, Map<String, Object> inputs) throws Exception {
        org.scijava.command.CommandModule module = ctx.service(CommandService.class).run(command, true, inputs).get();
        assertTrue(!module.isCanceled(), "canceled: " + module.getCancelReason());
    }

    @Test
    void metadynamicsThenTransitionRegionFromItsFrames() throws Exception {
        Path metad = dir.resolve("metad"), tr = dir.resolve("tr");
        try (Context ctx = new Context()) {
            Map<String, Object> in = new HashMap<>();
            in.put("structure", ALA2.resolve("conformations.gro").toFile());
            in.put("topology", ALA2.resolve("processed.top").toFile());
            in.put("steps", 2000L);
            in.put("pace", 100L);
            in.put("interval", 100L);
            in.put("seed", 3L);
            in.put("out", metad.toFile());
            run(ctx, RunMetadynamics.class, in);

            CsvTable colvar = CsvTable.read(metad.resolve("colvar.csv"));
            assertEquals(21, colvar.rowCount(), "rows at steps 0, 100, ..., 2000");
            assertEquals(List.of("time_ps", "phi_deg", "psi_deg", "theta_deg", "bias_kJmol", "ct_kJmol", "weight"),
                    colvar.columns().subList(0, 7));
            assertEquals(7 + 210, colvar.columns().size(), "210 non-bonded distances");
            assertTrue(colvar.hasColumn("r6-10_nm") && colvar.hasColumn("r6-11_nm"));
            assertTrue(!colvar.hasColumn("r5-6_nm"), "C5=O6 is bonded");
            double[] bias = colvar.column("bias_kJmol");
            assertEquals(0, bias[0], 0, "no bias before the first hill");
            assertTrue(bias[20] > 0, "hills were added");
            double[] w = colvar.column("weight"), ct = colvar.column("ct_kJmol");
            for (int k = 0; k < w.length; k++) {
                assertEquals(Math.exp((bias[k] - ct[k]) / FreeEnergy.kT(300)), w[k], 1e-4 * w[k]);
            }
            assertEquals(20, CsvTable.read(metad.resolve("hills.csv")).rowCount());
            assertEquals(21, GroFile.read(metad.resolve("frames.gro")).size());
            double[] x5 = GroFile.read(metad.resolve("frames.gro")).get(5).x();
            assertEquals(colvar.column("r6-10_nm")[5], Math.sqrt(Math.pow(x5[15] - x5[27], 2) + Math.pow(x5[16] - x5[28], 2)
                    + Math.pow(x5[17] - x5[29], 2)), 2e-4, "distance column matches the frame");
            assertTrue(Files.isRegularFile(metad.resolve("bias.csv")));

            in = new HashMap<>();
            in.put("input", metad.toFile());
            in.put("topology", ALA2.resolve("processed.top").toFile());
            in.put("centre", "-80 70");
            in.put("count", 5);
            in.put("stride", 20L);
            in.put("equilibration", 50L);
            in.put("kappa", 500.0);
            in.put("out", tr.toFile());
            run(ctx, SampleTransitionRegion.class, in);
        }
        assertEquals(5, GroFile.read(tr.resolve("transition_configs.gro")).size());
        CsvTable configs = CsvTable.read(tr.resolve("transition_configs.csv"));
        assertEquals(List.of("index", "time_ps", "phi_deg", "psi_deg", "theta_deg", "restraint_kJmol"), configs.columns());
        for (double phi : configs.column("phi_deg")) {
            assertEquals(-80, phi, 40, "restrained near the centre");
        }
    }

    @Test
    void freeEnergySurfaceFindsSaddleAndDeltaFOfAKnownSurface() throws Exception {
        // weighted samples on a 5-degree lattice: weight exp(-F/kT) of a surface with minima near C7eq and C7ax
        double kT = FreeEnergy.kT(300);
        List<double[]> rows = new ArrayList<>();
        double sumA = 0, sumB = 0;
        int k = 0;
        for (double phi = -177.5; phi < 180; phi += 5) {
            for (double psi = -177.5; psi < 180; psi += 5) {
                double f = model(phi, psi);
                double w = Math.exp(-f / kT);
                rows.add(new double[]{k++ * 0.1, phi, psi, w});
                if (StatePair.alanineDipeptide().a().contains(new double[]{phi, psi})) {
                    sumA += w;
                } else if (StatePair.alanineDipeptide().b().contains(new double[]{phi, psi})) {
                    sumB += w;
                }
            }
        }
        // shuffle deterministically so that every time block sees the whole surface
        java.util.Collections.shuffle(rows, new java.util.Random(5));
        for (int r = 0; r < rows.size(); r++) {
            rows.get(r)[0] = r * 0.1;
        }
        Path colvar = dir.resolve("colvar.csv");
        CsvTable.write(colvar, List.of("time_ps", "phi_deg", "psi_deg", "weight"), rows);
        Path out = dir.resolve("fes");
        try (Context ctx = new Context()) {
            run(ctx, FreeEnergySurface.class, Map.of("input", colvar.toFile(), "bins", 72, "out", out.toFile()));
        }
        Grid2D grid = GridImages.readTiff(out.resolve("free_energy_phi_psi.tif"));
        assertEquals(0, grid.finiteMin(), 1e-6);
        assertEquals(model(-77.5, 72.5) - model(-82.5, 67.5), grid.get(20, 50) - grid.get(19, 49), 1e-3);
        CsvTable saddle = CsvTable.read(out.resolve("saddle.csv"));
        // the saddle lies in the channel between the wells; its height is the lowest level at which the sublevel set
        // of the grid joins the two minima (found here by flood fill instead of the command's minimax path)
        double sx = saddle.column("phi_deg")[0], sy = saddle.column("psi_deg")[0];
        assertTrue(sx > -50 && sx < 40 && sy > -60 && sy < 40, "saddle at " + sx + ", " + sy);
        assertEquals(grid.get(grid.x().bin(sx), grid.y().bin(sy)), saddle.column("F_kJmol")[0], 1e-4);
        assertEquals(joiningLevel(grid, -77.5, 72.5, 72.5, -67.5), saddle.column("F_kJmol")[0], 1e-4);
        assertEquals(saddle.column("F_kJmol")[0] - grid.finiteMin(), saddle.column("barrier_from_C7eq_kJmol")[0], 1e-4,
                "C7eq holds the global minimum");
        CsvTable states = CsvTable.read(out.resolve("states.csv"));
        assertEquals(-kT * Math.log(sumB / sumA), states.column("deltaF_B_minus_A_kJmol")[0], 1e-6);
        assertNotNull(ImageIO.read(out.resolve("free_energy_phi_psi.png").toFile()));
        CsvTable path = CsvTable.read(out.resolve("path.csv"));
        // the wells are centred at phi = -80 and 70: the minima are the bins next to them
        assertEquals(-80, path.column("phi_deg")[0], 2.5 + 1e-9, "the path starts at the C7eq minimum");
        assertEquals(70, path.column("phi_deg")[path.rowCount() - 1], 2.5 + 1e-9, "and ends at the C7ax minimum");
    }

    /** The lowest F at which bins with F <= level connect (x0, y0) to (x1, y1), 8 neighbours, periodic. */
    static double joiningLevel(Grid2D g, double x0, double y0, double x1, double y1) {
        int nx = g.x().bins(), ny = g.y().bins();
        int start = g.y().bin(y0) * nx + g.x().bin(x0), end = g.y().bin(y1) * nx + g.x().bin(x1);
        List<Double> levels = new ArrayList<>();
        for (float v : g.values()) {
            levels.add((double) v);
        }
        java.util.Collections.sort(levels);
        int lo = 0, hi = levels.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (connected(g, start, end, levels.get(mid))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return levels.get(lo);
    }

    private static boolean connected(Grid2D g, int start, int end, double level) {
        int nx = g.x().bins(), ny = g.y().bins();
        boolean[] seen = new boolean[nx * ny];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        if (g.get(start % nx, start / nx) > level) {
            return false;
        }
        queue.add(start);
        seen[start] = true;
        while (!queue.isEmpty()) {
            int c = queue.poll();
            if (c == end) {
                return true;
            }
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int jx = (c % nx + dx + nx) % nx, jy = (c / nx + dy + ny) % ny;
                    int j = jy * nx + jx;
                    if (!seen[j] && g.get(jx, jy) <= level) {
                        seen[j] = true;
                        queue.add(j);
                    }
                }
            }
        }
        return false;
    }

    /** Two Gaussian wells (C7eq depth 40 at (-80, 70), C7ax depth 30 at (70, -70)) joined over a ridge at phi = 0. */
    static double model(double phi, double psi) {
        double a = well(phi, psi, -80, 70, 40, 45), b = well(phi, psi, 70, -70, 30, 45);
        double channel = well(phi, psi, 0, -10, 10, 35);
        return 40 - a - b - channel;
    }

    private static double well(double phi, double psi, double p0, double s0, double depth, double width) {
        double dp = StateRegion.wrapDegrees(phi - p0), ds = StateRegion.wrapDegrees(psi - s0);
        return depth * Math.exp(-(dp * dp + ds * ds) / (2 * width * width));
    }

    @Test
    void badInputsAreOneLineErrors() {
        assertArrayEquals(new double[]{20, 20}, RunMetadynamics.widths("20", 2));
        assertArrayEquals(new double[]{20, 0.05}, RunMetadynamics.widths("20, 0.05", 2));
        InputException e = assertThrows(InputException.class, () -> RunMetadynamics.widths("20 x", 2));
        assertTrue(e.getMessage().startsWith("sigma:"), e.getMessage());
        assertThrows(InputException.class, () -> RunMetadynamics.widths("20 20 20", 2));
        assertThrows(InputException.class, () -> RunMetadynamics.widths("-1", 1));
        Map<String, Object> in = new HashMap<>();
        in.put("structure", ALA2.resolve("conformations.gro").toFile());
        in.put("topology", ALA2.resolve("processed.top").toFile());
        in.put("cvs", "phi psi theta");
        in.put("out", dir.toFile());
        try (Context ctx = new Context()) {
            ExecutionException ex = assertThrows(ExecutionException.class, () -> run(ctx, RunMetadynamics.class, in));
            Throwable t = ex;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            assertTrue(t.getMessage().contains("one or two CVs"), t.getMessage());
        }
    }
}

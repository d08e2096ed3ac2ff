package io.github.mdxai.commands;

import io.github.mdxai.io.ExtendedXyz;
import io.github.mdxai.io.LammpsData;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structure Descriptors run headless on the LAMMPS reference liquid and the soft-sphere mixture. */
class StructureDescriptorsTest {

    private static final Path RESOURCES = Path.of("test-data/structure");

    @TempDir
    static Path dir;
    static Context context;

    @BeforeAll
    static void start() {
        context = new Context();
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    private static void run(Map<String, Object> in) throws Exception {
        context.service(CommandService.class).run(StructureDescriptors.class, true, in).get();
    }

    private static Map<String, Object> inputs(Path input, String neighbors, Path out) {
        Map<String, Object> in = new HashMap<>();
        in.put("input", input.toFile());
        in.put("neighbors", neighbors);
        in.put("cutoff", 1.5);
        in.put("k", 12);
        in.put("radii", "");
        in.put("bins", 40);
        in.put("threads", 2);
        in.put("out", out.toFile());
        return in;
    }

    @Test
    void nearestNeighboursOnADumpMatchLammps() throws Exception {
        Path out = dir.resolve("nearest");
        run(inputs(RESOURCES.resolve("liquid_orientorder.dump"), "nearest", out));
        CsvTable table = CsvTable.read(out.resolve(StructureDescriptors.TABLE));
        assertEquals(List.of("frame", "id", "type", "x_sigma", "y_sigma", "z_sigma", "coordination", "q4", "q6", "q4_avg", "q6_avg",
                "voronoi_volume_sigma3"), table.columns());
        CsvTable lammps = CsvTable.read(dumpAsCsv(RESOURCES.resolve("liquid_orientorder.dump")));
        double[] q6 = table.column("q6");
        double[] q4 = table.column("q4");
        double[] ids = table.column("id");
        double[] q6Lammps = lammps.column("c_qn[3]");
        double[] q4Lammps = lammps.column("c_qn[2]");
        double[] idsLammps = lammps.column("id");
        assertEquals(480, q6.length);
        for (int i = 0; i < q6.length; i++) {
            assertEquals(idsLammps[i], ids[i]);
            assertEquals(q6Lammps[i], q6[i], 1e-6);
            assertEquals(q4Lammps[i], q4[i], 1e-6);
        }
        double volume = 6.7183847655300291 * 8.3979809569125372 * 10.077577148295044;
        double sum = 0;
        for (double v : table.column("voronoi_volume_sigma3")) {
            sum += v;
        }
        assertEquals(volume, sum, 1e-9 * volume);
        for (double c : table.column("coordination")) {
            assertEquals(12, c);
        }
        for (String name : new String[] {"coordination", "q4", "q6", "q4_avg", "q6_avg", "voronoi_volume_sigma3"}) {
            BufferedImage image = ImageIO.read(out.resolve("histogram_" + name + ".png").toFile());
            assertNotNull(image, name);
            assertTrue(image.getWidth() > 100 && image.getHeight() > 100);
        }
        CsvTable histograms = CsvTable.read(out.resolve("histograms.csv"));
        double total = 0;
        for (int r = 0; r < histograms.rowCount(); r++) {
            if (histograms.text(r, 0).equals("q6")) {
                total += histograms.number(r, 3);
            }
        }
        assertEquals(480, total);
    }

    /** The dump's ATOMS section as CSV, so the test reads LAMMPS's own columns by name. */
    private static Path dumpAsCsv(Path dump) throws Exception {
        List<String> lines = Files.readAllLines(dump);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", lines.get(8).substring("ITEM: ATOMS ".length()).trim().split("\\s+")))
                .append('\n');
        for (String line : lines.subList(9, lines.size())) {
            sb.append(String.join(",", line.trim().split("\\s+"))).append('\n');
        }
        Path csv = dir.resolve("lammps.csv");
        Files.writeString(csv, sb.toString());
        return csv;
    }

    @Test
    void firstShellOnTheMixtureWritesCutoffsAndRadicalVolumes() throws Exception {
        Path out = dir.resolve("shell");
        Map<String, Object> in = inputs(Path.of("test-data/softsphere/config_N1000.data"), "shell", out);
        in.put("radii", "0.5, 0.6");
        run(in);
        CsvTable shells = CsvTable.read(out.resolve("shell_cutoffs.csv"));
        assertEquals(3, shells.rowCount());
        double[] cut = shells.column("cutoff_sigma");
        assertTrue(cut[0] > 1.3 && cut[0] < 1.75 && cut[2] > 1.56 && cut[2] < 2.1);
        CsvTable table = CsvTable.read(out.resolve(StructureDescriptors.TABLE));
        assertEquals(1000, table.rowCount());
        double sum = 0;
        for (double v : table.column("voronoi_volume_sigma3")) {
            sum += v;
        }
        assertEquals(1250, sum, 1e-9 * 1250);
        CsvTable pairs = CsvTable.read(out.resolve("coordination_pairs.csv"));
        assertEquals(4, pairs.rowCount());
        assertTrue(Files.exists(out.resolve("partial_gr.csv")));
    }

    /** A two-frame extended XYZ trajectory whose second frame is the first shifted: same descriptors. */
    @Test
    void trajectoryFramesAreTranslationInvariant() throws Exception {
        Configuration c = LammpsData.read(Path.of("test-data/softsphere/config_N1000.data"));
        double[] shifted = c.positions().clone();
        double[] shift = {0.3, -1.7, 2.9};
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += shift[i % 3];
        }
        Path xyz = dir.resolve("two.xyz");
        ExtendedXyz.write(xyz, List.of(c, new Configuration(c.ids(), c.types(), shifted, null, null, c.box(), 1,
                0)));
        Path out = dir.resolve("two");
        run(inputs(xyz, "cutoff", out));
        CsvTable table = CsvTable.read(out.resolve(StructureDescriptors.TABLE));
        assertEquals(2000, table.rowCount());
        double[] frame = table.column("frame");
        for (String name : new String[] {"coordination", "q4", "q6", "q4_avg", "q6_avg", "voronoi_volume_sigma3"}) {
            double[] v = table.column(name);
            for (int i = 0; i < 1000; i++) {
                assertEquals(0, frame[i]);
                assertEquals(1, frame[1000 + i]);
                assertEquals(v[i], v[1000 + i], 1e-9, name + " of particle " + (i + 1));
            }
        }
    }

    /** LAMMPS names its files data.NAME and dump.NAME: formats are recognised by content. */
    @Test
    void lammpsStyleFileNamesAreRecognised() throws Exception {
        Path data = dir.resolve("data.mixture");
        Files.copy(Path.of("test-data/softsphere/config_N1000.data"), data);
        Path dump = dir.resolve("dump.liquid");
        Files.copy(RESOURCES.resolve("liquid_orientorder.dump"), dump);
        run(inputs(data, "nearest", dir.resolve("named-data")));
        run(inputs(dump, "nearest", dir.resolve("named-dump")));
        assertEquals(1000, CsvTable.read(dir.resolve("named-data").resolve(StructureDescriptors.TABLE)).rowCount());
        assertEquals(480, CsvTable.read(dir.resolve("named-dump").resolve(StructureDescriptors.TABLE)).rowCount());
    }

    @Test
    void badInputsAreReportedInOneLine() {
        Map<String, Object> in = inputs(Path.of("test-data/softsphere/config_N1000.data"), "voronoi", dir.resolve("bad"));
        assertInputError(in, "neighbors");
        in.put("neighbors", "nearest");
        in.put("radii", "0.5,big");
        assertInputError(in, "radii");
        in.put("radii", "");
        in.put("input", RESOURCES.resolve("README.txt").toFile());
        assertInputError(in, "unknown format");
    }

    private static void assertInputError(Map<String, Object> in, String expected) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(in));
        Throwable cause = e;
        while (cause != null && !(cause instanceof InputException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, "expected an InputException, got " + e);
        assertTrue(cause.getMessage().contains(expected), cause.getMessage());
    }
}

package io.github.mdxai.features.structure;

import io.github.mdxai.io.ParticleFiles;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files of a structure analysis: table, pair coordination, histograms that count every particle, summary. */
class StructureDescriptorFilesTest {

    @TempDir
    Path tmp;

    @Test
    void tableHistogramsAndSummaryAgree() throws Exception {
        List<Configuration> frames = ParticleFiles.read(Path.of("test-data/structure/liquid_orientorder.dump"));
        StructureAnalysis.Options options = new StructureAnalysis.Options(StructureAnalysis.Neighbors.CUTOFF, 1.5, 12,
                null, 1);
        StructureAnalysis.Result result = StructureAnalysis.compute(frames, options, Progress.NONE);
        StructureDescriptorFiles.Written w = StructureDescriptorFiles.write(tmp, result, options, 30);

        CsvTable table = CsvTable.read(tmp.resolve(StructureDescriptorFiles.TABLE));
        assertEquals(480, table.rowCount());
        for (int v = 0; v < StructureDescriptorFiles.DESCRIPTORS.size(); v++) {
            assertArrayEquals(table.column(StructureDescriptorFiles.DESCRIPTORS.get(v)), w.values()[v]);
        }
        CsvTable histograms = CsvTable.read(tmp.resolve("histograms.csv"));
        for (String name : StructureDescriptorFiles.DESCRIPTORS) {
            double total = 0;
            int bins = 0;
            for (int r = 0; r < histograms.rowCount(); r++) {
                if (histograms.text(r, 0).equals(name)) {
                    total += histograms.number(r, 3);
                    bins++;
                }
            }
            assertEquals(480, total, name);
            if (!name.equals("coordination")) {
                assertEquals(30, bins, name);
            }
            BufferedImage png = ImageIO.read(tmp.resolve("histogram_" + name + ".png").toFile());
            assertEquals(w.histograms().get(0).getWidth(), png.getWidth());
        }
        CsvTable pairs = CsvTable.read(tmp.resolve("coordination_pairs.csv"));
        assertEquals(1, pairs.rowCount());
        assertEquals(1.5, pairs.number(0, 2));
        double meanCoordination = 0;
        for (double c : table.column("coordination")) {
            meanCoordination += c / 480;
        }
        assertEquals(meanCoordination, pairs.number(0, 3), 1e-12);
        assertTrue(w.summary().startsWith("1 frame(s), 480 particle rows; mean coordination "), w.summary());
    }

    @Test
    void radiiAreParsedAndCheckedByType() {
        assertNull(StructureDescriptorFiles.parseRadii("  "));
        assertArrayEquals(new double[]{0.5, 0.6}, StructureDescriptorFiles.parseRadii("0.5, 0.6"));
        InputException e = assertThrows(InputException.class, () -> StructureDescriptorFiles.parseRadii("0.5,big"));
        assertTrue(e.getMessage().startsWith("radii: 'big'"), e.getMessage());
        e = assertThrows(InputException.class, () -> StructureDescriptorFiles.parseRadii("0.5,-1"));
        assertTrue(e.getMessage().contains("type 2"), e.getMessage());
    }
}

package io.github.mdxai.figures;

import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SurfacePlotTest {

    @TempDir
    Path dir;

    @Test
    void drawsCellsNaNPointsAndWritesAPng() throws Exception {
        Grid2D g = new Grid2D(Axis.spanning("phi", "deg", -180, 180, 4), Axis.spanning("psi", "deg", -180, 180, 4), "F", "kJ/mol", new float[16]);
        for (int iy = 0; iy < 4; iy++) {
            for (int ix = 0; ix < 4; ix++) {
                g.set(ix, iy, ix * 10);
            }
        }
        g.set(3, 3, Float.NaN);
        SurfacePlot plot = new SurfacePlot(g).title("test").range(0, 30).contours(5)
                .points(new double[]{-135}, new double[]{-135}, Color.RED, "a point");
        BufferedImage img = plot.render();
        // plot area 520 px from (90, 50): bin (0, 3) top left holds F = 0 (darkest), bin (3, 3) top right is NaN (grey)
        assertEquals(new Color(ColourMaps.viridis().getRGB(0)).getRGB(), img.getRGB(90 + 30, 50 + 30));
        assertEquals(new Color(225, 225, 225).getRGB(), img.getRGB(90 + 520 - 30, 50 + 30));
        // bin (3, 0): F = 30 = colour maximum (yellow)
        assertEquals(new Color(ColourMaps.viridis().getRGB(255)).getRGB(), img.getRGB(90 + 520 - 30, 50 + 520 - 20));
        // the point at (-135, -135) is the centre of bin (0, 0)
        assertEquals(Color.RED.getRGB(), img.getRGB(90 + 65, 50 + 520 - 65));
        assertArrayEquals(new double[]{-180, -120, -60, 0, 60, 120, 180}, SurfacePlot.ticks(-180, 180), 1e-9);
        assertArrayEquals(new double[]{0, 10, 20, 30, 40, 50}, SurfacePlot.ticks(0, 50), 1e-9);
        Path png = dir.resolve("f.png");
        plot.writePng(png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(img.getWidth(), back.getWidth());
        assertEquals(img.getRGB(90 + 30, 50 + 30), back.getRGB(90 + 30, 50 + 30));
        assertNotEquals(img.getRGB(5, 5), img.getRGB(90 + 30, 50 + 30));
    }
}

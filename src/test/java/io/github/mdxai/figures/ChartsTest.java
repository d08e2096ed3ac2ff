package io.github.mdxai.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    @Test
    void ticksAreNiceStepsInsideTheRange() {
        assertEquals(0.2, Ticks.step(0, 1, 5), 1e-12);
        assertEquals(50, Ticks.step(0, 230, 6), 1e-12);
        assertArrayEquals(new double[]{0, 0.2, 0.4, 0.6, 0.8, 1.0}, Ticks.values(0, 1, 0.2), 1e-12);
        assertEquals("0.40", Ticks.label(0.4, 0.05));
        assertEquals("100", Ticks.label(100, 50));
    }

    @Test
    void barsAreDrawnFromZeroInTheirColourAndSavedAsPng(@TempDir Path dir) throws Exception {
        Color blue = new Color(0, 0, 255);
        BarChart chart = new BarChart("t", "value", new String[]{"big", "small"}, new double[]{1.0, 0.1}).color(blue);
        BufferedImage image = chart.render(400, 0);
        int blueInTopRow = 0;
        int blueInBottomRow = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (image.getRGB(x, y) == blue.getRGB()) {
                    if (y < image.getHeight() / 2) {
                        blueInTopRow++;
                    } else {
                        blueInBottomRow++;
                    }
                }
            }
        }
        assertTrue(blueInTopRow > 5 * blueInBottomRow && blueInBottomRow > 0,
                "bar areas " + blueInTopRow + " vs " + blueInBottomRow);
        Path png = dir.resolve("bars.png");
        chart.writePng(png, 400, 0);
        assertEquals(400, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void scatterPointsLandWhereTheirDataCoordinatesSay(@TempDir Path dir) throws Exception {
        Color red = new Color(255, 0, 0);
        ScatterPlot plot = new ScatterPlot("t", "x", "y").range(0, 1, 0, 1).markerSize(12)
                .series("", new double[]{0.9}, new double[]{0.9}, red);
        BufferedImage image = plot.render(500, 500);
        double sumX = 0;
        double sumY = 0;
        int n = 0;
        for (int x = 0; x < 500; x++) {
            for (int y = 0; y < 500; y++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() > 200 && c.getGreen() < 150 && c.getBlue() < 150) {
                    sumX += x;
                    sumY += y;
                    n++;
                }
            }
        }
        assertTrue(n > 20);
        // the marker sits in the upper-right part of the plot
        assertTrue(sumX / n > 350 && sumY / n < 150, "marker centre " + sumX / n + ", " + sumY / n);
        plot.writePng(dir.resolve("p.png"), 300, 300);
        assertEquals(300, ImageIO.read(dir.resolve("p.png").toFile()).getHeight());
    }

    @Test
    void logAxesPlaceEqualRatiosAtEqualDistances() {
        Color red = new Color(255, 0, 0);
        Color blue = new Color(0, 0, 255);
        // 2 and 50 lie equally far (in decades) either side of 10, as 0.1 and 10 do of 1: on log axes the blue pair's
        // centre is the red marker; on linear axes it would sit at (26, 5.05). A point at 0 cannot be drawn and is skipped.
        ScatterPlot plot = new ScatterPlot("t", "x", "y").logX().logY().range(1, 100, 0.01, 100).markerSize(12)
                .series("", new double[]{10, 0}, new double[]{1, 0}, red)
                .series("", new double[]{2, 50}, new double[]{0.1, 10}, blue);
        BufferedImage image = plot.render(500, 500);
        double[] middle = centre(image, c -> c.getRed() > 200 && c.getGreen() < 150 && c.getBlue() < 150);
        double[] pair = centre(image, c -> c.getBlue() > 200 && c.getGreen() < 150 && c.getRed() < 150);
        assertEquals(pair[0], middle[0], 1.0);
        assertEquals(pair[1], middle[1], 1.0);
        assertEquals(2 * middle[2], pair[2], 6, "one red marker, two blue ones");
    }

    /** Centre (x, y) and count of the pixels whose colour passes the test. */
    private static double[] centre(BufferedImage image, java.util.function.Predicate<Color> test) {
        double sumX = 0;
        double sumY = 0;
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (test.test(new Color(image.getRGB(x, y)))) {
                    sumX += x;
                    sumY += y;
                    n++;
                }
            }
        }
        return new double[]{sumX / n, sumY / n, n};
    }
}

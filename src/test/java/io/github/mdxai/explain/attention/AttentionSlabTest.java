package io.github.mdxai.explain.attention;

import io.github.mdxai.figures.ColourMaps;
import io.github.mdxai.learn.graph.ParticleGraph;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttentionSlabTest {

    @Test
    void slabHasAScaleBarOfItsStatedLengthAndDiscsInTheSharedColourMap() {
        ParticleGraph g = AttentionAnalysisTest.liquid(0, 0, 3); // cubic box of 4.4 sigma
        double[] values = new double[g.nodeCount()];
        java.util.Arrays.fill(values, 1.0);
        int pixelsPerSigma = 40;
        BufferedImage image = AttentionMaps.slab(g, values, g.box()[2] / 2, 1.0, new double[]{0.5, 0.6}, pixelsPerSigma,
                0, 1, "attention (dimensionless)");
        int boxPixels = (int) Math.ceil(4.4 * pixelsPerSigma);
        assertTrue(image.getHeight() > boxPixels + 60, "room under the box for scale bar and species key");
        // the scale bar: 1 sigma (a round length near a quarter of the box) = 40 black pixels in a row, under the box
        int longest = 0;
        for (int y = 56 + boxPixels + 5; y < image.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                run = image.getRGB(x, y) == Color.BLACK.getRGB() ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        assertEquals(pixelsPerSigma, longest);
        // value 1 at the top of [0, 1]: discs in the colour map's top colour, the one the host's LUT uses
        int top = ColourMaps.viridis().getRGB(255);
        int count = 0;
        for (int y = 56; y < 56 + boxPixels; y++) {
            for (int x = 20; x < 20 + boxPixels; x++) {
                count += image.getRGB(x, y) == top ? 1 : 0;
            }
        }
        assertTrue(count > 1000, "disc pixels in the top colour: " + count);
    }
}

package io.github.mdxai.committor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommittorHistogramTest {

    @Test
    void numbersOfAKnownSample() {
        CommittorHistogram h = CommittorHistogram.of("s", new double[]{0, 0.4, 0.5, 0.6, 1, Double.NaN}, 100);
        assertEquals(5, h.n());
        assertEquals(1, h.undetermined());
        assertEquals(0.5, h.mean(), 1e-12);
        assertEquals(Math.sqrt((0.25 + 0.01 + 0 + 0.01 + 0.25) / 4), h.std(), 1e-12);
        assertEquals(0.6, h.fractionInMiddle(), 1e-12);
        assertEquals(0.05, h.binomialStd(), 1e-12);
        assertEquals(1, h.counts()[0]);
        assertEquals(1, h.counts()[CommittorHistogram.BINS - 1]);
        double total = 0;
        for (double f : h.binomialFraction()) {
            total += f;
        }
        assertEquals(1, total, 1e-12);
    }

    /** Configurations that all have p_B = 1/2, shot n times each: the measured spread is the binomial width. */
    @Test
    void aPerfectCoordinateSpreadsOnlyByBinomialNoise(@TempDir Path dir) {
        SplittableRandom random = new SplittableRandom(11);
        int shots = 100;
        double[] measured = new double[4000];
        for (int c = 0; c < measured.length; c++) {
            int b = 0;
            for (int s = 0; s < shots; s++) {
                b += random.nextBoolean() ? 1 : 0;
            }
            measured[c] = (double) b / shots;
        }
        CommittorHistogram h = CommittorHistogram.of("perfect", measured, shots);
        assertEquals(h.binomialStd(), h.std(), 0.002);
        assertEquals(0.5, h.mean(), 0.003);
        double[] f = h.fractions();
        double[] expected = h.binomialFraction();
        for (int b = 0; b < f.length; b++) {
            assertEquals(expected[b], f[b], 0.02, "bin " + b);
        }
        h.writeCsv(dir.resolve("h.csv"));
        assertEquals(CommittorHistogram.BINS, io.github.mdxai.util.CsvTable.read(dir.resolve("h.csv")).rowCount());
    }
}

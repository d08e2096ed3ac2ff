package io.github.mdxai.commands.study;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyBLadderTest {

    @Test
    void paperPresetIsTheLadderFromTheHotReferenceToGamma150() {
        StudyB.Preset p = StudyB.preset("paper");
        assertArrayEquals(new double[]{1.00, 1.05, 1.15, 1.25, 1.35, 1.40, 1.45, 1.50}, p.gammas());
        assertEquals(1.350, StudyB.temperature(p.hot()), 5e-4);
        assertEquals(0.267, StudyB.temperature(p.coldest()), 5e-4);
        assertTrue(p.particles() >= 1000);
        assertTrue(p.seeds() >= 3);
        assertEquals(p.gammas().length, p.equilibration().length);
        for (StudyB.Preset q : new StudyB.Preset[]{p, StudyB.preset("quick"), StudyB.preset("smoke")}) {
            double[] g = q.gammas();
            double[] sorted = g.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, g, "a cooling ladder runs warm to cold");
            assertEquals(g.length, q.equilibration().length, q.name());
            assertTrue(q.expectedTime().contains("minute"), q.name());
        }
    }

    @Test
    void classifierSeedsAreDistinctStreams() {
        assertTrue(StudyB.classifierSeed(1, 0) != StudyB.classifierSeed(1, 1));
        assertEquals(StudyB.classifierSeed(7, 2), StudyB.classifierSeed(7, 2));
    }

    /** 95 % Student-t interval: mean 0.9, sd 0.1, n = 3 -> half width t(0.975, 2) 0.1 / sqrt 3 = 0.2484. */
    @Test
    void accuracyIntervalOverSeedsIsStudentT() {
        double[] ci = StudyBLadder.meanAndInterval(new double[]{0.8, 0.9, 1.0});
        assertEquals(0.9, ci[0], 1e-12);
        assertEquals(4.302652729749464 * 0.1 / Math.sqrt(3), ci[2] - ci[0], 1e-9);
        assertEquals(ci[0] - ci[1], ci[2] - ci[0], 1e-12);
        double[] one = StudyBLadder.meanAndInterval(new double[]{1.0});
        assertEquals(1.0, one[0]);
        assertTrue(Double.isNaN(one[1]));
        double[] same = StudyBLadder.meanAndInterval(new double[]{1, 1, 1});
        assertEquals(1.0, same[1]);
        assertEquals(1.0, same[2]);
    }
}

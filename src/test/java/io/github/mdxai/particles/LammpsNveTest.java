package io.github.mdxai.particles;

import io.github.mdxai.io.LammpsData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Our NVE trajectory against LAMMPS's on the same configuration and settings (skipped where lmp is not installed). */
class LammpsNveTest {

    @Test
    void ourNveTrajectoryFollowsLammpsStepForStep(@TempDir Path work) throws Exception {
        assumeTrue(LammpsNve.installed(), "lmp (Debian package lammps) is not installed");
        Configuration c = LammpsData.read(VelocityVerletTest.DATA);
        long steps = 300;
        LammpsNve lammps = LammpsNve.prepare(work, SoftSphereMixture.BERNU_HANSEN, null, SoftSphereBenchmark.DT,
                SoftSphereBenchmark.SKIN, SoftSphereBenchmark.WARM_UP, SoftSphereBenchmark.SAMPLE_EVERY);
        assertTrue(lammps.style().startsWith("hybrid/overlay"), lammps.style());
        Process run = lammps.start(VelocityVerletTest.DATA, "test", steps);
        SoftSphereBenchmark.EngineRun ours = SoftSphereBenchmark.runOurs(c, steps, 1, -1, new double[1][], 0);
        SoftSphereBenchmark.EngineRun theirs = lammps.finish(run, "test", c.size(), steps, SoftSphereBenchmark.DT);
        assertEquals(steps / SoftSphereBenchmark.SAMPLE_EVERY + 1, theirs.totalEnergy().length);
        assertArrayEquals(theirs.time(), ours.time(), 1e-12);
        // the same dynamics: 2.5 tau after the start the largest difference was 8e-14 (LAMMPS prints 15 digits),
        // against a 7e-5 fluctuation of Etot/atom; chaos amplifies rounding differences, hence the margin
        double worst = 0;
        for (int k = 0; k < ours.totalEnergy().length; k++) {
            worst = Math.max(worst, Math.abs(ours.totalEnergy()[k] - theirs.totalEnergy()[k]));
        }
        assertTrue(worst < 1e-11, "largest Etot/atom difference " + worst);
        // the same rebuild criterion (a half-skin move since the last build): as many rebuilds
        assertEquals(theirs.listBuilds(), ours.listBuilds());
    }
}

package io.github.mdxai.particles;

import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LiquidProtocolTest {

    @Test
    void wholeProtocolIsBitIdenticalForOneAndTwoThreads(@TempDir Path dir) throws Exception {
        // melt, thermostatted equilibration and NVE production with frames: every file byte for byte the same
        SoftSphereMixture m = SoftSphereMixture.BERNU_HANSEN;
        Configuration[] last = new Configuration[2];
        for (int threads = 1; threads <= 2; threads++) {
            Path out = Files.createDirectories(dir.resolve("threads" + threads));
            LiquidProtocol.Result r = LiquidProtocol.run(new LiquidProtocol.Parameters(m, 500, m.density(), 1.0, 0.005,
                    400, 300, 100, 9, threads), out, Progress.NONE);
            last[threads - 1] = r.configuration();
            assertEquals(4, r.frames());
        }
        assertArrayEquals(last[0].positions(), last[1].positions());
        assertArrayEquals(last[0].velocities(), last[1].velocities());
        for (String file : new String[]{"thermo.csv", "trajectory.xyz", "final.data", "summary.csv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("threads1").resolve(file)),
                    Files.readAllBytes(dir.resolve("threads2").resolve(file)), file);
        }
    }
}

package io.github.mdxai.commands;

import io.github.mdxai.util.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommittorTestCommandTest {

    static Map<String, Object> inputs(Path out) {
        Map<String, Object> in = new HashMap<>();
        in.put("configs", CommittorCommandsTest.TRANSITION.toFile());
        in.put("topology", CommittorCommandsTest.ALA2.resolve("processed.top").toFile());
        in.put("kind", "cv");
        in.put("coordinate", "0.5*phi + 0.5*psi");
        in.put("value", -20.0);
        in.put("region", "phi -40 20 psi -80 0");
        in.put("kappa", 400.0);
        in.put("count", 4);
        in.put("interval", 20L);
        in.put("equilibration", 100L);
        in.put("shots", 4);
        in.put("tmax", 0.2);
        in.put("seed", 2L);
        in.put("threads", 2);
        in.put("out", out.toFile());
        return in;
    }

    @Test
    void aLinearCombinationOfDihedralsIsTestedEndToEnd(@TempDir Path dir) throws Exception {
        try (Context ctx = new Context()) {
            CommandService commands = ctx.service(CommandService.class);
            CommandModule m = CommittorCommandsTest.run(commands, RunCommittorTest.class, inputs(dir));
            String summary = (String) m.getOutput("summary");
            assertTrue(summary.startsWith("Committor Test on cv 0.5*phi+0.5*psi = -20.0 deg: n = "), summary);
            CsvTable samples = CsvTable.read(dir.resolve("surface_configs.csv"));
            assertEquals(4, samples.rowCount());
            for (double s : samples.column("0.5*phi+0.5*psi_deg")) {
                assertTrue(Math.abs(s + 20) < 15, "coordinate " + s + " deg far from -20");
            }
            assertTrue(Files.isRegularFile(dir.resolve("committor_test.png")));
            assertEquals(20, ((ij.measure.ResultsTable) m.getOutput("table")).size());
            Map<String, Object> bad = inputs(dir.resolve("bad"));
            bad.put("kind", "model");
            bad.put("model", null);
            String message = CommittorCommandsTest.rootMessage(assertThrows(ExecutionException.class,
                    () -> CommittorCommandsTest.run(commands, RunCommittorTest.class, bad)));
            assertTrue(message.startsWith("model:"), message);
        }
    }
}

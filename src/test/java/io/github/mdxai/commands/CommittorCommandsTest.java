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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommittorCommandsTest {

    static final Path ALA2 = Path.of("test-data/ala2");
    static final Path TRANSITION = Path.of("test-data/committor/transition.gro");

    static Map<String, Object> compute(Path out, String shard, long seed) {
        Map<String, Object> in = new HashMap<>();
        in.put("configs", TRANSITION.toFile());
        in.put("topology", ALA2.resolve("processed.top").toFile());
        in.put("states", null); // left out entirely, SciJava's file preprocessor cancels a headless run
        in.put("shots", 4);
        in.put("tmax", 1.0);
        in.put("temperature", 300.0);
        in.put("seed", seed);
        in.put("threads", 2);
        in.put("shard", shard);
        in.put("out", out.toFile());
        return in;
    }

    @Test
    void shardsMergeAndJoinWithDistanceFeatures(@TempDir Path dir) throws Exception {
        try (Context ctx = new Context()) {
            CommandService commands = ctx.service(CommandService.class);
            Path whole = dir.resolve("whole"), shards = dir.resolve("shards"), merged = dir.resolve("merged");
            run(commands, ComputeCommittors.class, compute(whole, "1/1", 3));
            run(commands, ComputeCommittors.class, compute(shards, "1/2", 3));
            CommandModule last = run(commands, ComputeCommittors.class, compute(shards, "2/2", 3));
            assertTrue(((String) last.getOutput("summary")).contains("3 configurations"), (String) last.getOutput("summary"));
            run(commands, MergeCommittorShards.class, Map.of("shards", shards.toFile(), "out", merged.toFile()));
            assertEquals(Files.readString(whole.resolve("committors.csv")), Files.readString(merged.resolve("committors.csv")));

            Map<String, Object> features = new HashMap<>();
            features.put("configs", TRANSITION.toFile());
            features.put("topology", ALA2.resolve("processed.top").toFile());
            features.put("committors", whole.resolve("committors.csv").toFile());
            features.put("out", dir.toFile());
            run(commands, BuildDistanceFeatures.class, features);
            CsvTable table = CsvTable.read(dir.resolve("features.csv"));
            assertEquals(1 + 210 + 3 + 6, table.columns().size());
            assertEquals("config", table.columns().get(0));
            assertEquals("r6-10_nm", table.columns().get(table.columns().indexOf("r6-11_nm") - 1));
            assertEquals(java.util.List.of("phi_deg", "psi_deg", "theta_deg", "pB", "nA", "nB", "undecided", "pB_low", "pB_high"),
                    table.columns().subList(211, 220));
            CsvTable committors = CsvTable.read(whole.resolve("committors.csv"));
            assertArrayEquals(committors.column("pB"), table.column("pB"));
            assertEquals(6, table.rowCount());

            // a shard spec beyond its count, and committors of other configurations, are one-line errors
            Map<String, Object> bad = compute(dir.resolve("bad"), "3/2", 3);
            assertTrue(rootMessage(assertThrows(ExecutionException.class, () -> run(commands, ComputeCommittors.class, bad)))
                    .contains("shard: expected i/n with 1 <= i <= n, got 3/2"));
            assertFalse(Files.exists(dir.resolve("bad").resolve("committors.csv")));
            features.put("configs", ALA2.resolve("conformations.gro").toFile());
            String other = rootMessage(assertThrows(ExecutionException.class, () -> run(commands, BuildDistanceFeatures.class, features)));
            assertTrue(other.contains("other configurations"), other);
            // merging shards of another seed into a folder that holds this run's results
            Path otherShards = dir.resolve("otherShards");
            run(commands, ComputeCommittors.class, compute(otherShards, "1/2", 4));
            run(commands, ComputeCommittors.class, compute(otherShards, "2/2", 4));
            byte[] before = Files.readAllBytes(merged.resolve("committors.csv"));
            String refused = rootMessage(assertThrows(ExecutionException.class, () -> run(commands, MergeCommittorShards.class,
                    Map.of("shards", otherShards.toFile(), "out", merged.toFile()))));
            assertTrue(refused.contains("different run"), refused);
            assertArrayEquals(before, Files.readAllBytes(merged.resolve("committors.csv")));
        }
    }

    static CommandModule run(CommandService commands, Class<? extends org.scijava.command.Command> command,
                             Map<String, Object> inputs) throws Exception {
        CommandModule module = commands.run(command, true, inputs).get();
        assertFalse(module.isCanceled(), "canceled: " + module.getCancelReason());
        return module;
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}

package io.github.mdxai.committor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's job array of "Compute Committors" shards on a real one-node Slurm (started by
 * scripts/slurm-one-node.sh): one task killed with SIGKILL while it runs and requeued, then "Merge Committor Shards";
 * the merged file must equal one uninterrupted local run byte for byte. Skipped, saying why, where Slurm cannot
 * start (not root, packages missing); .ci/run installs them so that CI runs it.
 */
class SlurmCommittorShardsTest {

    private static final Path ALA2 = Path.of("test-data/ala2");
    private static final int SHARDS = 3;
    private static final String OPTIONS = "configs=" + Path.of("test-data/committor/transition.gro").toAbsolutePath()
            + " topology=" + ALA2.resolve("processed.top").toAbsolutePath() + " shots=200 tmax=1 temperature=300 seed=1 threads=1";

    @TempDir
    Path dir;

    @Test
    void killedAndRequeuedShardMergesToTheLocalRun() throws Exception {
        Path slurm = dir.resolve("slurm");
        Result started = sh(120, "scripts/slurm-one-node.sh", "start", slurm.toString());
        Assumptions.assumeTrue(started.code == 0, "no Slurm on this machine: " + started.output.strip());
        String conf = slurm.resolve("slurm.conf").toString();
        try {
            Path results = dir.resolve("results");
            // java @argfile: the test class path is too long for a command line in a job script
            Path args = dir.resolve("java.args");
            Files.writeString(args, "-Xmx768m -Djava.awt.headless=true -cp \""
                    + System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")) + "\"\n");
            Path job = dir.resolve("committors.sbatch");
            Files.writeString(job, String.join("\n",
                    "#!/bin/bash",
                    "#SBATCH --array=1-" + SHARDS,
                    "#SBATCH --cpus-per-task=1",
                    "#SBATCH --requeue",
                    "cd " + Path.of("").toAbsolutePath(),
                    "\"" + Path.of(System.getProperty("java.home"), "bin", "java") + "\" @" + args + " "
                            + "io.github.mdxai.commands.cli.Mdxai run \"Compute Committors\" \"" + OPTIONS
                            + " shard=$SLURM_ARRAY_TASK_ID/" + SHARDS + " out=" + results + "\"",
                    ""));
            Result submitted = slurm(conf, 30, "sbatch", "--parsable", "-o", dir.resolve("task_%A_%a.log").toString(), job.toString());
            assertEquals(0, submitted.code, submitted.output);
            String jobId = submitted.output.strip().split(";")[0];
            String victim = jobId + "_2";

            // kill shard 2 once it has started computing (its journal exists), then requeue it; 200 shots keep it busy for
            // seconds, so the kill lands mid-run
            Path journal = CommittorFile.journal(CommittorFile.resultsIn(results, ShardSpec.parse("2/" + SHARDS)));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!Files.exists(journal)) {
                assertTrue(System.nanoTime() < deadline, "shard 2 never started; " + logs());
                Thread.sleep(50);
            }
            assertEquals(0, slurm(conf, 30, "scancel", "--signal=KILL", "--full", victim).code);
            String state = waitForState(conf, victim, List.of("CANCELLED", "FAILED", "COMPLETED"));
            assertTrue(!state.equals("COMPLETED"), "shard 2 finished before the kill reached it; " + logs());
            assertTrue(Files.exists(journal), "the killed shard keeps its journal");
            assertEquals(0, slurm(conf, 30, "scontrol", "requeue", victim).code);
            slurm(conf, 30, "scontrol", "update", "jobid=" + victim, "StartTime=now"); // requeued tasks wait otherwise
            deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!slurm(conf, 30, "squeue", "-h", "-j", jobId).output.isBlank()) {
                assertTrue(System.nanoTime() < deadline, "the array did not finish; " + logs());
                Thread.sleep(500);
            }
            assertTrue(slurm(conf, 30, "scontrol", "show", "job", victim).output.contains("Restarts=1"),
                    "shard 2 ran again after the requeue");

            Path merged = dir.resolve("merged");
            Path local = dir.resolve("local");
            assertEquals(0, mdxai("Merge Committor Shards", "shards=" + results + " out=" + merged), logs());
            assertEquals(0, mdxai("Compute Committors", OPTIONS + " out=" + local));
            assertArrayEquals(Files.readAllBytes(local.resolve("committors.csv")), Files.readAllBytes(merged.resolve("committors.csv")),
                    "merged shards differ from the local run");
        } finally {
            sh(60, "scripts/slurm-one-node.sh", "stop", slurm.toString());
        }
    }

    private String waitForState(String conf, String job, List<String> ends) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            String text = slurm(conf, 30, "scontrol", "show", "job", job).output;
            for (String end : ends) {
                if (text.contains("JobState=" + end)) {
                    return end;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(job + " did not end after the kill");
    }

    private String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("task_")).sorted().toList()) {
                text.append("\n--- ").append(p.getFileName()).append('\n').append(Files.readString(p));
            }
        }
        return text.toString();
    }

    private static int mdxai(String title, String options) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Result r = run(600, null, java, "-Xmx768m", "-Djava.awt.headless=true", "-cp", classpath,
                "io.github.mdxai.commands.cli.Mdxai", "run", title, options);
        if (r.code != 0) {
            System.err.println(r.output);
        }
        return r.code;
    }

    private record Result(int code, String output) {
    }

    private static Result slurm(String conf, int seconds, String... command) throws Exception {
        return run(seconds, conf, command);
    }

    private static Result sh(int seconds, String... command) throws Exception {
        return run(seconds, null, command);
    }

    private static Result run(int seconds, String conf, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        if (conf != null) {
            pb.environment().put("SLURM_CONF", conf);
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, command[0] + ": " + e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(124, command[0] + " did not finish within " + seconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}

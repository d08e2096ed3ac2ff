package io.github.mdxai.commands.cli;

import io.github.mdxai.learn.SyntheticCommittorData;
import io.github.mdxai.learn.TrainingOutputs;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
 * Each long step killed with SIGKILL at a random moment in a child JVM, then run again with the same command line:
 * it must finish, its deterministic files must equal an uninterrupted run's byte for byte, and at the moment of the
 * kill every file under a final name must already be whole (equal to the uninterrupted run's, where deterministic).
 */
class KillAndRerunTest {

    private static final Path ALA2 = Path.of("test-data/ala2");

    @TempDir
    Path dir;

    @Test
    void metadynamics() throws Exception {
        check("Metadynamics", out -> "structure=" + ALA2.resolve("conformations.gro") + " topology="
                        + ALA2.resolve("processed.top") + " steps=30000 pace=100 interval=100 distances=false seed=3 out=" + out,
                List.of("colvar.csv", "hills.csv", "frames.gro", "bias.csv"), 1);
    }

    @Test
    void softSphereEquilibrationAndProduction() throws Exception {
        check("Simulate Soft-Sphere Liquid", out -> "n=400 density=0.8 temperature=1.0 equilibration=3000 production=3000"
                + " interval=200 seed=7 threads=1 out=" + out, List.of("trajectory.xyz", "thermo.csv", "final.data"), 2);
    }

    @Test
    void committorNetworkTrainingAndLime() throws Exception {
        Path data = SyntheticCommittorData.write(dir.resolve("data.csv"), 300, 20, 100, 5);
        String train = "dataset=" + data + " hidden=[32 16] epochs=40 patience=40 batch=32 rate=0.003 seed=11 out=";
        check("Train Committor Network", out -> train + out, List.of("predictions.csv"), 3);
        Path model = dir.resolve("model.zip");
        Files.copy(dir.resolve("reference").resolve(TrainingOutputs.MODEL), model);
        check("Explain Committor Network", out -> "model=" + model + " dataset=" + data
                + " method=lime samples=3000 select=[0.3 < pB < 0.7] seed=5 threads=1 out=" + out, List.of(), 4);
    }

    /** Options for an output folder. */
    private interface Options {
        String forOut(Path out);
    }

    private void check(String title, Options options, List<String> deterministic, long seed) throws Exception {
        Path reference = dir.resolve("reference");
        Path killed = dir.resolve("killed");
        deleteTree(reference);
        deleteTree(killed);
        long start = System.nanoTime();
        assertEquals(0, runHere(title, options.forOut(reference)), title + ": the uninterrupted run fails");
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> outputs = files(reference);
        assertTrue(outputs.containsAll(deterministic), title + " wrote " + outputs);

        double delay = Rng.stream(seed, "kill moment").nextDouble(0.1, 0.6) * seconds;
        String log = killAfterStart(title, options.forOut(killed), delay);
        for (String name : files(killed)) {
            assertTrue(outputs.contains(name), title + ": " + name + " is not an output of the command");
            if (deterministic.contains(name)) {
                assertArrayEquals(Files.readAllBytes(reference.resolve(name)), Files.readAllBytes(killed.resolve(name)),
                        title + ": " + name + " was visible half-written after the kill; " + log);
            }
        }
        assertEquals(0, runHere(title, options.forOut(killed)), title + ": the run after the kill fails");
        for (String name : deterministic) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(name)), Files.readAllBytes(killed.resolve(name)),
                    title + ": " + name + " differs from the uninterrupted run's");
        }
        assertEquals(outputs, files(killed), title + ": the rerun leaves other files than an uninterrupted run");
    }

    private static int runHere(String title, String options) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code = new Mdxai(quiet, quiet).execute(new String[] {"run", title, options});
        if (code != 0) {
            System.err.println(sink.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    /** Starts the command in a child JVM, waits for its first progress line, then {@code delay} s, then SIGKILL. */
    private String killAfterStart(String title, String options, double delay) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-Xmx1g", "-Djava.awt.headless=true", "-cp", classpath,
                Mdxai.class.getName(), "run", title, options).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.append(line).append('\n');
                if (line.startsWith("[")) {
                    break; // the command runs
                }
            }
            Thread.sleep((long) (delay * 1000));
            assertTrue(child.isAlive(), title + ": the child ended before the kill; log:\n" + log);
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        return "killed after " + String.format("%.1f", delay) + " s of work";
    }

    /** Names of the files a user sees (temporary files of the atomic writes are hidden). */
    private static List<String> files(Path folder) throws Exception {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (var paths = Files.walk(folder)) {
            paths.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString())
                    .filter(n -> !Path.of(n).getFileName().toString().startsWith(".")).sorted().forEach(names::add);
        }
        return names;
    }

    private static void deleteTree(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}

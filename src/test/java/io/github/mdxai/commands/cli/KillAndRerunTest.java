package io.github.mdxai.commands.cli;

import io.github.mdxai.learn.SyntheticCommittorData;
import io.github.mdxai.learn.TrainingOutputs;
import io.github.mdxai.learn.graph.SyntheticGraphDataset;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each long step killed with SIGKILL at a random moment in a child JVM, then run again with the same command line:
 * it must finish, its deterministic files must equal an uninterrupted run's byte for byte, and at the moment of the
 * kill every file under a final name must already be whole (equal to the uninterrupted run's, where deterministic;
 * a CSV column of wall seconds is left out of the comparison).
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

    @Test
    void graphAttentionTraining() throws Exception {
        Path data = SyntheticGraphDataset.write(dir.resolve("pair.graphs"), 8, 21);
        check("Train Graph Attention Classifier", out -> "dataset=" + data + " layers=1 width=8 heads=2 epochs=8"
                + " patience=8 batch=4 rotate=false seed=5 out=" + out, List.of("curves.csv"), 5);
    }

    @Test
    void pipelineOfCommands() throws Exception {
        checkChild("pipeline", out -> List.of(PipelineKillDriver.class.getName(), out.toString()),
                List.of("01_metadynamics/colvar.csv", "01_metadynamics/hills.csv", "02_free_energy/free_energy_phi_psi.csv"), 6);
    }

    /** Options for an output folder. */
    private interface Options {
        String forOut(Path out);
    }

    /** A child JVM's main class and arguments for an output folder. */
    private interface Invocation {
        List<String> forOut(Path out);
    }

    private void check(String title, Options options, List<String> deterministic, long seed) throws Exception {
        checkChild(title, out -> List.of(Mdxai.class.getName(), "run", title, options.forOut(out)), deterministic, seed);
    }

    private void checkChild(String title, Invocation invocation, List<String> deterministic, long seed) throws Exception {
        Path reference = dir.resolve("reference");
        Path killed = dir.resolve("killed");
        deleteTree(reference);
        deleteTree(killed);
        // the uninterrupted run in a child JVM too: its time from the first progress line to the end sets the kill moment
        double seconds = runChild(title, invocation.forOut(reference), -1);
        List<String> outputs = files(reference);
        assertTrue(outputs.containsAll(deterministic), title + " wrote " + outputs);

        double delay = Rng.stream(seed, "kill moment").nextDouble(0.1, 0.7) * seconds;
        // on a busy machine the reference run can take longer than this one: if it ends before the kill, again
        // with half the delay
        for (int attempt = 1; runChild(title, invocation.forOut(killed), delay) < 0; attempt++) {
            assertTrue(attempt < 3, title + ": the child ended before the kill three times, last after "
                    + String.format("%.2f", delay) + " s");
            deleteTree(killed);
            delay /= 2;
        }
        String log = "killed after " + String.format("%.1f", delay) + " s of work";
        for (String name : files(killed)) {
            assertTrue(outputs.contains(name), title + ": " + name + " is not an output of the command");
            if (deterministic.contains(name)) {
                assertEquals(content(reference.resolve(name)), content(killed.resolve(name)),
                        title + ": " + name + " was visible half-written after the kill; " + log);
            }
        }
        runChild(title, invocation.forOut(killed), -1); // the same command again
        for (String name : deterministic) {
            assertEquals(content(reference.resolve(name)), content(killed.resolve(name)),
                    title + ": " + name + " differs from the uninterrupted run's");
        }
        assertEquals(outputs, files(killed), title + ": the rerun leaves other files than an uninterrupted run");
    }

    /** A file's text, less a CSV column "seconds" (wall time differs from run to run; the numbers must not). */
    private static String content(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        int drop = lines.isEmpty() || !file.toString().endsWith(".csv") ? -1
                : List.of(lines.get(0).split(",", -1)).indexOf("seconds");
        if (drop < 0) {
            return String.join("\n", lines);
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            if (cells.size() > drop) {
                cells.remove(drop);
            }
            text.append(String.join(",", cells)).append('\n');
        }
        return text.toString();
    }

    /**
     * Runs the command in a child JVM. With {@code killAfter} >= 0: waits for its first progress line, then that many
     * seconds, then SIGKILL; returns -1 if the child had already ended (successfully). Otherwise waits for it to
     * succeed and returns its seconds from the first progress line.
     */
    private double runChild(String title, List<String> mainAndArguments, double killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Djava.awt.headless=true", "-cp", classpath));
        command.addAll(mainAndArguments);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.append(line).append('\n');
                if (line.startsWith("[")) {
                    break; // the command runs
                }
            }
            long start = System.nanoTime();
            if (killAfter < 0) {
                while ((line = lines.readLine()) != null) {
                    log.append(line).append('\n');
                }
                assertTrue(child.waitFor(10, TimeUnit.MINUTES), title + " did not finish");
                assertEquals(0, child.exitValue(), title + ": the uninterrupted run fails; log:\n" + log);
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep((long) (killAfter * 1000));
            if (!child.isAlive()) {
                assertEquals(0, child.exitValue(), title + ": the child failed before the kill; log:\n" + log);
                return -1;
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            return killAfter;
        } finally {
            child.destroyForcibly();
        }
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

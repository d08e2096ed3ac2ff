package io.github.mdxai.commands.ij1;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A virtual display (Xvfb) and an ImageJ folder whose plugins/ holds the packaged MD_XAI jar, for tests that run
 * ImageJ as a person would. Without Xvfb the tests are skipped on a developer machine and fail on CI (CI=true).
 */
final class ImageJHost implements AutoCloseable {

    private final Process xvfb;
    private final String display;
    private final Path imagejDir;
    private final String dependencyClasspath;

    ImageJHost(Path work) throws IOException, InterruptedException {
        if (!onPath("Xvfb")) {
            if (System.getenv("CI") != null) {
                fail("Xvfb is not installed; .ci/run installs it (apt-get install xvfb)");
            }
            Assumptions.assumeTrue(false, "Xvfb not installed");
        }
        // -displayfd: Xvfb picks a free display and prints its number once it accepts connections.
        xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                .redirectError(work.resolve("xvfb.log").toFile()).start();
        java.io.BufferedReader ready = new java.io.BufferedReader(new java.io.InputStreamReader(xvfb.getInputStream()));
        java.util.concurrent.CompletableFuture<String> number = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return ready.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = number.get(30, TimeUnit.SECONDS);
            if (n == null || n.isBlank()) {
                throw new IOException("Xvfb did not start: see " + work.resolve("xvfb.log"));
            }
            display = ":" + n.strip();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            xvfb.destroyForcibly();
            throw new IOException("Xvfb did not report a display within 30 s", e);
        }
        imagejDir = work.resolve("imagej");
        Files.createDirectories(imagejDir.resolve("plugins"));
        Path jar = packagedJar();
        Files.copy(jar, imagejDir.resolve("plugins").resolve(jar.getFileName()));
        dependencyClasspath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("MD_XAI") && !entry.endsWith("classes") && !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("MD_XAI-.*\\.jar")
                    && !p.toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run mvn verify"));
        }
    }

    /** Runs ImageJ (or another main) on the display, with the test classes on the classpath when asked. */
    Result run(Path log, int timeoutSeconds, boolean withTestClasses, String... mainAndArgs) throws IOException, InterruptedException {
        String classpath = dependencyClasspath;
        if (withTestClasses) {
            classpath = packagedJar().toAbsolutePath() + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath()
                    + File.pathSeparator + classpath;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Dplugins.dir=" + imagejDir.toAbsolutePath(), "-cp", classpath));
        command.addAll(List.of(mainAndArgs));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    record Result(int exitCode, String output) {
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        xvfb.destroy();
    }
}

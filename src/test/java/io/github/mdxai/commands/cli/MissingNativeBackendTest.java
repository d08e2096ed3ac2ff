package io.github.mdxai.commands.cli;

import io.github.mdxai.learn.SyntheticCommittorData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform without ND4J natives (simulated by JavaCPP's platform property: the class path has linux's only) makes
 * a network command fail with one line naming the platform, not an UnsatisfiedLinkError.
 */
class MissingNativeBackendTest {

    @TempDir
    Path dir;

    @Test
    void theCliNamesTheMissingPlatformInOneLine() throws Exception {
        Path dataset = SyntheticCommittorData.write(dir.resolve("synthetic.csv"), 40, 8, 10, 3);
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-Dorg.bytedeco.javacpp.platform=macosx-arm64",
                "-cp", System.getProperty("java.class.path"), Mdxai.class.getName(),
                "run", "Train Committor Network", "dataset=[" + dataset + "] out=[" + dir.resolve("out") + "]")
                .redirectError(err.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI finishes");
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.contains("\r")).toList();
        String text = String.join("\n", lines);
        assertEquals(1, p.exitValue(), text);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("mdxai: ND4J has no native backend for macosx-arm64 in "
                + "this installation: missing nd4j-native-1.0.0-M2.1-macosx-arm64.jar")), text);
        assertFalse(text.contains("UnsatisfiedLinkError") || text.contains("\tat "), text);
        assertFalse(Files.exists(dir.resolve("out/committor-model.zip")));
    }
}

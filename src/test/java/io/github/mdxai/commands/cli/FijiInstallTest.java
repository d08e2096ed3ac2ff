package io.github.mdxai.commands.cli;

import io.github.mdxai.learn.SyntheticCommittorData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * install-fiji into an empty folder laid out like Fiji.app whose jars/ holds the pom-scijava-managed jars this build
 * resolved (mvn -Pfiji): the commands then run from plugins/ + jars/ alone, a DL4J network included.
 */
class FijiInstallTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void onlyWithTheProfile() {
        FijiProfile.assumeActive();
    }

    @Test
    void theInstalledSetRunsTheCommands() throws Exception {
        Map<String, FijiProfile.Managed> bom = FijiProfile.managed();
        Path fiji = dir.resolve("Fiji.app");
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Files.createDirectories(fiji.resolve("plugins"));
        Files.createDirectories(fiji.resolve("jars/linux64"));
        int fijiHas = 0;
        for (FijiProfile.Resolved jar : FijiProfile.runtime()) {
            Path name = jar.file().getFileName();
            Files.createSymbolicLink(runtime.resolve(name), jar.file());
            if (jar.managedBy(bom).isPresent()) {
                Path folder = name.toString().endsWith("-linux-x86_64.jar") ? fiji.resolve("jars/linux64")
                        : fiji.resolve("jars");
                Files.createSymbolicLink(folder.resolve(name), jar.file());
                fijiHas++;
            }
        }
        assertTrue(fijiHas >= 20, "the stand-in Fiji holds the shared libraries: " + fijiHas);
        Path plugin = pluginJar();

        String report = String.join("\n", InstallFiji.install(fiji, plugin, runtime));

        String javacpp = org.bytedeco.javacpp.Loader.getVersion();
        assertTrue(report.contains("skipped    javacpp-" + javacpp + ".jar: Fiji has it"), report);
        assertTrue(report.contains("skipped    javacpp-" + javacpp + "-linux-x86_64.jar: Fiji has it"), report);
        assertTrue(report.contains("installed  jars/deeplearning4j-nn-1.0.0-M2.1.jar"), report);
        assertTrue(report.contains("installed  jars/linux64/nd4j-native-1.0.0-M2.1-linux-x86_64.jar"), report);
        assertTrue(report.contains(fijiHas + " skipped"), "every jar Fiji has is skipped, no other:\n" + report);

        String classpath = String.join(File.pathSeparator, fiji.resolve("plugins") + "/*", fiji.resolve("jars") + "/*",
                fiji.resolve("jars/linux64") + "/*");
        Run list = cli(classpath, "list");
        assertEquals(0, list.code, list.err);
        assertTrue(list.out.contains("Train Committor Network") && list.out.contains("Simulate Soft-Sphere Liquid"),
                list.out);

        Path dataset = SyntheticCommittorData.write(dir.resolve("synthetic.csv"), 60, 8, 20, 4);
        Path out = dir.resolve("trained");
        Run train = cli(classpath, "run", "Train Committor Network",
                "dataset=[" + dataset + "] hidden=[8] epochs=5 out=[" + out + "]");
        assertEquals(0, train.code, train.err);
        assertTrue(Files.size(out.resolve("committor-model.zip")) > 0);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String classpath, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-cp", classpath, Mdxai.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the CLI finishes");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The plugin jar as the build packages it: this build's main classes and resources. */
    private static Path pluginJar() throws IOException {
        Path classes = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> Files.isRegularFile(p.resolve("io/github/mdxai/versions.properties"))).findFirst()
                .orElseThrow();
        Properties versions = new Properties();
        try (InputStream in = Files.newInputStream(classes.resolve("io/github/mdxai/versions.properties"))) {
            versions.load(in);
        }
        Path jar = dir.resolve("MD_XAI-" + versions.getProperty("md_xai") + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}

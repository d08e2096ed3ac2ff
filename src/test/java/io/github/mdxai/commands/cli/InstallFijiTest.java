package io.github.mdxai.commands.cli;

import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** install-fiji's rule on empty stand-in jars: what it copies where, what it skips and the reason it gives. */
class InstallFijiTest {

    @TempDir
    Path dir;

    @Test
    void jarNamesSplitAtTheFirstDigitAndKeepTheNativeClassifier() {
        var n = InstallFiji.JarName.parse(Path.of("nd4j-native-1.0.0-M2.1-macosx-arm64.jar")).orElseThrow();
        assertEquals(List.of("nd4j-native", "1.0.0-M2.1", "macosx-arm64"), List.of(n.artifact(), n.version(), n.classifier()));
        var m = InstallFiji.JarName.parse(Path.of("commons-math3-3.6.1.jar")).orElseThrow();
        assertEquals(List.of("commons-math3", "3.6.1", ""), List.of(m.artifact(), m.version(), m.classifier()));
        assertTrue(InstallFiji.JarName.parse(Path.of("ij.jar")).isEmpty());
    }

    @Test
    void versionsCompareAsMavenDoes() {
        var order = InstallFiji.VERSION_ORDER;
        assertTrue(order.compare("1.5.10", "1.5.7") > 0, "numbers, not text");
        assertTrue(order.compare("1.0.0-M2.1", "1.0.0") < 0, "a milestone precedes its release");
        assertTrue(order.compare("1.0.0-M2.1", "1.0.0-M2") > 0);
        assertTrue(order.compare("2.0.0-SNAPSHOT", "2.0.0") < 0);
        assertTrue(order.compare("0.3.26-1.5.10", "0.3.19-1.5.7") > 0);
        assertEquals(0, order.compare("2.19.2", "2.19.2"));
    }

    @Test
    void copiesWhatFijiLacksAndSaysWhyItSkippedTheRest() throws Exception {
        Path fiji = fiji("jackson-core-2.19.2.jar", "commons-io-2.99.0.jar", "gson-2.8.0.jar",
                "scijava-log-slf4j-1.0.6.jar", "linux64/javacpp-1.5.10-linux-x86_64.jar");
        Files.createDirectories(fiji.resolve("jars/macos64"));
        Path runtime = runtime("jackson-core-2.19.2.jar", "commons-io-2.20.0.jar", "gson-2.14.0.jar",
                "slf4j-simple-2.0.17.jar", "nd4j-api-1.0.0-M2.1.jar", "javacpp-1.5.10-linux-x86_64.jar",
                "nd4j-native-1.0.0-M2.1-linux-x86_64.jar", "nd4j-native-1.0.0-M2.1-macosx-x86_64.jar",
                "nd4j-native-1.0.0-M2.1-macosx-arm64.jar", "nd4j-native-1.0.0-M2.1-windows-x86_64.jar");
        Path plugin = Files.writeString(dir.resolve("MD_XAI-0.2.0.jar"), "plugin");
        Files.writeString(fiji.resolve("plugins/MD_XAI-0.1.0.jar"), "old plugin");

        List<String> report = InstallFiji.install(fiji, plugin, runtime);
        String text = String.join("\n", report);

        assertTrue(Files.exists(fiji.resolve("plugins/MD_XAI-0.2.0.jar")));
        assertFalse(Files.exists(fiji.resolve("plugins/MD_XAI-0.1.0.jar")), "the earlier plugin version is removed");
        assertTrue(text.contains("skipped    jackson-core-2.19.2.jar: Fiji has it (jackson-core-2.19.2.jar)"), text);
        assertTrue(text.contains("skipped    commons-io-2.20.0.jar: Fiji has the newer commons-io-2.99.0.jar"), text);
        assertTrue(text.contains("skipped    gson-2.14.0.jar: Fiji has the older gson-2.8.0.jar (MD XAI was tested"
                + " with 2.14.0)"), text);
        assertTrue(text.contains("skipped    slf4j-simple-2.0.17.jar: Fiji logs SLF4J through scijava-log-slf4j"), text);
        assertTrue(text.contains("skipped    javacpp-1.5.10-linux-x86_64.jar: Fiji has it"), text);
        for (String installed : List.of("jars/nd4j-api-1.0.0-M2.1.jar",
                "jars/linux64/nd4j-native-1.0.0-M2.1-linux-x86_64.jar",
                "jars/macos64/nd4j-native-1.0.0-M2.1-macosx-x86_64.jar",
                "jars/macos-arm64/nd4j-native-1.0.0-M2.1-macosx-arm64.jar",
                "jars/win64/nd4j-native-1.0.0-M2.1-windows-x86_64.jar")) {
            assertTrue(text.contains("installed  " + installed), installed + " in\n" + text);
            assertTrue(Files.isRegularFile(fiji.resolve(installed)), installed);
        }
        assertFalse(Files.exists(fiji.resolve("jars/commons-io-2.20.0.jar")), "no second version next to Fiji's");
        assertFalse(Files.exists(fiji.resolve("jars/gson-2.14.0.jar")), "Fiji's older jar is not replaced");
        assertTrue(text.endsWith("5 jars installed (0 MB), 5 skipped; plugin in plugins/MD_XAI-0.2.0.jar"), text);
    }

    @Test
    void aSecondInstallReplacesOurEarlierJarsNotFijis() throws Exception {
        Path fiji = fiji("gson-2.8.0.jar");
        Path plugin = Files.writeString(dir.resolve("MD_XAI-0.2.0.jar"), "plugin");
        InstallFiji.install(fiji, plugin, runtime("nd4j-api-1.0.0-M2.jar", "gson-2.14.0.jar"));
        assertTrue(Files.exists(fiji.resolve("jars/nd4j-api-1.0.0-M2.jar")));

        Path newer = dir.resolve("runtime2");
        Files.createDirectories(newer);
        Files.writeString(newer.resolve("nd4j-api-1.0.0-M2.1.jar"), "");
        String text = String.join("\n", InstallFiji.install(fiji, plugin, newer));

        assertTrue(text.contains("removed    jars/nd4j-api-1.0.0-M2.jar (earlier MD XAI install)"), text);
        assertTrue(text.contains("installed  jars/nd4j-api-1.0.0-M2.1.jar"), text);
        assertFalse(Files.exists(fiji.resolve("jars/nd4j-api-1.0.0-M2.jar")));
        assertTrue(Files.exists(fiji.resolve("jars/gson-2.8.0.jar")), "Fiji's own jars stay");
    }

    @Test
    void libraryIdentityIncludesTheMavenGroupTheJarsName() throws Exception {
        Path fiji = fiji();
        jar(fiji.resolve("jars/guava-33.4.8-jre.jar"), "com.google.guava", "guava", "33.4.8-jre");
        jar(fiji.resolve("jars/commons-io-2.20.0.jar"), "commons-io", "commons-io", "2.20.0");
        Path runtime = runtime();
        // ND4J's shaded Guava also carries the pom.properties of the Guava it shades.
        jar(runtime.resolve("guava-1.0.0-M2.1.jar"), "org.nd4j", "guava", "1.0.0-M2.1", "com.google.guava", "30.0");
        jar(runtime.resolve("commons-io-2.20.0.jar"), "commons-io", "commons-io", "2.20.0");
        Path plugin = Files.writeString(dir.resolve("MD_XAI-0.2.0.jar"), "plugin");

        String text = String.join("\n", InstallFiji.install(fiji, plugin, runtime));

        assertTrue(text.contains("installed  jars/guava-1.0.0-M2.1.jar"), text);
        assertTrue(text.contains("skipped    commons-io-2.20.0.jar: Fiji has it"), text);
    }

    @Test
    void aFolderThatIsNotFijiIsRefusedInOneLine() throws Exception {
        Path plugin = Files.writeString(dir.resolve("MD_XAI-0.2.0.jar"), "plugin");
        InputException e = assertThrows(InputException.class,
                () -> InstallFiji.install(dir.resolve("nowhere"), plugin, runtime("a-1.jar")));
        assertTrue(e.getMessage().endsWith("nowhere: expected a Fiji.app folder with jars/ and plugins/"), e.getMessage());
    }

    private Path fiji(String... jars) throws Exception {
        Path fiji = dir.resolve("Fiji.app");
        Files.createDirectories(fiji.resolve("plugins"));
        Files.createDirectories(fiji.resolve("jars"));
        for (String jar : jars) {
            Path file = fiji.resolve("jars").resolve(jar);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        }
        return fiji;
    }

    /** A jar holding META-INF/maven/GROUP/ARTIFACT/pom.properties for each (group, version) pair given. */
    private static void jar(Path file, String group, String artifact, String version, String... more)
            throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            List<String> pairs = new java.util.ArrayList<>(List.of(group, version));
            pairs.addAll(List.of(more));
            for (int i = 0; i < pairs.size(); i += 2) {
                zip.putNextEntry(new ZipEntry("META-INF/maven/" + pairs.get(i) + "/" + artifact + "/pom.properties"));
                zip.write(("groupId=" + pairs.get(i) + "\nartifactId=" + artifact + "\nversion=" + pairs.get(i + 1)
                        + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private Path runtime(String... jars) throws Exception {
        Path runtime = dir.resolve("runtime");
        Files.createDirectories(runtime);
        for (String jar : jars) {
            Files.writeString(runtime.resolve(jar), "");
        }
        return runtime;
    }
}

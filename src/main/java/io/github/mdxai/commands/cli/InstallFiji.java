package io.github.mdxai.commands.cli;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code bin/mdxai install-fiji /path/to/Fiji.app}: copies the plugin jar into plugins/ and only the runtime jars
 * Fiji lacks into jars/ (natives into Fiji's platform folders), and says for every jar it skipped why.
 * <p>
 * The rule: a library is identified by artifact name, classifier and (where its jar names one) Maven group; Fiji
 * keeps one version of each on its class path and its other plugins were built against it, so a library Fiji already
 * has is never copied or replaced, whichever version it is. The line names Fiji's version and ours; an older one in
 * Fiji is flagged, since MD XAI was tested with the versions pom-scijava manages ({@code mvn -Pfiji test}). Our own
 * jars from an earlier install-fiji (listed in jars/.mdxai-installed) are replaced, not treated as Fiji's.
 */
public final class InstallFiji {

    /** Maven classifier of a native jar -> Fiji's folder for it under jars/ (the first that exists, else the first). */
    static final Map<String, List<String>> PLATFORM_FOLDERS = Map.of(
            "linux-x86_64", List.of("linux64"),
            "macosx-x86_64", List.of("macosx", "macos64"),
            "macosx-arm64", List.of("macos-arm64"),
            "windows-x86_64", List.of("win64"));

    /** Our own files from earlier installs, relative to Fiji.app, one a line. */
    static final String MANIFEST = "jars/.mdxai-installed";

    /** SLF4J providers: Fiji routes SLF4J into its log through scijava-log-slf4j; a second provider only warns. */
    private static final Set<String> SLF4J_PROVIDERS =
            Set.of("slf4j-simple", "scijava-log-slf4j", "logback-classic", "slf4j-reload4j", "slf4j-jdk14");

    private static final Pattern NAME = Pattern.compile("(.+?)-(\\d.*)");

    private InstallFiji() {
    }

    /**
     * A jar named artifact-version[-classifier].jar, as Maven and Fiji's updater name them, with the Maven group its
     * pom.properties gives ("" when it has none): org.nd4j:guava is not Fiji's com.google.guava:guava.
     */
    record JarName(String group, String artifact, String version, String classifier, Path file) {

        /** Parses a file name; the version starts at the first "-digit". Empty when the name has no version. */
        static Optional<JarName> parse(Path file) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".jar")) {
                return Optional.empty();
            }
            String base = name.substring(0, name.length() - ".jar".length());
            String classifier = "";
            for (String c : PLATFORM_FOLDERS.keySet()) {
                if (base.endsWith("-" + c)) {
                    classifier = c;
                    base = base.substring(0, base.length() - c.length() - 1);
                }
            }
            Matcher m = NAME.matcher(base);
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new JarName(groupOf(file, m.group(1), m.group(2)), m.group(1), m.group(2), classifier,
                    file));
        }

        /** The same library: artifact and classifier, and the group where both jars name theirs. */
        boolean sameLibrary(JarName other) {
            return artifact.equals(other.artifact) && classifier.equals(other.classifier)
                    && (group.isEmpty() || other.group.isEmpty() || group.equals(other.group));
        }

        String library() {
            return classifier.isEmpty() ? artifact : artifact + " (" + classifier + ")";
        }
    }

    /**
     * The group in META-INF/maven/GROUP/ARTIFACT/pom.properties; a shaded jar carries several, and the one with the
     * file's version is its own.
     */
    static String groupOf(Path jar, String artifact, String version) {
        Pattern entry = Pattern.compile("META-INF/maven/([^/]+)/" + Pattern.quote(artifact) + "/pom.properties");
        List<String> groups = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                Matcher m = entry.matcher(e.getName());
                if (m.matches()) {
                    Properties p = new Properties();
                    try (InputStream in = zip.getInputStream(e)) {
                        p.load(in);
                    }
                    if (version.equals(p.getProperty("version"))) {
                        return m.group(1);
                    }
                    groups.add(m.group(1));
                }
            }
        } catch (IOException e) {
            return ""; // not a zip (or unreadable): the name alone identifies it
        }
        return groups.size() == 1 ? groups.get(0) : "";
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: InstallFiji /path/to/Fiji.app PLUGIN_JAR RUNTIME_JAR_FOLDER");
            System.exit(Mdxai.USAGE);
        }
        try {
            for (String line : install(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]))) {
                System.out.println(line);
            }
        } catch (InputException e) {
            System.err.println("mdxai install-fiji: " + e.getMessage());
            System.exit(Mdxai.USAGE);
        }
    }

    /** Installs and returns the report, one line per jar and a summary. */
    static List<String> install(Path fiji, Path pluginJar, Path runtimeFolder) {
        InputException.require(Files.isDirectory(fiji.resolve("jars")) && Files.isDirectory(fiji.resolve("plugins")),
                fiji + ": expected a Fiji.app folder with jars/ and plugins/");
        InputException.require(Files.isRegularFile(pluginJar), pluginJar + ": plugin jar not found");
        List<JarName> ours = jarsIn(runtimeFolder, false);
        InputException.require(!ours.isEmpty(), runtimeFolder + ": expected the runtime jars");
        List<String> report = new ArrayList<>();
        Set<String> earlier = readManifest(fiji);
        Set<String> installed = new LinkedHashSet<>();

        Path plugins = fiji.resolve("plugins");
        for (JarName old : jarsIn(plugins, false)) {
            String pluginArtifact = JarName.parse(pluginJar).map(JarName::artifact).orElse("");
            if (old.artifact().equals(pluginArtifact) && !old.file().getFileName().equals(pluginJar.getFileName())) {
                delete(old.file());
                report.add("removed    plugins/" + old.file().getFileName() + " (earlier MD XAI)");
            }
        }
        copy(pluginJar, plugins.resolve(pluginJar.getFileName()));
        report.add("installed  plugins/" + pluginJar.getFileName());

        // Our jars from an earlier install that this one does not bring again (e.g. an older nd4j) go first.
        Set<String> thisSet = new LinkedHashSet<>();
        for (JarName jar : ours) {
            thisSet.add(fiji.relativize(destination(fiji, jar)).toString());
        }
        for (String rel : earlier) {
            if (!thisSet.contains(rel) && Files.exists(fiji.resolve(rel))) {
                delete(fiji.resolve(rel));
                report.add("removed    " + rel + " (earlier MD XAI install)");
            }
        }
        List<JarName> fijiJars = jarsIn(fiji.resolve("jars"), true).stream()
                .filter(j -> !earlier.contains(fiji.relativize(j.file()).toString())).toList();
        fijiJars = Stream.concat(fijiJars.stream(), jarsIn(plugins, false).stream()).toList();
        Optional<JarName> fijiProvider = fijiJars.stream()
                .filter(j -> SLF4J_PROVIDERS.contains(j.artifact())).findFirst();

        int copied = 0;
        long bytes = 0;
        for (JarName jar : ours) {
            String name = jar.file().getFileName().toString();
            List<JarName> same = fijiJars.stream().filter(jar::sameLibrary).toList();
            Optional<JarName> newest = same.stream().max(Comparator.comparing(JarName::version, VERSION_ORDER));
            if (newest.isPresent()) {
                report.add("skipped    " + name + ": " + reason(jar, newest.get()));
            } else if (SLF4J_PROVIDERS.contains(jar.artifact()) && fijiProvider.isPresent()) {
                report.add("skipped    " + name + ": Fiji logs SLF4J through " + fijiProvider.get().file().getFileName()
                        + "; a second provider would only add a warning");
            } else {
                Path to = destination(fiji, jar);
                copy(jar.file(), to);
                installed.add(fiji.relativize(to).toString());
                copied++;
                bytes += size(to);
                report.add("installed  " + fiji.relativize(to));
            }
        }
        writeManifest(fiji, installed);
        report.add(String.format("%d jars installed (%.0f MB), %d skipped; plugin in plugins/%s",
                copied, bytes / 1e6, ours.size() - copied, pluginJar.getFileName()));
        return report;
    }

    private static String reason(JarName ours, JarName fijis) {
        int order = VERSION_ORDER.compare(fijis.version(), ours.version());
        String theirs = fijis.file().getFileName().toString();
        if (order == 0) {
            return "Fiji has it (" + theirs + ")";
        }
        if (order > 0) {
            return "Fiji has the newer " + theirs + "; Fiji keeps one version of " + ours.library();
        }
        return "Fiji has the older " + theirs + " (MD XAI was tested with " + ours.version() + "); kept, since Fiji's "
                + "other plugins use it: if MD XAI fails, update Fiji (Help > Update...)";
    }

    /** Where a jar goes: jars/ or, for natives, Fiji's folder for that platform. */
    static Path destination(Path fiji, JarName jar) {
        Path jars = fiji.resolve("jars");
        if (jar.classifier().isEmpty()) {
            return jars.resolve(jar.file().getFileName());
        }
        List<String> folders = PLATFORM_FOLDERS.get(jar.classifier());
        String folder = folders.stream().filter(f -> Files.isDirectory(jars.resolve(f))).findFirst()
                .orElse(folders.get(0));
        return jars.resolve(folder).resolve(jar.file().getFileName());
    }

    /** Jars in a folder (and in its subfolders, one level, when {@code platforms}); unversioned names are ignored. */
    static List<JarName> jarsIn(Path folder, boolean platforms) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, platforms ? 2 : 1)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(JarName::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Maven-like version order: numbers compare as numbers, a release is newer than its alpha, beta, milestone (M),
     * rc and SNAPSHOT, other words compare as text.
     */
    static final Comparator<String> VERSION_ORDER = (a, b) -> {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String s = i < x.size() ? x.get(i) : "";
            String t = i < y.size() ? y.get(i) : "";
            int c = compareToken(s, t);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private static List<String> tokens(String version) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+|[A-Za-z]+").matcher(version);
        while (m.find()) {
            out.add(m.group().toLowerCase());
        }
        return out;
    }

    private static int compareToken(String s, String t) {
        boolean sn = !s.isEmpty() && Character.isDigit(s.charAt(0));
        boolean tn = !t.isEmpty() && Character.isDigit(t.charAt(0));
        if (sn && tn) {
            return new java.math.BigInteger(s).compareTo(new java.math.BigInteger(t));
        }
        return Integer.compare(rank(s), rank(t)) != 0 ? Integer.compare(rank(s), rank(t)) : s.compareTo(t);
    }

    /** Pre-releases below the release (empty token), numbers above it, other qualifiers between. */
    private static int rank(String token) {
        if (token.isEmpty()) {
            return 5;
        }
        if (Character.isDigit(token.charAt(0))) {
            return 7;
        }
        return switch (token) {
            case "alpha", "a" -> 0;
            case "beta", "b" -> 1;
            case "m", "milestone" -> 2;
            case "rc", "cr" -> 3;
            case "snapshot" -> 4;
            default -> 6;
        };
    }

    private static Set<String> readManifest(Path fiji) {
        Path file = fiji.resolve(MANIFEST);
        try {
            return Files.isRegularFile(file) ? new LinkedHashSet<>(Files.readAllLines(file)) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeManifest(Path fiji, Set<String> installed) {
        AtomicFiles.writeString(fiji.resolve(MANIFEST),
                installed.stream().map(f -> f + "\n").collect(Collectors.joining()));
    }

    private static void copy(Path from, Path to) {
        AtomicFiles.write(to, out -> Files.copy(from, out));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

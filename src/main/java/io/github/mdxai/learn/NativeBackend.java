package io.github.mdxai.learn;

import io.github.mdxai.util.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the class path holds ND4J's native libraries (ND4J, OpenBLAS, JavaCPP) for the platform JavaCPP will load
 * for. Without them ND4J fails deep inside its static initialisers with an UnsatisfiedLinkError; this names the
 * platform and the missing jars in one line instead.
 */
public final class NativeBackend {

    /** The platforms {@code bin/mdxai install-fiji} carries natives for (all on Maven Central for our versions). */
    public static final List<String> INSTALLED_PLATFORMS =
            List.of("linux-x86_64", "macosx-x86_64", "macosx-arm64", "windows-x86_64");

    private static final ConcurrentHashMap<String, String> CHECKED = new ConcurrentHashMap<>();

    /** One native library of one artifact: its Maven coordinates and the JNI library JavaCPP loads first. */
    private record Part(String group, String artifact, String folder, String library) {

        String resource(String platform) {
            return folder + "/" + platform + "/" + libraryFile(library, platform);
        }

        String jar(String platform, ClassLoader loader) {
            return artifact + "-" + version(group, artifact, loader) + "-" + platform + ".jar";
        }
    }

    private static final List<Part> PARTS = List.of(
            new Part("org.nd4j", "nd4j-native", "org/nd4j/linalg/cpu/nativecpu/bindings", "jnind4jcpu"),
            new Part("org.bytedeco", "openblas", "org/bytedeco/openblas", "jniopenblas_nolapack"),
            new Part("org.bytedeco", "javacpp", "org/bytedeco/javacpp", "jnijavacpp"));

    private NativeBackend() {
    }

    /** The platform JavaCPP loads libraries for: its {@code org.bytedeco.javacpp.platform} property, else this JVM's. */
    public static String platform() {
        return org.bytedeco.javacpp.Loader.getPlatform();
    }

    /** Fails with one line naming the platform and the missing jars unless ND4J's natives are on the class path. */
    public static void require() {
        ClassLoader loader = NativeBackend.class.getClassLoader();
        String problem = CHECKED.computeIfAbsent(platform(), p -> {
            String m = missing(p, loader);
            return m == null ? "" : m;
        });
        if (!problem.isEmpty()) {
            throw new InputException(problem);
        }
    }

    /** Null when {@code loader} sees every native library ND4J needs on {@code platform}; else the one-line reason. */
    public static String missing(String platform, ClassLoader loader) {
        List<String> jars = new ArrayList<>();
        for (Part part : PARTS) {
            if (loader.getResource(part.resource(platform)) == null) {
                jars.add(part.jar(platform, loader));
            }
        }
        if (jars.isEmpty()) {
            return null;
        }
        return "ND4J has no native backend for " + platform + " in this installation: missing "
                + String.join(", ", jars) + " (bin/mdxai install-fiji installs them for "
                + String.join(", ", INSTALLED_PLATFORMS) + ")";
    }

    /**
     * For a failure whose cause chain holds a LinkageError (ND4J's static initialisers fail with an
     * UnsatisfiedLinkError once, then with NoClassDefFoundError): the one-line reason when natives for
     * {@code platform} are missing; null otherwise.
     */
    public static String explain(Throwable failure, String platform, ClassLoader loader) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof LinkageError) {
                return missing(platform, loader);
            }
        }
        return null;
    }

    /** The file JavaCPP extracts for a JNI library on a platform: libX.so, libX.dylib or X.dll. */
    static String libraryFile(String library, String platform) {
        if (platform.startsWith("windows")) {
            return library + ".dll";
        }
        return "lib" + library + (platform.startsWith("macosx") || platform.startsWith("ios") ? ".dylib" : ".so");
    }

    /** The version of a Maven artifact on the class path, from the pom.properties its jar carries. */
    private static String version(String group, String artifact, ClassLoader loader) {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return "VERSION";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "VERSION");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

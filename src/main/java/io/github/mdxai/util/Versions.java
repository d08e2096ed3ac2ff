package io.github.mdxai.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of this toolkit, the JVM and the libraries results depend on, as the build resolved them. */
public final class Versions {

    private Versions() {
    }

    public static Map<String, String> all() {
        Map<String, String> v = new LinkedHashMap<>();
        Properties built = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/io/github/mdxai/versions.properties")) {
            if (in != null) {
                built.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        built.stringPropertyNames().stream().sorted().forEach(k -> v.put(k, built.getProperty(k)));
        v.put("java", System.getProperty("java.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        v.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return v;
    }
}

package io.github.mdxai.learn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions of the libraries a model was trained with, read from the jars they came from. */
final class Versions {

    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d[^/]*?)(-[a-z][a-z0-9_-]*)?\\.jar$");

    private Versions() {
    }

    static Map<String, String> all() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("md_xai", of(Versions.class));
        v.put("deeplearning4j", of(MultiLayerNetwork.class));
        v.put("nd4j", of(Nd4j.class));
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    private static String of(Class<?> type) {
        Package p = type.getPackage();
        if (p != null && p.getImplementationVersion() != null) {
            return p.getImplementationVersion();
        }
        try {
            String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
            Matcher m = JAR_VERSION.matcher(location);
            return m.find() ? m.group(1) : "unknown (not run from a jar)";
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}

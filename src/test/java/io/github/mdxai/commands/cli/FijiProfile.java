package io.github.mdxai.commands.cli;

import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code mvn -Pfiji} hands the tests: the org.scijava:pom-scijava BOM it imports and the runtime class path it
 * resolved. Tests using it are skipped in the default build.
 */
final class FijiProfile {

    /** One library the BOM manages, its version with the BOM's properties filled in. */
    record Managed(String group, String artifact, String version) {
    }

    /** A runtime jar in the local Maven repository: .../group/path/artifact/version/artifact-version[-c].jar. */
    record Resolved(String artifact, String version, Path file) {

        /** The BOM's entry for this jar, if it manages it. */
        Optional<Managed> managedBy(Map<String, Managed> bom) {
            String path = file.toAbsolutePath().toString().replace(File.separatorChar, '/');
            return bom.values().stream().filter(m -> m.artifact().equals(artifact)
                    && path.contains("/" + m.group().replace('.', '/') + "/" + artifact + "/" + version + "/"))
                    .findFirst();
        }
    }

    private FijiProfile() {
    }

    static void assumeActive() {
        Assumptions.assumeTrue(System.getProperty("mdxai.fiji.bom") != null, "only with mvn -Pfiji");
    }

    /** The BOM's managed libraries (not test-only ones), keyed by group:artifact. */
    static Map<String, Managed> managed() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File(System.getProperty("mdxai.fiji.bom"))).getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        for (Element p : children(first(project, "properties"))) {
            properties.put(p.getTagName(), p.getTextContent().trim());
        }
        Map<String, Managed> out = new HashMap<>();
        Element deps = first(first(project, "dependencyManagement"), "dependencies");
        for (Element d : children(deps)) {
            if ("test".equals(text(d, "scope"))) {
                continue;
            }
            Managed m = new Managed(text(d, "groupId"), text(d, "artifactId"), fill(text(d, "version"), properties));
            out.putIfAbsent(m.group() + ":" + m.artifact(), m);
        }
        return out;
    }

    /** The runtime jars of this build. */
    static List<Resolved> runtime() throws Exception {
        String classpath = Files.readString(Path.of(System.getProperty("mdxai.fiji.runtime"))).trim();
        List<Resolved> out = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path versionDir = jar.getParent();
            out.add(new Resolved(versionDir.getParent().getFileName().toString(), versionDir.getFileName().toString(),
                    jar));
        }
        return out;
    }

    private static String fill(String value, Map<String, String> properties) {
        Pattern ref = Pattern.compile("\\$\\{([^}]+)}");
        for (int depth = 0; depth < 10 && value != null && value.contains("${"); depth++) {
            Matcher m = ref.matcher(value);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
            }
            m.appendTail(sb);
            value = sb.toString();
        }
        return value;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static Element first(Element parent, String tag) {
        return children(parent).stream().filter(e -> e.getTagName().equals(tag)).findFirst().orElseThrow();
    }

    private static String text(Element parent, String tag) {
        return children(parent).stream().filter(e -> e.getTagName().equals(tag)).findFirst()
                .map(e -> e.getTextContent().trim()).orElse(null);
    }
}

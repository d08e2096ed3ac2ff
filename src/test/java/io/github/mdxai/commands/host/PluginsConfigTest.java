package io.github.mdxai.commands.host;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * plugins.config lists every MD XAI command once, in the submenu and under the label of its menuPath, launching that
 * command's class; every menu path is in a workflow submenu; no label has an underscore (ImageJ shows "_" as a space);
 * every input has a lower-case key and is not persisted by SciJava (the ImageJ 1.x dialog remembers values itself,
 * so that macros never see them).
 */
class PluginsConfigTest {

    private static final Pattern LINE = Pattern.compile(
            "(Plugins>MD XAI>[^,>]+), \"([^\"]+)\", io\\.github\\.mdxai\\.commands\\.ij1\\.Launcher\\(\"([^\"]+)\"\\)");

    @Test
    void everyCommandHasExactlyOneLauncherUnderItsOwnLabel() throws Exception {
        Map<String, String> config = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("plugins.config"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            assertEquals(true, m.matches(), "malformed plugins.config line: " + line);
            assertNull(config.put(m.group(1) + ">" + m.group(2), m.group(3)), "label registered twice: " + m.group(2));
        }
        Map<String, String> commands = new HashMap<>();
        try (Context context = new Context()) {
            for (CommandInfo info : CommandCatalog.all(context)) {
                String path = CommandCatalog.menuPath(info);
                assertEquals(4, path.split(">").length, path + ": in a workflow submenu of Plugins>MD XAI");
                assertFalse(path.contains("_"), path + ": no underscore in a menu label");
                assertNull(commands.put(path, info.getClassName()), "two commands at " + path);
                for (var item : CommandInputs.of(info)) {
                    assertEquals(item.getName().toLowerCase(), item.getName(), CommandCatalog.title(info) + ": keys are lower case");
                    String label = item.getLabel() == null ? item.getName() : item.getLabel();
                    assertFalse(label.contains("_"), CommandCatalog.title(info) + ": label '" + label
                            + "' has an underscore, which ImageJ shows as a space");
                    assertEquals(false, item.isPersisted(), CommandCatalog.title(info) + ": input " + item.getName()
                            + " must not remember last run's value (persist = false)");
                }
            }
        }
        assertEquals(commands, config);
    }
}

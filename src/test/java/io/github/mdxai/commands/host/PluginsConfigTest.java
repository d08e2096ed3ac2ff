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
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * plugins.config lists every MD XAI command once, under its menu label, launching that command's class; every input
 * has a lower-case key and is not persisted between runs.
 */
class PluginsConfigTest {

    private static final Pattern LINE = Pattern.compile(
            "Plugins>MD XAI(?:>[^,\"]+)?, \"([^\"]+)\", io\\.github\\.mdxai\\.commands\\.ij1\\.Launcher\\(\"([^\"]+)\"\\)");

    @Test
    void everyCommandHasExactlyOneLauncherUnderItsOwnLabel() throws Exception {
        Map<String, String> config = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("plugins.config"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            assertEquals(true, m.matches(), "malformed plugins.config line: " + line);
            assertNull(config.put(m.group(1), m.group(2)), "label registered twice: " + m.group(1));
        }
        Map<String, String> commands = new HashMap<>();
        try (Context context = new Context()) {
            for (CommandInfo info : CommandCatalog.all(context)) {
                assertNull(commands.put(CommandCatalog.title(info), info.getClassName()), "two commands titled " + CommandCatalog.title(info));
                for (var item : CommandInputs.of(info)) {
                    assertEquals(item.getName().toLowerCase(), item.getName(), CommandCatalog.title(info) + ": keys are lower case");
                    assertEquals(false, item.isPersisted(), CommandCatalog.title(info) + ": input " + item.getName()
                            + " must not remember last run's value (persist = false)");
                }
            }
        }
        assertEquals(commands, config);
    }
}

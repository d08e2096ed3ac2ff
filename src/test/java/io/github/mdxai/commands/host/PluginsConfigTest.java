package io.github.mdxai.commands.host;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
                assertTrue(info.isValid(), path + ": " + info.getProblems());
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

    /** The submenus and their items as ImageJ 1.x lists them (file order of plugins.config). */
    private static List<String> configOrder() throws Exception {
        List<String> order = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("plugins.config"))) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                String sub = m.group(1).substring(CommandCatalog.MENU_PREFIX.length());
                if (!order.contains(sub)) {
                    order.add(sub);
                }
                order.add(sub + ">" + m.group(2));
            }
        }
        return order;
    }

    /** Fiji builds its menus from SciJava's menu tree, which orders entries by weight, then name. */
    @Test
    void fijiMenuOrderIsTheOrderOfPluginsConfig() throws Exception {
        List<String> fiji = new ArrayList<>();
        try (Context context = new Context()) {
            org.scijava.menu.ShadowMenu root = new org.scijava.menu.ShadowMenu(context, CommandCatalog.all(context));
            org.scijava.menu.ShadowMenu mdxai = root.getChildren().get(0).getChildren().get(0);
            assertEquals("MD XAI", mdxai.getName());
            for (org.scijava.menu.ShadowMenu sub : mdxai.getChildren()) {
                fiji.add(sub.getName());
                for (org.scijava.menu.ShadowMenu item : sub.getChildren()) {
                    fiji.add(sub.getName() + ">" + item.getName());
                }
            }
        }
        assertEquals(configOrder(), fiji);
    }

    /**
     * Keys that many commands share mean the same thing everywhere and start from the same default: threads (worker
     * threads: all cores), seed, colour maximum (fmax) and bins (bins per axis of a surface or histogram).
     */
    @Test
    void commonKeysHaveTheSameDefaultInEveryCommand() {
        Map<String, Object> expected = Map.of("threads", Math.max(1, Runtime.getRuntime().availableProcessors()), "seed", 1L,
                "fmax", 50.0, "bins", 60);
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        try (Context context = new Context()) {
            for (CommandInfo info : CommandCatalog.all(context)) {
                for (var item : CommandInputs.of(info)) {
                    if (expected.containsKey(item.getName())) {
                        seen++;
                        Object def = CommandInputs.defaultOf(info, item);
                        if (!expected.get(item.getName()).equals(def)) {
                            wrong.add(CommandCatalog.title(info) + ": " + item.getName() + " = " + def);
                        }
                    }
                }
            }
        }
        assertTrue(seen > 20, "the scan found the common keys: " + seen);
        assertEquals(List.of(), wrong, "expected defaults " + expected);
    }

    /** A fresh dialog's defaults pass the checks OK applies (bounds, choices, types); empty fields are the required ones. */
    @Test
    void everyDefaultPassesTheChecksOfOk() {
        List<String> invalid = new ArrayList<>();
        try (Context context = new Context()) {
            for (CommandInfo info : CommandCatalog.all(context)) {
                org.scijava.module.ModuleInfo live = CommandInputs.initialized(context, info);
                for (var item : CommandInputs.of(info)) {
                    Object def = CommandInputs.defaultOf(info, item);
                    if (def == null) {
                        continue;
                    }
                    try {
                        CommandInputs.value(live.getInput(item.getName()), def instanceof java.io.File f ? f.getPath() : def.toString());
                    } catch (io.github.mdxai.util.InputException e) {
                        invalid.add(CommandCatalog.title(info) + ": " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), invalid);
    }
}

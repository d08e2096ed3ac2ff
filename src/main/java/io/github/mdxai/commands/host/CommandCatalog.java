package io.github.mdxai.commands.host;

import io.github.mdxai.util.InputException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.MenuPath;

import java.util.Comparator;
import java.util.List;

/** The MD XAI commands a context knows, found by their menu path, with their titles (the menu label). */
public final class CommandCatalog {

    public static final String MENU_PREFIX = "Plugins>MD XAI>";

    private CommandCatalog() {
    }

    public static List<CommandInfo> all(Context context) {
        return context.service(CommandService.class).getCommands().stream()
                .filter(info -> menuPath(info).startsWith(MENU_PREFIX))
                .sorted(Comparator.comparing(CommandCatalog::menuPath))
                .toList();
    }

    public static String menuPath(CommandInfo info) {
        MenuPath path = info.getMenuPath();
        if (path == null || path.isEmpty()) {
            return "";
        }
        return String.join(">", path.stream().map(entry -> entry.getName()).toList());
    }

    /** The menu label, which is also the macro command name. */
    public static String title(CommandInfo info) {
        MenuPath path = info.getMenuPath();
        return path.getLeaf().getName();
    }

    public static CommandInfo byTitle(Context context, String title) {
        List<CommandInfo> all = all(context);
        return all.stream().filter(info -> title(info).equalsIgnoreCase(title.strip())).findFirst()
                .orElseThrow(() -> new InputException("unknown command '" + title + "'; try 'mdxai list'"));
    }

    public static CommandInfo byClass(Context context, String className) {
        CommandInfo info = context.service(CommandService.class).getCommand(className);
        if (info == null) {
            throw new InputException("no command class " + className);
        }
        return info;
    }
}

package io.github.mdxai.commands.ij1;

import ij.IJ;
import io.github.mdxai.commands.host.CommandCatalog;
import io.github.mdxai.commands.host.CommandInputs;
import io.github.mdxai.commands.host.CommandRunner;
import io.github.mdxai.commands.host.ResultFiles;
import org.scijava.Priority;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Result windows for commands that SciJava itself runs (Fiji's menus, macros and scripts in Fiji), where our IJ1
 * launcher is not involved: a preprocessor notes the output locations once the inputs are harvested, a postprocessor
 * shows what the command wrote through the same {@link ResultWindows} as the launcher. Only with an ImageJ 1.x
 * window (Fiji's legacy layer), not headless and not in a macro's batch mode; commands started by our own hosts
 * (launcher, CLI, study steps) are left to them.
 */
public final class FijiResults {

    private static final Map<Module, ResultFiles> SNAPSHOTS = java.util.Collections.synchronizedMap(new WeakHashMap<>());

    private FijiResults() {
    }

    static boolean applies(Module module) {
        return module.getInfo() instanceof CommandInfo info && CommandCatalog.menuPath(info).startsWith(CommandCatalog.MENU_PREFIX)
                && !CommandRunner.hosted(module) && Launcher.windowsWanted();
    }

    /** Runs after the input harvester (priority -10000): the output locations are known then. */
    @Plugin(type = PreprocessorPlugin.class, priority = Priority.VERY_LOW - 1)
    public static final class Snapshot extends AbstractPreprocessorPlugin {
        @Override
        public void process(Module module) {
            if (applies(module)) {
                CommandInfo info = (CommandInfo) module.getInfo();
                Map<String, Object> inputs = new HashMap<>();
                CommandInputs.of(info).forEach(item -> inputs.put(item.getName(), module.getInput(item.getName())));
                SNAPSHOTS.put(module, ResultFiles.before(info, inputs));
            }
        }
    }

    /** Shows the written tables, plots and images; Fiji shows the command's image outputs itself. */
    @Plugin(type = PostprocessorPlugin.class)
    public static final class Display extends AbstractPostprocessorPlugin {
        @Override
        public void process(Module module) {
            ResultFiles results = SNAPSHOTS.remove(module);
            if (results == null || !applies(module)) {
                return;
            }
            String title = CommandCatalog.title((CommandInfo) module.getInfo());
            ResultWindows.show(title, module, ResultWindows.toShow(results), Set.of(), true, true);
        }
    }
}

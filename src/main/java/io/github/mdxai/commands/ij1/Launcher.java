package io.github.mdxai.commands.ij1;

import ij.IJ;
import ij.macro.Interpreter;
import ij.Macro;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;
import io.github.mdxai.commands.host.CommandCatalog;
import io.github.mdxai.commands.host.CommandInputs;
import io.github.mdxai.commands.host.CommandRunner;
import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.commands.host.MacroOptions;
import io.github.mdxai.commands.host.ResultFiles;
import io.github.mdxai.util.CancelledException;
import io.github.mdxai.util.InputException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ImageJ 1.x entry point of every MD XAI command ({@code plugins.config} passes the command class as the
 * argument): from a macro it reads the options (only those: remembered dialog values never reach a macro), otherwise
 * it shows a dialog generated from the command's inputs that starts from the last values entered. It runs the
 * SciJava command with its status, progress and messages in ImageJ's status bar, progress bar and Log, Esc to cancel,
 * and shows what the command wrote (see {@link ResultWindows}).
 */
public class Launcher implements PlugIn {

    @Override
    public void run(String commandClass) {
        Context context = Hosts.context();
        CommandInfo info = CommandCatalog.byClass(context, commandClass);
        String title = CommandCatalog.title(info);
        try {
            String macroOptions = Macro.getOptions();
            Map<String, String> options;
            if (macroOptions != null) {
                options = MacroOptions.parse(macroOptions);
            } else {
                DialogForm form = new DialogForm(info);
                form.dialog().showDialog();
                // wasOKed, not wasCanceled: the latter throws inside a macro thread, and ImageJ swallows that throw.
                if (!form.dialog().wasOKed()) {
                    // As ImageJ's own commands: Cancel in a dialog opened by a macro stops the macro.
                    IJ.showStatus(title + ": cancelled");
                    abortMacro();
                    return;
                }
                options = form.read();
                form.remember(options);
                if (Recorder.record) {
                    options.forEach(Recorder::recordOption);
                }
            }
            Map<String, Object> inputs = CommandInputs.convert(info, options);
            ResultFiles results = ResultFiles.before(info, inputs);
            Module module;
            java.util.Set<String> logged;
            IJ.resetEscape();
            try (HostBridge bridge = new HostBridge(context, title)) {
                logged = bridge.logged();
                Future<Module> running = CommandRunner.start(context, info, inputs);
                try {
                    module = CommandRunner.await(running);
                } catch (ThreadDeath death) {
                    // Esc during a macro: ImageJ stops the macro's thread, this one. The command saw Esc too; let it
                    // finish stopping (it removes its temporary files) before the thread dies.
                    awaitStop(running);
                    cancelled(title);
                    throw death;
                }
            }
            List<Path> shown = ResultWindows.toShow(results);
            ResultWindows.show(title, module, shown, logged, windowsWanted(), false);
            IJ.showStatus(title + ": done");
        } catch (CancelledException e) {
            cancelled(title);
        } catch (InputException e) {
            report(title, e.getMessage());
        }
    }

    /** Windows only where ImageJ has one, not in a headless JVM, and not in a macro's batch mode. */
    static boolean windowsWanted() {
        return IJ.getInstance() != null && !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode();
    }

    private static void cancelled(String title) {
        IJ.showStatus(title + ": cancelled");
        IJ.log(title + ": cancelled; files already complete are kept, none is left half-written");
        IJ.resetEscape();
    }

    private static void awaitStop(Future<Module> running) {
        try {
            running.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Stopped with the expected CancelledException, or still stopping: nothing more to wait for.
        }
    }

    /** Stops the calling macro, if any, the way ImageJ's own commands do when their dialog is cancelled. */
    private static void abortMacro() {
        Interpreter interpreter = Interpreter.getInstance();
        if (interpreter != null) {
            interpreter.abortMacro();
        }
    }

    /**
     * An error dialog when ImageJ has a window; in batch mode (no window) a line on stderr and in the Log. Either way a
     * calling macro stops, so that its next lines do not run on results that were never written.
     */
    private static void report(String title, String message) {
        if (IJ.getInstance() == null) {
            System.err.println(title + ": " + message);
            IJ.log(title + ": " + message);
        } else {
            IJ.error(title, message);
        }
        abortMacro();
    }
}

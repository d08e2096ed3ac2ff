package io.github.mdxai.commands.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;
import io.github.mdxai.commands.host.CommandCatalog;
import io.github.mdxai.commands.host.CommandInputs;
import io.github.mdxai.commands.host.CommandRunner;
import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.commands.host.MacroOptions;
import io.github.mdxai.util.CancelledException;
import io.github.mdxai.util.InputException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import java.util.Map;

/**
 * The ImageJ 1.x entry point of every MD XAI command ({@code plugins.config} passes the command class as the
 * argument): from a macro it reads the options, otherwise it shows a dialog generated from the command's inputs;
 * it runs the SciJava command and shows its images and tables.
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
                if (form.dialog().wasCanceled()) {
                    return;
                }
                options = form.read();
                if (Recorder.record) {
                    options.forEach(Recorder::recordOption);
                }
            }
            Module module = CommandRunner.run(context, info, CommandInputs.convert(info, options));
            show(module);
            IJ.showStatus(title + ": done");
        } catch (CancelledException e) {
            IJ.showStatus(title + ": cancelled");
            IJ.showProgress(1.0);
        } catch (InputException e) {
            IJ.showProgress(1.0);
            report(title, e.getMessage());
        }
    }

    /** An error dialog when ImageJ has a window; in batch mode (no window) a line on stderr, and the macro stops. */
    private static void report(String title, String message) {
        if (IJ.getInstance() == null) {
            System.err.println(title + ": " + message);
            IJ.log(title + ": " + message);
            if (Macro.getOptions() != null) {
                Macro.abort();
            }
        } else {
            IJ.error(title, message);
        }
    }

    private static void show(Module module) {
        for (ModuleItem<?> item : module.getInfo().outputs()) {
            Object value = module.getOutput(item.getName());
            if (value instanceof ImagePlus imp) {
                imp.show();
                // Grids are often a few dozen bins wide: magnify them to a readable size.
                int zoom = Math.min(1600, 100 * Math.max(1, 480 / Math.max(imp.getWidth(), imp.getHeight())));
                if (zoom > 100) {
                    IJ.run(imp, "Set... ", "zoom=" + zoom);
                }
            } else if (value instanceof ResultsTable table) {
                table.show(item.getLabel() == null ? item.getName() : item.getLabel());
            } else if (value instanceof String text && !text.isBlank()) {
                IJ.log(text);
            }
        }
    }
}

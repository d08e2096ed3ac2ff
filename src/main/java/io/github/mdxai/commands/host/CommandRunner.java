package io.github.mdxai.commands.host;

import io.github.mdxai.learn.NativeBackend;
import io.github.mdxai.util.CancelledException;
import io.github.mdxai.util.InputException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Runs a command with typed inputs and turns its failures into one-line messages. */
public final class CommandRunner {

    /** Modules started here: their host (launcher, CLI, study) shows their results, not a SciJava postprocessor. */
    private static final java.util.Set<Module> HOSTED = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    private CommandRunner() {
    }

    /** Whether {@code module} was started by {@link #start} (so not by Fiji's menus or a SciJava script). */
    public static boolean hosted(Module module) {
        return HOSTED.contains(module);
    }

    /** Runs {@code info} with the given inputs and waits; bad input surfaces as {@link InputException}. */
    public static Module run(Context context, CommandInfo info, Map<String, Object> inputs) {
        return await(start(context, info, inputs));
    }

    /** Starts {@code info} on SciJava's thread pool; {@link #await} waits for it and reports its failure. */
    public static Future<Module> start(Context context, CommandInfo info, Map<String, Object> inputs) {
        Hosts.useOwnClassLoader();
        ModuleService modules = context.service(ModuleService.class);
        // The failure is reported once, as one line, by the host; SciJava's runner would also log a stack trace.
        LogService log = context.service(LogService.class);
        log.setLevel("org.scijava.module", LogLevel.NONE);
        // Images and tables are shown by our own hosts (IJ1 launcher); files are the headless output.
        log.setLevel("org.scijava.display", LogLevel.NONE);
        try {
            Module module = modules.createModule(info);
            HOSTED.add(module);
            module.setInputs(inputs);
            // Inputs left out keep the command's defaults: marked resolved, so that no preprocessor asks for them
            // (an unresolved optional File would otherwise cancel the command silently).
            for (var item : CommandInputs.of(info)) {
                module.resolveInput(item.getName());
            }
            return modules.run(module, true);
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    /** Waits for a started command; its failure surfaces as {@link InputException} or {@link CancelledException}. */
    public static Module await(Future<Module> running) {
        Module module;
        try {
            module = running.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
        if (module instanceof org.scijava.Cancelable cancelable && cancelable.isCanceled()) {
            String reason = cancelable.getCancelReason();
            throw new InputException(reason == null ? "cancelled" : reason);
        }
        return module;
    }

    /**
     * The user-facing exception in a cause chain: an InputException or cancel if there is one, a missing native
     * backend named in one line when a library failed to link, else the original.
     */
    static RuntimeException unwrap(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InputException input) {
                return input;
            }
            if (c instanceof CancelledException cancelled) {
                return cancelled;
            }
        }
        String missing = NativeBackend.explain(t, NativeBackend.platform(), CommandRunner.class.getClassLoader());
        if (missing != null) {
            return new InputException(missing, t);
        }
        return t instanceof RuntimeException r ? r : new RuntimeException(t);
    }
}

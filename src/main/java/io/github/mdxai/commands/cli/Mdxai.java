package io.github.mdxai.commands.cli;

import io.github.mdxai.commands.host.CommandCatalog;
import io.github.mdxai.commands.host.CommandInputs;
import io.github.mdxai.commands.host.CommandRunner;
import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.commands.host.MacroOptions;
import io.github.mdxai.util.CancelledException;
import io.github.mdxai.util.InputException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.event.EventSubscriber;
import org.scijava.event.EventService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headless command line: {@code list}, {@code help "Title"}, {@code run "Title" "key=value ..."}.
 * Exit code 0 on success, 2 on a usage error, 1 on failure; errors are one line on stderr (stack traces with --debug).
 */
public final class Mdxai {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = String.join("\n",
            "usage: mdxai [--debug] list",
            "       mdxai [--debug] help \"Command Title\"",
            "       mdxai [--debug] run \"Command Title\" \"key=value key2=[value with spaces] ...\"",
            "       mdxai [--debug] reproduce [--preset quick|paper|smoke] [--out DIR] [--seed N] [--threads N] [--study a|b|both]",
            "       mdxai bench [name ...] | bench NAME [arguments ...]   (mdxai bench unknown lists the names)",
            "       mdxai gui        (starts ImageJ with the MD XAI menus; handled by bin/mdxai)",
            "       mdxai install-fiji /path/to/Fiji.app   (plugin and the jars Fiji lacks; handled by bin/mdxai)");

    private final PrintStream out;
    private final PrintStream err;
    private boolean debug;

    Mdxai(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--debug")) {
            System.setProperty("org.slf4j.simpleLogger.log.stdout", "debug"); // LibraryChatter's lines
        }
        System.setOut(LibraryChatter.over(System.out));
        int code = new Mdxai(System.out, System.err).execute(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one CLI call and returns its exit code. */
    int execute(String[] rawArgs) {
        List<String> args = new ArrayList<>();
        for (String a : rawArgs) {
            if (a.equals("--debug")) {
                debug = true;
            } else {
                args.add(a);
            }
        }
        if (args.isEmpty()) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Context context;
        try {
            context = Hosts.context();
        } catch (RuntimeException e) {
            return fail("cannot start the SciJava context: " + e.getMessage(), e, FAILURE);
        }
        String verb = args.get(0);
        try {
            switch (verb) {
                case "list" -> {
                    for (CommandInfo info : CommandCatalog.all(context)) {
                        out.println(CommandCatalog.title(info) + "\t" + CommandCatalog.menuPath(info));
                    }
                    return OK;
                }
                case "help" -> {
                    if (args.size() != 2) {
                        return usage("help takes one command title");
                    }
                    help(context, CommandCatalog.byTitle(context, args.get(1)));
                    return OK;
                }
                case "run" -> {
                    if (args.size() < 2 || args.size() > 3) {
                        return usage("run takes a command title and one option string");
                    }
                    CommandInfo info = CommandCatalog.byTitle(context, args.get(1));
                    Map<String, Object> inputs = CommandInputs.convert(info,
                            MacroOptions.parse(args.size() == 3 ? args.get(2) : ""));
                    return run(context, info, inputs);
                }
                case "reproduce" -> {
                    return reproduce(context, args.subList(1, args.size()));
                }
                case "bench" -> {
                    return Benchmarks.run(args.subList(1, args.size()), out, err);
                }
                default -> {
                    return usage("unknown verb '" + verb + "'");
                }
            }
        } catch (InputException e) {
            return fail(e.getMessage(), e, USAGE);
        }
    }

    /** Both studies (or one) into OUT/study_a and OUT/study_b, through the Reproduce commands. */
    private int reproduce(Context context, List<String> flags) {
        Map<String, String> values = new java.util.LinkedHashMap<>(Map.of("preset", "quick", "out", "results",
                "study", "both", "seed", "1", "threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            if (!flag.startsWith("--") || i + 1 >= flags.size() || !values.containsKey(flag.substring(2))) {
                return usage("reproduce: unknown or incomplete option '" + flag + "'");
            }
            values.put(flag.substring(2), flags.get(++i));
        }
        String study = values.get("study");
        if (!List.of("a", "b", "both").contains(study)) {
            return usage("reproduce: --study is '" + study + "', expected a, b or both");
        }
        java.nio.file.Path out = java.nio.file.Path.of(values.get("out"));
        String common = "preset=" + values.get("preset") + " seed=" + values.get("seed") + " threads=" + values.get("threads");
        for (String which : study.equals("both") ? List.of("A", "B") : List.of(study.toUpperCase())) {
            CommandInfo info = CommandCatalog.byTitle(context, "Reproduce Study " + which);
            String options = common + " out=" + MacroOptions.quote(out.resolve("study_" + which.toLowerCase()).toString());
            int code = run(context, info, CommandInputs.convert(info, MacroOptions.parse(options)));
            if (code != OK) {
                return code;
            }
        }
        return OK;
    }

    private int run(Context context, CommandInfo info, Map<String, Object> inputs) {
        TextProgress bar = new TextProgress(err, Boolean.getBoolean("mdxai.terminal"), System::nanoTime);
        EventService events = context.service(EventService.class);
        List<EventSubscriber<?>> subscription = events.subscribe(bar);
        try {
            long start = System.nanoTime();
            Module module = CommandRunner.run(context, info, inputs);
            bar.finish();
            for (ModuleItem<?> item : module.getInfo().outputs()) {
                Object value = module.getOutput(item.getName());
                if (value instanceof String text && !text.isBlank()) {
                    out.println(text);
                }
            }
            err.printf("%s: done in %.1f s%n", CommandCatalog.title(info), (System.nanoTime() - start) / 1e9);
            return OK;
        } catch (CancelledException e) {
            bar.finish();
            return fail("cancelled", e, FAILURE);
        } catch (InputException e) {
            bar.finish();
            return fail(e.getMessage(), e, FAILURE);
        } catch (RuntimeException e) {
            bar.finish();
            return fail("failed: " + e, e, FAILURE);
        } finally {
            events.unsubscribe(subscription);
        }
    }

    private void help(Context context, CommandInfo info) {
        org.scijava.module.ModuleInfo initialized = CommandInputs.initialized(context, info);
        out.println(CommandCatalog.title(info) + "  (" + CommandCatalog.menuPath(info) + ")");
        if (info.getDescription() != null) {
            out.println("  " + info.getDescription());
        }
        out.println("keys:");
        for (ModuleItem<?> item : CommandInputs.of(info)) {
            Object def = CommandInputs.defaultOf(info, item);
            String defText = def == null ? (item.isRequired() ? "required" : "optional")
                    : "default " + MacroOptions.quote(def instanceof File f ? f.getPath() : def.toString());
            out.printf("  %-12s %s; %s; %s%n", item.getName(),
                    item.getLabel() == null ? item.getName() : item.getLabel(), CommandInputs.describe(item), defText);
            String description = initialized.getInput(item.getName()).getDescription();
            if (description != null && !description.isBlank()) {
                out.printf("  %-12s   %s%n", "", description);
            }
        }
    }

    private int usage(String message) {
        err.println("mdxai: " + message);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    private int fail(String message, Throwable t, int code) {
        err.println("mdxai: " + message);
        if (debug) {
            t.printStackTrace(err);
        }
        return code;
    }
}

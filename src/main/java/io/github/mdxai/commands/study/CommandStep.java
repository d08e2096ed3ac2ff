package io.github.mdxai.commands.study;

import io.github.mdxai.commands.HostProgress;
import io.github.mdxai.commands.host.CommandCatalog;
import io.github.mdxai.commands.host.CommandInputs;
import io.github.mdxai.commands.host.CommandRunner;
import io.github.mdxai.pipeline.Step;
import io.github.mdxai.util.Progress;
import org.scijava.Context;
import org.scijava.command.CommandInfo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A study step that runs one MD XAI command, exactly as a user would from a macro, into the step's folder. Its
 * options are built from the folders of earlier steps; {@code parameters} (what changes the result) make its fingerprint.
 */
public final class CommandStep implements Step {

    private final Context context;
    private final String name;
    private final String title;
    private final Map<String, Object> parameters;
    private final List<String> dependsOn;
    private final double weight;
    private final BiFunction<Path, Map<String, Path>, Map<String, String>> paths;

    /**
     * @param parameters the command's option values that do not name files (they go to the fingerprint as they are)
     * @param paths      the file options, given this step's folder and the earlier steps' folders
     */
    public CommandStep(Context context, String name, String title, Map<String, Object> parameters, List<String> dependsOn,
                       double weight, BiFunction<Path, Map<String, Path>, Map<String, String>> paths) {
        this.context = context;
        this.name = name;
        this.title = title;
        this.parameters = parameters;
        this.dependsOn = dependsOn;
        this.weight = weight;
        this.paths = paths;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", title);
        p.putAll(parameters);
        return p;
    }

    @Override
    public List<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public double weight() {
        return weight;
    }

    @Override
    public void run(Path folder, Map<String, Path> folders, Progress progress) {
        Map<String, String> options = new LinkedHashMap<>();
        parameters.forEach((k, v) -> options.put(k, String.valueOf(v)));
        options.putAll(paths.apply(folder, folders));
        CommandInfo info = CommandCatalog.byTitle(context, title);
        progress.status(name + ": " + title);
        HostProgress.nested(progress, () -> CommandRunner.run(context, info, CommandInputs.convert(info, options)));
    }
}

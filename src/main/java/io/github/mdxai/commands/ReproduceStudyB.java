package io.github.mdxai.commands;

import io.github.mdxai.commands.study.StudyB;
import io.github.mdxai.pipeline.Report;
import io.github.mdxai.util.Progress;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.nio.file.Path;

/** Reproduces Study B (graph attention on a glass-forming soft-sphere liquid) into one folder, resumably. */
@Plugin(type = Command.class, initializer = "describePresets", menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Studies", weight = Menus.STUDIES), @Menu(label = "Reproduce Study B", weight = 2)},
        description = "Soft-sphere MD along a cooling ladder of state points, relaxation, graph attention classifiers per state and attention analysis beside an untrained control")
public class ReproduceStudyB extends ReproduceStudy {

    @Override
    String study() {
        return "Study B";
    }

    @Override
    String expectedTime(String preset) {
        return StudyB.preset(preset).expectedTime();
    }

    @Override
    Report run(Context context, Path out, String preset, long seed, int threads, Progress progress) throws Exception {
        return StudyB.run(context, out, StudyB.preset(preset), seed, threads, progress);
    }
}

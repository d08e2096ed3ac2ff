package io.github.mdxai.commands;

import io.github.mdxai.commands.study.StudyA;
import io.github.mdxai.pipeline.Report;
import io.github.mdxai.util.Progress;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.nio.file.Path;

/** Reproduces Study A (alanine dipeptide reaction coordinate, explained) into one folder, resumably. */
@Plugin(type = Command.class, initializer = "describePresets", menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Studies", weight = Menus.STUDIES), @Menu(label = "Reproduce Study A", weight = 1)},
        description = "Metadynamics, F(phi, psi), transition configurations, committors, network, LIME and PMF; one subfolder per step")
public class ReproduceStudyA extends ReproduceStudy {

    @Override
    String study() {
        return "Study A";
    }

    @Override
    String expectedTime(String preset) {
        return StudyA.preset(preset).expectedTime();
    }

    @Override
    Report run(Context context, Path out, String preset, long seed, int threads, Progress progress) throws Exception {
        return StudyA.run(context, out, StudyA.preset(preset), seed, threads, progress);
    }
}

package io.github.mdxai.commands.host;

import io.github.mdxai.commands.study.StudyA;
import io.github.mdxai.commands.study.StudyB;
import io.github.mdxai.explain.Explainers;
import io.github.mdxai.particles.ParticleModels;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.module.ModuleInfo;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the dialogs offer beyond the annotations: choices from the registries (drop-downs in ImageJ and Fiji, not free
 * text) and the studies' presets described with their expected times.
 */
class RegistryChoicesTest {

    private static ModuleInfo initialized(Context context, String title) {
        return CommandInputs.initialized(context, CommandCatalog.byTitle(context, title));
    }

    @Test
    void particleModelsAndExplanationMethodsAreChoicesFromTheirRegistries() {
        try (Context context = new Context()) {
            for (String title : List.of("Simulate Soft-Sphere Liquid", "Soft-Sphere Energy")) {
                assertEquals(ParticleModels.keys(), initialized(context, title).getInput("model").getChoices(), title);
            }
            assertEquals(Explainers.discover().choices(),
                    initialized(context, "Explain Committor Network").getInput("method").getChoices());
        }
    }

    @Test
    void studyPresetsAreDescribedWithTheirExpectedTimes() {
        try (Context context = new Context()) {
            for (String preset : List.of("quick", "paper", "smoke")) {
                String a = initialized(context, "Reproduce Study A").getInput("preset").getDescription();
                String b = initialized(context, "Reproduce Study B").getInput("preset").getDescription();
                assertTrue(a.contains(preset + ": ") && a.contains(StudyA.preset(preset).expectedTime()), a);
                assertTrue(b.contains(preset + ": ") && b.contains(StudyB.preset(preset).expectedTime()), b);
            }
        }
    }
}

package io.github.mdxai.explain;

import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.plugin.PluginService;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainersTest {

    @Test
    void pluginsAreFoundInPriorityOrderWithAndWithoutAContext() {
        List<String> expected = List.of("lime", "gradient", "permutation", "shap");
        assertEquals(expected, Explainers.discover().names());
        Context context = new Context(PluginService.class);
        try {
            assertEquals(expected, Explainers.of(context.service(PluginService.class)).names());
        } finally {
            context.dispose();
        }
    }

    @Test
    void methodListsParseAndUnknownNamesListTheKnownOnes() {
        Explainers registry = Explainers.discover();
        assertEquals(registry.names(), registry.parse("all").stream().map(Explainer::name).toList());
        assertEquals(List.of("shap", "lime"), registry.parse("SHAP, lime").stream().map(Explainer::name).toList());
        assertEquals(List.of("all", "lime", "gradient", "permutation", "shap"), registry.choices());
        InputException e = assertThrows(InputException.class, () -> registry.parse("lime,deeplift"));
        assertTrue(e.getMessage().contains("'deeplift'") && e.getMessage().contains("lime, gradient, permutation, shap"),
                e.getMessage());
    }
}

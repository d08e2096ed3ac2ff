package io.github.mdxai.explain;

import io.github.mdxai.util.InputException;
import org.scijava.InstantiableException;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;
import org.scijava.plugin.PluginService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The registry of explanation methods: every {@link Explainer} plugin, in priority order, found through SciJava's
 * plugin index, either the one a Context's PluginService holds or one read from the class path (plain core code
 * and tests, no Context).
 */
public final class Explainers {

    public static final String ALL = "all";

    private final Map<String, Explainer> byName = new LinkedHashMap<>();

    private Explainers(List<PluginInfo<Explainer>> plugins) {
        for (PluginInfo<Explainer> info : plugins) {
            Explainer explainer;
            try {
                explainer = info.createInstance();
            } catch (InstantiableException e) {
                throw new IllegalStateException("explainer plugin " + info.getClassName() + " cannot be created", e);
            }
            if (byName.putIfAbsent(explainer.name(), explainer) != null) {
                throw new IllegalStateException("two explainer plugins are named '" + explainer.name() + "'");
            }
        }
    }

    /** The explainers on the class path, without a SciJava Context. */
    public static Explainers discover() {
        PluginIndex index = new PluginIndex();
        index.discover();
        return new Explainers(index.getPlugins(Explainer.class));
    }

    /** The explainers a Context knows. */
    public static Explainers of(PluginService plugins) {
        return new Explainers(plugins.getPluginsOfType(Explainer.class));
    }

    /** Method names in priority order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** "all" followed by every method name: the choices of a method input. */
    public List<String> choices() {
        List<String> choices = new ArrayList<>(List.of(ALL));
        choices.addAll(byName.keySet());
        return choices;
    }

    /** The explainer called {@code name}; an input error listing the known ones otherwise. */
    public Explainer get(String name) {
        Explainer explainer = byName.get(name.strip().toLowerCase(Locale.ROOT));
        if (explainer == null) {
            throw new InputException("method: '" + name + "' is not an explanation method; known: "
                    + String.join(", ", choices()));
        }
        return explainer;
    }

    /** Parses "all" (or empty), one name, or a comma- or space-separated list such as "lime,shap". */
    public List<Explainer> parse(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase(ALL)) {
            return List.copyOf(byName.values());
        }
        Set<Explainer> chosen = new LinkedHashSet<>();
        for (String name : text.strip().split("[,\\s]+")) {
            chosen.add(get(name));
        }
        return List.copyOf(chosen);
    }
}

package io.github.mdxai.explain;

import io.github.mdxai.util.Progress;
import org.scijava.plugin.SciJavaPlugin;

import java.nio.file.Path;
import java.util.Map;

/**
 * One way of saying which input features a committor model relies on. An extension point in the way TrackMate's
 * detectors are: an implementation is a class annotated {@code @Plugin(type = Explainer.class, priority = ...)}
 * with a public no-argument constructor, found by {@link Explainers} (with or without a SciJava Context); the
 * priority orders the methods in "all". Adding a method adds a class and touches nothing else.
 */
public interface Explainer extends SciJavaPlugin {

    /** The method's key: lower case, used for the method input and in file names ({@code importance_<name>.csv}). */
    String name();

    /** Computes one importance per feature and may write per-row details into {@code out}. */
    Result explain(ExplainerInput input, Path out, Progress progress);

    /**
     * The importance, what its value measures (a few words: axis label and report), how many rows the method ran on
     * (for the time per row) and numbers worth keeping in explain.json, keyed without the method prefix.
     */
    record Result(Importance importance, String measures, int rows, Map<String, Double> facts) {
        public Result {
            facts = Map.copyOf(facts);
        }
    }
}

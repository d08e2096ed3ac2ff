package io.github.mdxai.pipeline;

import io.github.mdxai.util.Progress;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One step of a study: it reads the folders of the steps it depends on and writes its own folder. A pipeline skips a
 * step whose parameters and dependencies did not change since it last finished.
 */
public interface Step {

    /** Folder name and identity, e.g. "03_committors". */
    String name();

    /** What the step computes with, for the fingerprint and the report (numbers, strings, lists). */
    Map<String, Object> parameters();

    /** Names of earlier steps whose outputs this step reads. */
    List<String> dependsOn();

    /**
     * Runs the step into {@code folder} (created, possibly holding a previous partial run to resume from).
     * {@code folders} maps every earlier step name to its folder.
     */
    void run(Path folder, Map<String, Path> folders, Progress progress) throws Exception;

    /** Relative weight of the step in the overall progress bar (e.g. its expected seconds). */
    default double weight() {
        return 1;
    }
}

package io.github.mdxai.commands.study;

import io.github.mdxai.pipeline.Step;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A step that copies built-in input files (bundled with the jar) into its folder, so later steps read plain files. */
final class ResourceStep implements Step {

    private final String name;
    private final String resourceFolder;
    private final List<String> files;

    ResourceStep(String name, String resourceFolder, List<String> files) {
        this.name = name;
        this.resourceFolder = resourceFolder;
        this.files = files;
    }

    /** Copying a few small files takes no time next to the computing steps (the default weight 1 was half the bar). */
    @Override
    public double weight() {
        return 0.001;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("resources", resourceFolder + files);
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public void run(Path folder, Map<String, Path> folders, Progress progress) throws IOException {
        for (String file : files) {
            try (InputStream in = ResourceStep.class.getResourceAsStream(resourceFolder + file)) {
                if (in == null) {
                    throw new IllegalStateException("built-in file " + resourceFolder + file + " is missing from the jar");
                }
                byte[] bytes = in.readAllBytes();
                AtomicFiles.write(folder.resolve(file), out -> out.write(bytes));
            }
        }
    }
}

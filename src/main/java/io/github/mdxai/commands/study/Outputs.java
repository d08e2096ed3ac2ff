package io.github.mdxai.commands.study;

import io.github.mdxai.explain.Importance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading the result files that steps leave in their folders. */
final class Outputs {

    private Outputs() {
    }

    /** A JSON file's tree, or a missing node if the step did not write it. */
    static JsonNode json(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        return new ObjectMapper().readTree(file.toFile());
    }

    /** The first {@code n} features of an importance table, most important first (none if the step wrote none). */
    static List<String> topFeatures(Path importanceCsv, int n) {
        return Files.isRegularFile(importanceCsv) ? Importance.readCsv("", importanceCsv).top(n) : List.of();
    }
}

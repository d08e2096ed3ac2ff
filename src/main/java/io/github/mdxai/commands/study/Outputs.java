package io.github.mdxai.commands.study;

import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** The first {@code n} features of an importance table (feature,importance,rank), most important first. */
    static List<String> topFeatures(Path importanceCsv, int n) {
        if (!Files.isRegularFile(importanceCsv)) {
            return List.of();
        }
        CsvTable t = CsvTable.read(importanceCsv);
        int feature = t.columnIndex("feature");
        double[] rank = t.column("rank");
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            rows.add(i);
        }
        rows.sort((a, b) -> Double.compare(rank[a], rank[b]));
        List<String> top = new ArrayList<>();
        for (int i = 0; i < Math.min(n, rows.size()); i++) {
            top.add(t.text(rows.get(i), feature));
        }
        InputException.require(!top.isEmpty() || t.rowCount() == 0, "no features in " + importanceCsv);
        return top;
    }
}

package io.github.mdxai.learn;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** q and p_B for every row of a features table, in the model's column order; kept columns are copied through. */
public final class CommittorPrediction {

    /** Columns copied to the output when the input has them, so rows can be matched to their configurations. */
    private static final List<String> KEPT = List.of("config", "configuration", "frame");

    private CommittorPrediction() {
    }

    /** Predicts every row and writes {@code [kept columns,] row, q, pB} to {@code file}; returns q. */
    public static double[] write(CommittorModel model, CsvTable table, Path file) {
        double[] q = model.q(model.featuresOf(table));
        List<String> kept = KEPT.stream().filter(table::hasColumn).toList();
        AtomicFiles.writeText(file, w -> {
            List<String> header = new ArrayList<>(kept);
            header.addAll(List.of("row", "q", "pB"));
            CsvTable.writeRow(w, header);
            for (int r = 0; r < q.length; r++) {
                List<String> cells = new ArrayList<>();
                for (String k : kept) {
                    cells.add(table.text(r, table.columnIndex(k)));
                }
                cells.add(Integer.toString(r));
                cells.add(CsvTable.format(q[r]));
                cells.add(CsvTable.format(CommittorModel.pB(q[r])));
                CsvTable.writeRow(w, cells);
            }
        });
        return q;
    }
}

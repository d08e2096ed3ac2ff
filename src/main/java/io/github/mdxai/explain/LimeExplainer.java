package io.github.mdxai.explain;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;
import org.scijava.plugin.Plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LIME ({@link LimeTabular}) on the selected rows: importance = mean |local surrogate weight| over the rows; writes
 * {@code lime_weights.csv} (per row: q, the surrogate's intercept, its value at the instance, its weighted R^2 and
 * the weight of every feature).
 */
@Plugin(type = Explainer.class, priority = 400)
public final class LimeExplainer implements Explainer {

    public static final String NAME = "lime";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result explain(ExplainerInput in, Path out, Progress progress) {
        CommittorExplainer.Settings s = in.settings();
        int d = in.features().size();
        progress.status("LIME on " + in.rows().length + " rows");
        LimeTabular lime = new LimeTabular(in.model(), d, s.samples(), s.discretize(), in.z(), 0,
                LimeTabular.DEFAULT_ALPHA);
        List<LimeTabular.Explanation> ex = lime.explain(in.selected(), in.rows(), s.seed(), s.threads(), progress);
        writeWeights(out.resolve("lime_weights.csv"), ex, in.features());
        double meanR2 = ex.stream().mapToDouble(LimeTabular.Explanation::r2).average().orElse(Double.NaN);
        String measures = s.discretize()
                ? "mean |LIME weight| on q (leaving the instance's training quartile)"
                : "mean |LIME weight| on q (per training std)";
        return new Result(new Importance(NAME, in.features(), LimeTabular.meanAbsoluteWeights(ex, d)), measures,
                in.rows().length, Map.of("mean_local_r2", meanR2));
    }

    private static void writeWeights(Path file, List<LimeTabular.Explanation> ex, List<String> names) {
        AtomicFiles.writeText(file, w -> {
            List<String> header = new ArrayList<>(List.of("row", "q", "intercept", "local_q", "local_r2"));
            header.addAll(names);
            CsvTable.writeRow(w, header);
            for (LimeTabular.Explanation e : ex) {
                List<String> cells = new ArrayList<>(List.of(Integer.toString(e.row()), CsvTable.format(e.q()),
                        CsvTable.format(e.intercept()), CsvTable.format(e.localQ()), CsvTable.format(e.r2())));
                for (double v : e.weights()) {
                    cells.add(CsvTable.format(v));
                }
                CsvTable.writeRow(w, cells);
            }
        });
    }
}

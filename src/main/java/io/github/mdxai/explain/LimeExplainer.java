package io.github.mdxai.explain;

import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;
import org.scijava.plugin.Plugin;

import java.nio.file.Path;
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
        PerRow.writeTable(file, List.of("row", "q", "intercept", "local_q", "local_r2"), names, ex.size(),
                i -> List.of(Integer.toString(ex.get(i).row()), CsvTable.format(ex.get(i).q()),
                        CsvTable.format(ex.get(i).intercept()), CsvTable.format(ex.get(i).localQ()),
                        CsvTable.format(ex.get(i).r2())),
                i -> ex.get(i).weights());
    }
}

package io.github.mdxai.explain;

import io.github.mdxai.learn.CommittorModel;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Explains a committor network on a dataset with the chosen {@link Explainer}s (LIME, gradient sensitivity,
 * permutation importance, Kernel SHAP or any other plugin) and writes, per method, {@code importance_<method>.csv}
 * (feature,importance,rank) and a bar chart labelled with what the importance measures, the methods' per-row
 * details, {@code agreement.csv} (Spearman over the top 20 for each pair of methods) and {@code explain.json}.
 */
public final class CommittorExplainer {

    public static final int TOP = 20;

    private CommittorExplainer() {
    }

    /**
     * What to run: methods, LIME samples and discretization, rows to explain, permutation repeats, SHAP coalitions
     * (0: shap's "auto") and background points, seed, threads.
     */
    public record Settings(List<Explainer> methods, int samples, boolean discretize, String select, int repeats,
                           int coalitions, int background, long seed, int threads) {
        public Settings {
            methods = List.copyOf(methods);
            InputException.require(!methods.isEmpty(), "method: choose at least one explanation method");
            InputException.require(repeats >= 1, "repeats: expected at least 1, got " + repeats);
            InputException.require(coalitions >= 0, "coalitions: expected 0 (auto) or more, got " + coalitions);
            InputException.require(background >= 1, "background: expected at least 1 point, got " + background);
            InputException.require(threads >= 1, "threads: expected at least 1, got " + threads);
        }
    }

    /**
     * The importances, what each measures and how they agree; per-method numbers (e.g. {@code lime_mean_local_r2})
     * and seconds per method ({@code <method>_total}, {@code <method>_per_row} over the rows it ran on).
     */
    public record Report(Map<String, Importance> importances, Map<String, String> measures,
                         List<RankAgreement.Agreement> agreements, int explainedRows, Map<String, Double> facts,
                         Map<String, Double> seconds) {
    }

    public static Report run(CommittorModel model, CsvTable table, Settings settings, Path out, Progress progress) {
        double[][] z = model.standardization().apply(model.featuresOf(table));
        int[] selected = RowSelection.rows(table, settings.select());
        ExplainerInput input = new ExplainerInput(model::qStandardized, model::gradientStandardized,
                model.featureNames(), z, selected, () -> table.column(model.target()), settings);
        Map<String, Importance> importances = new LinkedHashMap<>();
        Map<String, String> measures = new LinkedHashMap<>();
        Map<String, Double> facts = new TreeMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        int step = 0;
        for (Explainer explainer : settings.methods()) {
            Progress part = progress.range((double) step / settings.methods().size(),
                    (double) (step + 1) / settings.methods().size());
            step++;
            long start = System.nanoTime();
            Explainer.Result result = explainer.explain(input, out, part);
            double elapsed = (System.nanoTime() - start) * 1e-9;
            String name = explainer.name();
            seconds.put(name + "_total", elapsed);
            seconds.put(name + "_per_row", elapsed / result.rows());
            result.facts().forEach((key, value) -> facts.put(name + "_" + key, value));
            Importance imp = result.importance();
            importances.put(name, imp);
            measures.put(name, result.measures());
            imp.writeCsv(out.resolve("importance_" + name + ".csv"));
            imp.writeChart(out.resolve("importance_" + name + ".png"), TOP, result.measures());
        }
        List<RankAgreement.Agreement> agreements = new ArrayList<>();
        List<Importance> list = new ArrayList<>(importances.values());
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                agreements.add(RankAgreement.of(list.get(i), list.get(j), TOP));
            }
        }
        if (!agreements.isEmpty()) {
            AtomicFiles.writeText(out.resolve("agreement.csv"), w -> {
                CsvTable.writeRow(w, List.of("method_a", "method_b", "spearman_top" + TOP, "shared_top" + TOP));
                for (RankAgreement.Agreement a : agreements) {
                    CsvTable.writeRow(w, List.of(a.methodA(), a.methodB(), CsvTable.format(a.spearman()),
                            Integer.toString(a.shared())));
                }
            });
        }
        Report report = new Report(importances, measures, agreements, selected.length, facts, seconds);
        AtomicFiles.writeString(out.resolve("explain.json"), json(report, settings, table));
        return report;
    }

    private static String json(Report r, Settings s, CsvTable table) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"dataset\": \"").append(escape(String.valueOf(table.source()))).append("\",\n");
        b.append("  \"select\": \"").append(escape(String.valueOf(s.select()))).append("\",\n");
        b.append("  \"explained_rows\": ").append(r.explainedRows()).append(",\n");
        b.append("  \"lime_samples\": ").append(s.samples()).append(",\n");
        b.append("  \"lime_discretize\": ").append(s.discretize()).append(",\n");
        b.append("  \"permutation_repeats\": ").append(s.repeats()).append(",\n");
        b.append("  \"shap_coalitions\": ").append(s.coalitions()).append(",\n");
        b.append("  \"shap_background\": ").append(s.background()).append(",\n");
        for (Map.Entry<String, Double> fact : r.facts().entrySet()) {
            b.append("  \"").append(escape(fact.getKey())).append("\": ").append(num(fact.getValue())).append(",\n");
        }
        b.append("  \"seed\": ").append(s.seed()).append(",\n");
        b.append("  \"threads\": ").append(s.threads()).append(",\n");
        b.append("  \"seconds\": {");
        b.append(String.join(", ", r.seconds().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + num(e.getValue())).toList()));
        b.append("},\n  \"measures\": {");
        b.append(String.join(", ", r.measures().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + escape(e.getValue()) + "\"").toList()));
        b.append("},\n  \"top\": {");
        List<String> tops = new ArrayList<>();
        for (Importance imp : r.importances().values()) {
            tops.add("\"" + imp.method() + "\": [" + String.join(", ", imp.top(5).stream()
                    .map(f -> "\"" + escape(f) + "\"").toList()) + "]");
        }
        b.append(String.join(", ", tops)).append("},\n  \"agreement_top").append(TOP).append("\": [");
        b.append(String.join(", ", r.agreements().stream().map(a -> "{\"a\": \"" + a.methodA() + "\", \"b\": \""
                + a.methodB() + "\", \"spearman\": " + num(a.spearman()) + ", \"shared\": " + a.shared() + "}")
                .toList()));
        return b.append("]\n}\n").toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

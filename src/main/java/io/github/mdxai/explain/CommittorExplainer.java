package io.github.mdxai.explain;

import io.github.mdxai.learn.CommittorModel;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Explains a committor network on a dataset with LIME, gradient sensitivity and/or permutation importance and writes,
 * per method, {@code importance_<method>.csv} (feature,importance,rank) and a bar chart, the per-instance LIME weights
 * and gradients, {@code agreement.csv} (Spearman over the top 20 for each pair of methods) and {@code explain.json}.
 */
public final class CommittorExplainer {

    public static final String LIME = "lime";
    public static final String GRADIENT = "gradient";
    public static final String PERMUTATION = "permutation";
    public static final List<String> METHODS = List.of(LIME, GRADIENT, PERMUTATION);
    public static final int TOP = 20;

    private CommittorExplainer() {
    }

    /** What to run: methods, LIME samples and discretization, rows to explain, permutation repeats, seed, threads. */
    public record Settings(List<String> methods, int samples, boolean discretize, String select, int repeats,
                           long seed, int threads) {
        public Settings {
            methods = List.copyOf(methods);
            InputException.require(!methods.isEmpty(), "method: choose at least one of lime, gradient, permutation");
            InputException.require(repeats >= 1, "repeats: expected at least 1, got " + repeats);
            InputException.require(threads >= 1, "threads: expected at least 1, got " + threads);
        }
    }

    /** Parses "all", "lime", or a comma-separated list such as "lime,gradient". */
    public static List<String> parseMethods(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("all")) {
            return METHODS;
        }
        Set<String> methods = new LinkedHashSet<>();
        for (String m : text.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (!METHODS.contains(m)) {
                throw new InputException("method: '" + m + "' is not one of all, lime, gradient, permutation");
            }
            methods.add(m);
        }
        return List.copyOf(methods);
    }

    /** The importances and how they agree; seconds per method (LIME per explained row). */
    public record Report(Map<String, Importance> importances, List<RankAgreement.Agreement> agreements,
                         int explainedRows, double meanLocalR2, Map<String, Double> seconds) {
    }

    public static Report run(CommittorModel model, CsvTable table, Settings settings, Path out, Progress progress) {
        double[][] x = model.featuresOf(table);
        double[][] z = model.standardization().apply(x);
        int[] selected = RowSelection.rows(table, settings.select());
        double[][] zSelected = new double[selected.length][];
        for (int i = 0; i < selected.length; i++) {
            zSelected[i] = z[selected[i]];
        }
        List<String> names = model.featureNames();
        int d = names.size();
        Map<String, Importance> importances = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        double meanR2 = Double.NaN;
        int step = 0;
        for (String method : settings.methods()) {
            Progress part = progress.range((double) step / settings.methods().size(),
                    (double) (step + 1) / settings.methods().size());
            step++;
            long start = System.nanoTime();
            switch (method) {
                case LIME -> {
                    part.status("LIME on " + selected.length + " rows");
                    LimeTabular lime = new LimeTabular(model::qStandardized, d, settings.samples(),
                            settings.discretize(), z, 0, LimeTabular.DEFAULT_ALPHA);
                    List<LimeTabular.Explanation> ex = lime.explain(zSelected, selected, settings.seed(),
                            settings.threads(), part);
                    importances.put(LIME, new Importance(LIME, names, LimeTabular.meanAbsoluteWeights(ex, d)));
                    meanR2 = ex.stream().mapToDouble(LimeTabular.Explanation::r2).average().orElse(Double.NaN);
                    writeLimeWeights(out.resolve("lime_weights.csv"), ex, names);
                    seconds.put("lime_per_row", (System.nanoTime() - start) * 1e-9 / selected.length);
                }
                case GRADIENT -> {
                    part.status("gradients on " + selected.length + " rows");
                    double[][] g = model.gradientStandardized(zSelected);
                    importances.put(GRADIENT, new Importance(GRADIENT, names, GradientSensitivity.meanAbsolute(g)));
                    writeGradients(out.resolve("gradient_weights.csv"), selected, model.qStandardized(zSelected), g,
                            names);
                    seconds.put("gradient_per_row", (System.nanoTime() - start) * 1e-9 / selected.length);
                }
                case PERMUTATION -> {
                    part.status("permutation importance on " + z.length + " rows");
                    double[] pB = table.column(model.target());
                    importances.put(PERMUTATION, new Importance(PERMUTATION, names,
                            PermutationImportance.compute(model::qStandardized, z, pB, settings.repeats(),
                                    settings.seed(), part)));
                    seconds.put("permutation_total", (System.nanoTime() - start) * 1e-9);
                }
                default -> throw new InputException("method: unknown '" + method + "'");
            }
            Importance imp = importances.get(method);
            imp.writeCsv(out.resolve("importance_" + method + ".csv"));
            imp.writeChart(out.resolve("importance_" + method + ".png"), TOP, valueLabel(method));
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
        Report report = new Report(importances, agreements, selected.length, meanR2, seconds);
        AtomicFiles.writeString(out.resolve("explain.json"), json(report, settings, table));
        return report;
    }

    private static String valueLabel(String method) {
        return switch (method) {
            case LIME -> "mean |LIME weight| on q (per training std)";
            case GRADIENT -> "mean |dq/dx| x sigma";
            default -> "increase of MSE on pB when shuffled";
        };
    }

    private static void writeLimeWeights(Path file, List<LimeTabular.Explanation> ex, List<String> names) {
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

    private static void writeGradients(Path file, int[] rows, double[] q, double[][] g, List<String> names) {
        AtomicFiles.writeText(file, w -> {
            List<String> header = new ArrayList<>(List.of("row", "q"));
            for (String n : names) {
                header.add("dq_dz_" + n);
            }
            CsvTable.writeRow(w, header);
            for (int i = 0; i < rows.length; i++) {
                List<String> cells = new ArrayList<>(List.of(Integer.toString(rows[i]), CsvTable.format(q[i])));
                for (double v : g[i]) {
                    cells.add(CsvTable.format(v));
                }
                CsvTable.writeRow(w, cells);
            }
        });
    }

    private static String json(Report r, Settings s, CsvTable table) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"dataset\": \"").append(escape(String.valueOf(table.source()))).append("\",\n");
        b.append("  \"select\": \"").append(escape(String.valueOf(s.select()))).append("\",\n");
        b.append("  \"explained_rows\": ").append(r.explainedRows()).append(",\n");
        b.append("  \"lime_samples\": ").append(s.samples()).append(",\n");
        b.append("  \"lime_discretize\": ").append(s.discretize()).append(",\n");
        b.append("  \"lime_mean_local_r2\": ").append(num(r.meanLocalR2())).append(",\n");
        b.append("  \"permutation_repeats\": ").append(s.repeats()).append(",\n");
        b.append("  \"seed\": ").append(s.seed()).append(",\n");
        b.append("  \"threads\": ").append(s.threads()).append(",\n");
        b.append("  \"seconds\": {");
        b.append(String.join(", ", r.seconds().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + num(e.getValue())).toList()));
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

package io.github.mdxai.commands.study;

import io.github.mdxai.figures.ScatterPlot;
import io.github.mdxai.util.CsvTable;
import org.apache.commons.math3.distribution.TDistribution;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Study B's temperature ladder, read back from the step folders: one entry per state (tau_alpha, equilibration in
 * units of it and the "equilibrated"/"quenched" label, classifier accuracy over seeds with a confidence interval,
 * attention heterogeneity and attention-structure correlations beside the untrained control), and the figures
 * drawn from them.
 */
final class StudyBLadder {

    /** A state counts as equilibrated when its own equilibration lasted at least this many tau_alpha. */
    static final double EQUILIBRATED_TAU_ALPHA = 10;
    static final Color TRAINED = new Color(200, 60, 40);
    static final Color UNTRAINED = new Color(120, 120, 120);
    static final Color[] SPECIES = {new Color(40, 110, 200), new Color(200, 60, 40), new Color(60, 150, 60)};
    private static final String TEMPERATURE_AXIS = "temperature T (ε/k_B)";

    private StudyBLadder() {
    }

    /** One ladder entry per state, hot reference first. */
    static List<Map<String, Object>> entries(Path out, StudyB.Preset p) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        double[] gammas = p.gammas();
        for (int s = 0; s < gammas.length; s++) {
            double gamma = gammas[s];
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("gamma", gamma);
            e.put("temperature", StudyB.temperature(gamma));
            e.put("role", s == 0 ? "hot reference" : s == 1 ? "hot-hot pair with the reference" : "ladder state");
            e.put("started_from", s == 0 ? "melted lattice" : String.format(Locale.ROOT, "final configuration of Gamma %.2f", gammas[s - 1]));
            double eqTau = p.equilibration()[s] * StudyB.TIME_STEP;
            double prodTau = p.production() * StudyB.TIME_STEP;
            double tau = Double.NaN;
            double[] halves = {Double.NaN, Double.NaN};
            Path tauFile = out.resolve(StudyB.relaxation(gamma)).resolve("tau_alpha.csv");
            if (Files.isRegularFile(tauFile)) {
                CsvTable t = CsvTable.read(tauFile);
                // NaN: F_s did not decay to 1/e within the run (a quenched state)
                tau = t.columnOrNaN("tau_alpha_tau")[0];
                halves = new double[]{t.columnOrNaN("tau_alpha_first_half_tau")[0], t.columnOrNaN("tau_alpha_second_half_tau")[0]};
            }
            e.put("tau_alpha_tau", tau);
            e.put("tau_alpha_halves_tau", halves);
            e.put("tau_alpha_resolved", Double.isFinite(tau) ? "yes" : String.format(Locale.ROOT,
                    "no: F_s above 1/e after the whole production, tau_alpha > %.0f tau", prodTau));
            e.put("equilibration_tau", eqTau);
            double ratio = eqTau / tau;
            e.put("equilibration_tau_alpha", ratio);
            e.put("production_tau", prodTau);
            e.put("status", ratio >= EQUILIBRATED_TAU_ALPHA ? "equilibrated" : "quenched");
            if (s > 0) {
                e.put("classifier", classifier(out, gamma, p.seeds()));
                Path attention = out.resolve(StudyB.attention(gamma));
                e.put("attention", attention(attention, 0));
                e.put("attention_hot_reference_same_classifier", attention(attention, 1));
            }
            entries.add(e);
        }
        return entries;
    }

    /** Test accuracy per seed, mean, and the 95 % Student-t interval over seeds (clipped to [0, 1]). */
    static Map<String, Object> classifier(Path out, double gamma, int seeds) throws IOException {
        List<Double> accuracies = new ArrayList<>();
        int testGraphs = 0;
        for (int k = 0; k < seeds; k++) {
            var metrics = Outputs.json(out.resolve(StudyB.classifier(gamma, k)).resolve("metrics.json"));
            double a = metrics.path("testAccuracy").asDouble(Double.NaN);
            if (Double.isFinite(a)) {
                accuracies.add(a);
                testGraphs = metrics.path("testGraphs").asInt();
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("test_accuracy_per_seed", accuracies);
        c.put("test_graphs_per_seed", testGraphs);
        double[] ci = meanAndInterval(accuracies.stream().mapToDouble(Double::doubleValue).toArray());
        c.put("test_accuracy_mean", ci[0]);
        c.put("test_accuracy_ci95", new double[]{Math.max(0, ci[1]), Math.min(1, ci[2])});
        return c;
    }

    /** Mean and 95 % Student-t interval of the mean; NaN bounds for fewer than 2 values. */
    static double[] meanAndInterval(double[] x) {
        int n = x.length;
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return new double[]{mean, Double.NaN, Double.NaN};
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
        return new double[]{mean, mean - half, mean + half};
    }

    /**
     * Heterogeneity and correlations of one class (0 = the state, 1 = the hot reference) for the trained model and
     * the untrained control, from an Attention Analysis folder run with the control.
     */
    static Map<String, Object> attention(Path folder, int label) {
        Map<String, Object> a = new LinkedHashMap<>();
        Path het = folder.resolve("control_heterogeneity.csv");
        Path corr = folder.resolve("control_correlations.csv");
        if (!Files.isRegularFile(het) || !Files.isRegularFile(corr)) {
            return a;
        }
        CsvTable h = CsvTable.read(het);
        for (int i = 0; i < h.rowCount(); i++) {
            if ((int) h.number(i, h.columnIndex("label")) == label) {
                a.put("heterogeneity_" + h.text(i, h.columnIndex("model")), Map.of(
                        "particle_attention_cv", h.number(i, h.columnIndex("particle_attention_cv")),
                        "normalized_entropy", h.number(i, h.columnIndex("normalized_entropy"))));
            }
        }
        CsvTable c = CsvTable.read(corr);
        for (String model : List.of("trained", "untrained")) {
            Map<String, Object> bySpecies = new LinkedHashMap<>();
            for (int i = 0; i < c.rowCount(); i++) {
                if ((int) c.number(i, c.columnIndex("label")) != label || !c.text(i, c.columnIndex("model")).equals(model)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) bySpecies.computeIfAbsent(c.text(i, c.columnIndex("species")),
                        k -> new LinkedHashMap<String, Object>());
                String q = c.text(i, c.columnIndex("quantity"));
                row.put(q, c.number(i, c.columnIndex("spearman_rho")));
                if (!"coordination".equals(q)) {
                    row.put(q + "_fixed_coordination", c.number(i, c.columnIndex("spearman_rho_fixed_coordination")));
                }
            }
            a.put("spearman_" + model, bySpecies);
        }
        return a;
    }

    /** Accuracy vs T, heterogeneity vs T, correlations vs T (with the control) and F_s of every state. */
    static List<String[]> figures(Path out, StudyB.Preset p, List<Map<String, Object>> entries) {
        List<String[]> figures = new ArrayList<>();
        Path folder = out.resolve("ladder");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int states = entries.size() - 1;
        double[] t = new double[states];
        double[] acc = new double[states];
        ScatterPlot accuracy = new ScatterPlot("Classifier: ladder state vs hot reference (T " + fmt(StudyB.temperature(p.hot())) + ")",
                TEMPERATURE_AXIS, "test accuracy (mean over seeds, 95 % CI)").range(0, 1.5, 0, 1.05);
        for (int s = 0; s < states; s++) {
            Map<String, Object> e = entries.get(s + 1);
            t[s] = (double) e.get("temperature");
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) e.get("classifier");
            acc[s] = (double) c.get("test_accuracy_mean");
            double[] ci = (double[]) c.get("test_accuracy_ci95");
            if (Double.isFinite(ci[0])) {
                accuracy.line(t[s], ci[0], t[s], ci[1], TRAINED, s == 0 ? "95 % CI over seeds" : "");
            }
        }
        accuracy.series("graph attention classifier", t, acc, TRAINED).markerSize(9)
                .line(0, 0.5, 1.5, 0.5, UNTRAINED, "chance (0.5)");
        figures.add(write(accuracy, folder.resolve("accuracy_vs_temperature.png"), "Test accuracy against the hot reference vs T"));

        String[][] measures = {{"particle_attention_cv", "CV of summed attention per particle"},
                {"normalized_entropy", "normalised attention entropy (1 = uniform)"}};
        for (String[] measure : measures) {
            double[][] values = new double[2][states];
            double top = 0;
            for (int m = 0; m < 2; m++) {
                for (int s = 0; s < states; s++) {
                    values[m][s] = number(nested(entries.get(s + 1), "attention", "heterogeneity_" + (m == 0 ? "trained" : "untrained")),
                            measure[0]);
                    top = Double.isFinite(values[m][s]) ? Math.max(top, values[m][s]) : top;
                }
            }
            ScatterPlot het = new ScatterPlot("Attention heterogeneity: " + measure[0].replace('_', ' '),
                    TEMPERATURE_AXIS, measure[1]).range(0, 1.5, 0, top > 0 ? 1.1 * top : 1).markerSize(9);
            het.series("trained", t, values[0], TRAINED);
            het.series("untrained control", shifted(t), values[1], UNTRAINED);
            figures.add(write(het, folder.resolve(measure[0] + "_vs_temperature.png"), "Attention heterogeneity vs T: "
                    + measure[1] + ", each state's test snapshots under its own classifier; the untrained control drawn "
                    + CONTROL_OFFSET + " to the right"));
        }

        for (String quantity : List.of("q6", "q6_avg", "coordination", "voronoi_volume", "q6_fixed_coordination")) {
            ScatterPlot plot = new ScatterPlot("Spearman ρ, summed attention vs " + quantity.replace('_', ' '),
                    TEMPERATURE_AXIS, "Spearman ρ per species (dimensionless)").range(0, 1.5, -1.05, 1.05).markerSize(8);
            for (String model : List.of("trained", "untrained")) {
                for (int species = 0; species < 2; species++) {
                    String name = String.valueOf((char) ('A' + species));
                    double[] rho = new double[states];
                    for (int s = 0; s < states; s++) {
                        rho[s] = number(nested(entries.get(s + 1), "attention", "spearman_" + model, name), quantity);
                    }
                    Color colour = "trained".equals(model) ? SPECIES[species] : blend(SPECIES[species]);
                    plot.series(name + ", " + model, "trained".equals(model) ? t : shifted(t), rho, colour);
                }
            }
            plot.line(0, 0, 1.5, 0, UNTRAINED, "");
            figures.add(write(plot, folder.resolve("rho_" + quantity + "_vs_temperature.png"),
                    "Spearman correlation of the summed attention with " + quantity.replace('_', ' ')
                            + " vs T, per species, trained (dark) beside the untrained control (pale, drawn "
                            + CONTROL_OFFSET + " to the right so both show)"));
        }

        // one MD step (the first log-spaced lag) to the production run's length, with a margin for the markers
        double tStart = 0.7 * StudyB.TIME_STEP;
        double tEnd = 1.4 * p.production() * StudyB.TIME_STEP;
        ScatterPlot fs = new ScatterPlot("Self-intermediate scattering function F_s(k*, t) of species A",
                "t / τ", "F_s(k*, t) (dimensionless)").logX().range(tStart, tEnd, -0.05, 1.05).markerSize(4);
        double[] gammas = p.gammas();
        for (int s = 0; s < gammas.length; s++) {
            Path csv = out.resolve(StudyB.relaxation(gammas[s])).resolve("fs.csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            CsvTable table = CsvTable.read(csv);
            float hue = (float) (0.66 * s / Math.max(1, gammas.length - 1));
            // t = 0 has no place on the log axis: the plot leaves it out
            fs.series(String.format(Locale.ROOT, "T %.3f", StudyB.temperature(gammas[s])), table.column("t_tau"),
                    table.column("Fs_A"), Color.getHSBColor(0.66f - hue, 0.85f, 0.8f));
        }
        fs.line(tStart, Math.exp(-1), tEnd, Math.exp(-1), UNTRAINED, "1/e");
        figures.add(write(fs, folder.resolve("fs_all_states.png"), "F_s(k*, t) of every state, log-spaced samples; tau_alpha where it crosses 1/e"));
        return figures;
    }

    /** Horizontal offset (in T) of the control's markers, so that equal values do not hide each other. */
    static final double CONTROL_OFFSET = 0.02;

    private static double[] shifted(double[] t) {
        double[] s = t.clone();
        for (int k = 0; k < s.length; k++) {
            s[k] += CONTROL_OFFSET;
        }
        return s;
    }

    private static String[] write(ScatterPlot plot, Path png, String caption) {
        plot.writePng(png, 720, 560);
        return new String[]{png.toString(), caption};
    }

    private static Color blend(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> map, String... keys) {
        Map<String, Object> m = map;
        for (String k : keys) {
            Object v = m == null ? null : m.get(k);
            m = v instanceof Map ? (Map<String, Object>) v : null;
        }
        return m;
    }

    private static double number(Map<String, Object> map, String key) {
        Object v = map == null ? null : map.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}

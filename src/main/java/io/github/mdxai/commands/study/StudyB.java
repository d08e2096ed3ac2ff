package io.github.mdxai.commands.study;

import io.github.mdxai.pipeline.Pipeline;
import io.github.mdxai.pipeline.Report;
import io.github.mdxai.pipeline.Step;
import io.github.mdxai.figures.ScatterPlot;
import io.github.mdxai.particles.ParticleModel;
import io.github.mdxai.particles.SoftSphereMixture;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.Context;

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
 * Study B, the binary soft-sphere glass former: MD at a cold (near Tg) and two hot state points -> relaxation
 * dynamics (tau_alpha) -> first-shell graphs for a cold/hot pair and a hot/hot pair -> graph attention classifiers
 * -> attention analysis against local structure. Each step is the menu command a user would run.
 */
public final class StudyB {

    private StudyB() {
    }

    /** Scale of a run; gammas[0] is the cold state, gammas[1] and gammas[2] the two hot ones. */
    public record Preset(String name, int particles, double[] gammas, long equilibration, long production, int interval,
                         int epochs, String expectedTime) {
    }

    public static Preset preset(String name) {
        return switch (name) {
            case "smoke" -> new Preset("smoke", 500, new double[] {1.30, 1.00, 1.05}, 2_000, 2_000, 100, 3, "about 1 minute");
            // tau_alpha at Gamma 1.35 is a few tau: 75 tau of equilibration is > 10 tau_alpha
            // N = 500. Measured with the dense N x N attention on 2 busy cores: the whole preset in 488 s, classifiers
            // 8-25 s per epoch on 74 training graphs; cold vs hot test accuracy 1.0 (from epoch 5). The edge-list
            // model costs 4x less CPU per iteration at N = 500 (234 vs 1000 ms, batch 8, one thread)
            case "quick" -> new Preset("quick", 500, new double[] {1.35, 1.00, 1.05}, 15_000, 15_000, 250, 12, "about 4 minutes (8 on a busy machine)");
            // Gamma 1.45 is near Tg: tau_alpha ~ 55 tau; 750 tau of equilibration (~13 tau_alpha), 1000 tau of production
            // 25 epochs of 240 graphs of N = 1000: ~0.6 s CPU per batch of 8 graphs on one thread in the edge-list form
            case "paper" -> new Preset("paper", 1000, new double[] {1.45, 1.00, 1.05}, 150_000, 200_000, 1000, 25, "about 90 minutes");
            default -> throw new InputException("preset is '" + name + "', expected smoke, quick or paper");
        };
    }

    static String liquid(double gamma) {
        return String.format(Locale.ROOT, "01_liquid_gamma%.2f", gamma);
    }

    static String relaxation(double gamma) {
        return String.format(Locale.ROOT, "02_relaxation_gamma%.2f", gamma);
    }

    static final String GRAPHS_COLD_HOT = "03_graphs_cold_hot";
    static final String GRAPHS_HOT_HOT = "03_graphs_hot_hot";
    static final String GAT_COLD_HOT = "04_classifier_cold_hot";
    static final String GAT_HOT_HOT = "04_classifier_hot_hot";
    static final String ATTENTION = "05_attention";

    /** The model of Study B: the Bernu-Hansen soft spheres at their density; states are set by Gamma_eff. */
    static final ParticleModel MODEL = SoftSphereMixture.BERNU_HANSEN;

    /** T = (n sigma_eff^3 / Gamma)^4 at the model's density. */
    static double temperature(double gamma) {
        return MODEL.stateParameter().temperature(gamma, MODEL.density());
    }

    public static List<Step> steps(Context context, Preset p, long seed, int threads) {
        List<Step> steps = new ArrayList<>();
        for (double gamma : p.gammas()) {
            String liquid = liquid(gamma);
            steps.add(new CommandStep(context, liquid, "Simulate Soft-Sphere Liquid",
                    StudyA.params("model", MODEL.key(), "n", p.particles(), "density", MODEL.density(), "gamma", gamma,
                            "equilibration", p.equilibration(), "production", p.production(), "interval", p.interval(), "seed", seed, "threads", threads),
                    List.of(), 0.15, (dir, f) -> Map.of("out", dir.toString())));
            steps.add(new CommandStep(context, relaxation(gamma), "Relaxation Dynamics", StudyA.params(),
                    List.of(liquid), 0.02, (dir, f) -> Map.of("input", trajectory(f, gamma), "out", dir.toString())));
        }
        double cold = p.gammas()[0];
        double hot = p.gammas()[1];
        double hotter = p.gammas()[2];
        steps.add(graphs(context, GRAPHS_COLD_HOT, cold, hot));
        steps.add(graphs(context, GRAPHS_HOT_HOT, hotter, hot));
        steps.add(classifier(context, GAT_COLD_HOT, GRAPHS_COLD_HOT, p, seed));
        steps.add(classifier(context, GAT_HOT_HOT, GRAPHS_HOT_HOT, p, seed));
        steps.add(new CommandStep(context, ATTENTION, "Attention Analysis", StudyA.params("snapshots", "test", "threads", threads),
                List.of(GRAPHS_COLD_HOT, GAT_COLD_HOT), 0.05, (dir, f) -> Map.of("model", f.get(GAT_COLD_HOT).resolve("model").toString(),
                "dataset", f.get(GRAPHS_COLD_HOT).resolve("pair.graphs").toString(), "out", dir.toString())));
        return steps;
    }

    private static Step graphs(Context context, String name, double gamma0, double gamma1) {
        return new CommandStep(context, name, "Build Graph Dataset",
                StudyA.params("temperature0", temperature(gamma0), "temperature1", temperature(gamma1)),
                List.of(liquid(gamma0), liquid(gamma1)), 0.03, (dir, f) -> Map.of(
                "trajectory0", trajectory(f, gamma0), "trajectory1", trajectory(f, gamma1),
                "out", dir.resolve("pair.graphs").toString()));
    }

    private static Step classifier(Context context, String name, String graphs, Preset p, long seed) {
        return new CommandStep(context, name, "Train Graph Attention Classifier",
                StudyA.params("epochs", p.epochs(), "seed", seed), List.of(graphs), 0.2,
                (dir, f) -> Map.of("dataset", f.get(graphs).resolve("pair.graphs").toString(), "out", dir.toString()));
    }

    private static String trajectory(Map<String, Path> f, double gamma) {
        return f.get(liquid(gamma)).resolve("trajectory.xyz").toString();
    }

    public static Report report(Path out, Preset p) throws IOException {
        Report r = new Report("Study B: graph attention on a glass-forming binary soft-sphere liquid, preset " + p.name());
        List<Double> temperatures = new ArrayList<>();
        Map<String, Object> tau = new LinkedHashMap<>();
        for (double gamma : p.gammas()) {
            temperatures.add(temperature(gamma));
            Path tauFile = out.resolve(relaxation(gamma)).resolve("tau_alpha.csv");
            if (Files.isRegularFile(tauFile)) {
                CsvTable t = CsvTable.read(tauFile);
                tau.put(String.format(Locale.ROOT, "gamma %.2f (T %.3f)", gamma, temperature(gamma)),
                        t.column(t.columns().stream().filter(c -> c.startsWith("tau_alpha")).findFirst().orElse("tau_alpha"))[0]);
            }
        }
        r.put("gammas", p.gammas());
        r.put("temperatures", temperatures);
        r.put("tau_alpha", tau);
        Map<String, Object> accuracy = new LinkedHashMap<>();
        accuracy.put(String.format(Locale.ROOT, "cold %.3f vs hot %.3f", temperature(p.gammas()[0]), temperature(p.gammas()[1])),
                Outputs.json(out.resolve(GAT_COLD_HOT).resolve("metrics.json")).path("testAccuracy").asDouble(Double.NaN));
        accuracy.put(String.format(Locale.ROOT, "hot %.3f vs hot %.3f", temperature(p.gammas()[2]), temperature(p.gammas()[1])),
                Outputs.json(out.resolve(GAT_HOT_HOT).resolve("metrics.json")).path("testAccuracy").asDouble(Double.NaN));
        r.put("accuracy", accuracy);
        Path attention = out.resolve(ATTENTION);
        r.put("attention_q6_spearman", spearman(attention.resolve("correlations.csv")));
        r.put("attention_heterogeneity", heterogeneity(attention.resolve("heterogeneity.csv")));
        curves(out.resolve(GAT_COLD_HOT), "cold vs hot");
        curves(out.resolve(GAT_HOT_HOT), "hot vs hot");
        attentionVsQ6(attention);
        r.note("Seed (the source report): 100% accuracy near Tg vs high T; two high temperatures not separable (~50%); "
                + "attention heterogeneous at high T and nearly uniform at low T; high-attention particles have small Q6.");
        for (double gamma : p.gammas()) {
            r.figure(out.resolve(relaxation(gamma)).resolve("gr.png"), String.format(Locale.ROOT, "g(r), Gamma %.2f", gamma));
            r.figure(out.resolve(relaxation(gamma)).resolve("fs.png"), String.format(Locale.ROOT, "F_s(k,t), Gamma %.2f", gamma));
        }
        r.figure(out.resolve(GAT_COLD_HOT).resolve("curves.png"), "Training curves, cold vs hot");
        r.figure(out.resolve(GAT_HOT_HOT).resolve("curves.png"), "Training curves, hot vs hot");
        r.figure(attention.resolve("attention_slab_0.png"), "Attention map (slab), cold snapshot");
        r.figure(attention.resolve("attention_slab_1.png"), "Attention map (slab), hot snapshot");
        r.figure(attention.resolve("attention_vs_q6.png"), "Per-particle attention vs q6");
        return r;
    }

    /** Spearman rho of summed attention with q6 over all particles, per temperature (Attention Analysis output). */
    private static Map<String, Object> spearman(Path correlations) {
        Map<String, Object> rho = new LinkedHashMap<>();
        if (Files.isRegularFile(correlations)) {
            CsvTable t = CsvTable.read(correlations);
            for (int i = 0; i < t.rowCount(); i++) {
                if (t.text(i, t.columnIndex("species")).equals("all") && t.text(i, t.columnIndex("attention")).equals("sum")
                        && t.text(i, t.columnIndex("quantity")).equals("q6")) {
                    rho.put(String.format(Locale.ROOT, "T %.3f", t.number(i, t.columnIndex("temperature"))),
                            t.number(i, t.columnIndex("spearman_rho")));
                }
            }
        }
        return rho;
    }

    /** Normalised attention entropy (1 = uniform) and particle-attention CV per temperature. */
    private static Map<String, Object> heterogeneity(Path file) {
        Map<String, Object> h = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            CsvTable t = CsvTable.read(file);
            for (int i = 0; i < t.rowCount(); i++) {
                h.put(String.format(Locale.ROOT, "T %.3f", t.number(i, t.columnIndex("temperature"))), Map.of(
                        "normalized_entropy", t.number(i, t.columnIndex("normalized_entropy")),
                        "particle_attention_cv", t.number(i, t.columnIndex("particle_attention_cv"))));
            }
        }
        return h;
    }

    /** Loss and accuracy per epoch of a classifier, from its curves.csv. */
    private static void curves(Path folder, String pair) {
        Path csv = folder.resolve("curves.csv");
        if (!Files.isRegularFile(csv)) {
            return;
        }
        CsvTable t = CsvTable.read(csv);
        double[] epoch = t.column("epoch");
        new ScatterPlot("Graph attention classifier, " + pair, "epoch", "loss, accuracy (dimensionless)")
                .curve("training loss", epoch, t.column("train_loss"), new Color(90, 90, 90))
                .curve("validation loss", epoch, t.column("validation_loss"), new Color(200, 60, 40))
                .curve("validation accuracy", epoch, t.column("validation_accuracy"), new Color(40, 110, 200))
                .writePng(folder.resolve("curves.png"), 640, 480);
    }

    /** Per-particle summed attention against q6, one colour per temperature. */
    private static void attentionVsQ6(Path folder) {
        Path csv = folder.resolve("particles.csv");
        if (!Files.isRegularFile(csv)) {
            return;
        }
        CsvTable t = CsvTable.read(csv);
        double[] label = t.column("label");
        double[] q6 = t.column("q6");
        double[] attention = t.column("attention");
        ScatterPlot plot = new ScatterPlot("Attention vs local order", "q6 (dimensionless)", "summed attention received (dimensionless)").markerSize(2);
        Color[] colours = {new Color(40, 110, 200), new Color(200, 60, 40)};
        for (int c = 0; c < 2; c++) {
            int n = 0;
            double[] x = new double[label.length];
            double[] y = new double[label.length];
            for (int i = 0; i < label.length; i++) {
                if (label[i] == c) {
                    x[n] = q6[i];
                    y[n++] = attention[i];
                }
            }
            plot.series(c == 0 ? "cold" : "hot", java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n), colours[c]);
        }
        plot.writePng(folder.resolve("attention_vs_q6.png"), 640, 520);
    }

    public static Report run(Context context, Path out, Preset p, long seed, int threads, Progress progress) throws Exception {
        Files.createDirectories(out);
        List<Pipeline.StepRecord> records = Pipeline.run(out, steps(context, p, seed, threads), progress);
        Report report = report(out, p);
        report.write(out, records, StudyA.params("preset", p.name(), "seed", seed, "threads", threads, "expected_time", p.expectedTime()));
        return report;
    }
}

package io.github.mdxai.commands.study;

import io.github.mdxai.committor.CommittorHistogram;
import io.github.mdxai.committor.CommittorTestRun;
import io.github.mdxai.pipeline.Pipeline;
import io.github.mdxai.pipeline.Report;
import io.github.mdxai.pipeline.Step;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import org.scijava.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Study A, alanine dipeptide in vacuum: metadynamics -> F(phi, psi), states and saddle -> transition-region
 * configurations -> committors by shooting -> distance features -> committor network -> explanations (every
 * installed method: LIME, gradient, permutation, Kernel SHAP) -> PMF in the
 * two top features with the p_B = 0.5 line. Each step is the menu command a user would run, into its own folder.
 */
public final class StudyA {

    static final String INPUTS = "00_inputs";
    static final String METADYNAMICS = "01_metadynamics";
    static final String SURFACE = "02_free_energy";
    static final String TRANSITION = "03_transition_region";
    static final String COMMITTORS = "04_committors";
    static final String FEATURES = "05_features";
    static final String NETWORK = "06_network";
    static final String EXPLAIN = "07_explain";
    static final String PMF = "08_pmf_in_features";
    static final String TEST_Q = "09_committor_test_q";
    static final String TEST_LOGISTIC = "10_committor_test_logistic";

    /** 2 x 210 features: Kernel SHAP then costs about what LIME does at the quick preset's 2000 samples. */
    static final int SHAP_COALITIONS = 420;

    private StudyA() {
    }

    /**
     * The scale of a run. {@code surfaceBins} per axis of F(phi, psi): the smoke run's few thousand frames leave 6-degree
     * bins on the barrier empty, so the path between the states may find no sampled bins; 7.5-degree bins join them.
     */
    public record Preset(String name, long metadynamicsSteps, double skipPs, int configurations, int stride, int shots,
                         double tmaxPs, int epochs, int patience, int limeSamples, int surfaceBins, String expectedTime) {
    }

    public static Preset preset(String name) {
        return switch (name) {
            // minutes on 2 cores: checks an installation end to end
            case "smoke" -> new Preset("smoke", 1_500_000, 200, 40, 200, 8, 0.5, 30, 10, 300, 48, "about 1 minute");
            // F(phi, psi) from two seeds agrees within 1 kT RMS from about 2 ns of metadynamics on
            case "quick" -> new Preset("quick", 2_500_000, 200, 300, 250, 30, 1.0, 300, 40, 2000, 60, "about 3 minutes (144 s of CPU time measured)");
            // the seed's scale: 2000 configurations x 100 shots x 1 ps, after 10 ns of metadynamics
            case "paper" -> new Preset("paper", 5_000_000, 1000, 2000, 500, 100, 1.0, 1000, 60, 5000, 60, "about 10-15 minutes (12 CPU minutes measured)");
            default -> throw new InputException("preset is '" + name + "', expected smoke, quick or paper");
        };
    }

    public static List<Step> steps(Context context, Preset p, long seed, int threads) {
        List<Step> steps = new ArrayList<>();
        steps.add(new ResourceStep(INPUTS, "/io/github/mdxai/io/ala2/", List.of("processed.top", "em.gro")));
        steps.add(new CommandStep(context, METADYNAMICS, "Metadynamics",
                params("steps", p.metadynamicsSteps(), "seed", seed, "temperature", 300, "cvs", "phi psi", "distances", true),
                List.of(INPUTS), 0.3, (dir, f) -> Map.of("structure", f.get(INPUTS).resolve("em.gro").toString(),
                "topology", topology(f), "out", dir.toString())));
        steps.add(new CommandStep(context, SURFACE, "Free Energy Surface",
                params("skip", p.skipPs(), "bins", p.surfaceBins(), "xrange", "-180 180", "yrange", "-180 180", "temperature", 300),
                List.of(METADYNAMICS), 0.02, (dir, f) -> Map.of("input", colvar(f), "out", dir.toString())));
        steps.add(new CommandStep(context, TRANSITION, "Sample Transition Region",
                params("count", p.configurations(), "stride", p.stride(), "skip", p.skipPs(), "bins", p.surfaceBins(),
                        "centring", "committor", "tmax", p.tmaxPs(), "seed", seed, "threads", threads),
                List.of(INPUTS, METADYNAMICS), 0.1, (dir, f) -> Map.of("input", f.get(METADYNAMICS).toString(),
                "topology", topology(f), "out", dir.toString())));
        steps.add(new CommandStep(context, COMMITTORS, "Compute Committors",
                params("shots", p.shots(), "tmax", p.tmaxPs(), "temperature", 300, "seed", seed, "threads", threads),
                List.of(INPUTS, TRANSITION), 0.3, (dir, f) -> Map.of("configs", configs(f), "topology", topology(f),
                "out", dir.toString())));
        steps.add(new CommandStep(context, FEATURES, "Build Distance Features", params(),
                List.of(INPUTS, TRANSITION, COMMITTORS), 0.02, (dir, f) -> Map.of("configs", configs(f),
                "topology", topology(f), "committors", f.get(COMMITTORS).resolve("committors.csv").toString(), "out", dir.toString())));
        steps.add(new CommandStep(context, NETWORK, "Train Committor Network",
                params("epochs", p.epochs(), "patience", p.patience(), "seed", seed, "loss", "crossentropy"),
                List.of(FEATURES), 0.15, (dir, f) -> Map.of("dataset", features(f), "out", dir.toString())));
        steps.add(new CommandStep(context, EXPLAIN, "Explain Committor Network",
                params("method", "all", "samples", p.limeSamples(), "coalitions", SHAP_COALITIONS, "background", 10,
                        "seed", seed, "threads", threads),
                List.of(FEATURES, NETWORK), 0.1, (dir, f) -> Map.of("model", model(f), "dataset", features(f), "out", dir.toString())));
        steps.add(new CommandStep(context, PMF, "PMF in Features",
                params("skip", p.skipPs(), "temperature", 300),
                List.of(METADYNAMICS, FEATURES, NETWORK, EXPLAIN), 0.02, (dir, f) -> Map.of("frames", colvar(f),
                "dataset", features(f), "model", model(f), "importance", f.get(EXPLAIN).resolve("importance_lime.csv").toString(),
                "out", dir.toString())));
        steps.addAll(committorTestSteps(context, p, seed, threads));
        return steps;
    }

    /** Configurations per surface, shots, shot length, sampling interval and equilibration (steps), kappa (kJ/mol/q^2). */
    record CommittorTestScale(int configurations, int shots, double tmaxPs, long interval, long equilibration, double kappa) {
    }

    static CommittorTestScale committorTestScale(Preset p) {
        return switch (p.name()) {
            // smoke: a softer spring, as a logistic fit to 40 configurations of 8 shots can be steep
            case "smoke" -> new CommittorTestScale(8, 8, 0.5, 50, 500, 50);
            case "quick" -> new CommittorTestScale(40, 30, 1.0, 100, 2000, 400);
            default -> new CommittorTestScale(200, 100, 1.0, 250, 5000, 400);
        };
    }

    /**
     * The committor test on (b) the network's q = 0 surface and (c) the p_B = 1/2 line of a logistic fit in the two
     * top LIME features, both restrained with the same kappa in q units; (a), the (phi, psi) saddle cloud, is the
     * committor step itself.
     */
    static List<Step> committorTestSteps(Context context, Preset p, long seed, int threads) {
        CommittorTestScale t = committorTestScale(p);
        // 1 fs: kappa 400 on q = logit / 2 with slopes near 100 / nm is a stiff spring on the hydrogen HA
        Map<String, Object> common = params("kappa", t.kappa(), "dt", 0.001, "count", t.configurations(), "interval", t.interval(),
                "equilibration", t.equilibration(), "shots", t.shots(), "tmax", t.tmaxPs(), "temperature", 300, "seed", seed,
                "threads", threads);
        Map<String, Object> q = new LinkedHashMap<>(common);
        q.putAll(params("kind", "model", "value", 0));
        Map<String, Object> logistic = new LinkedHashMap<>(common);
        logistic.put("kind", "logistic");
        return List.of(
                new CommandStep(context, TEST_Q, "Committor Test", q, List.of(INPUTS, TRANSITION, NETWORK), 0.15,
                        (dir, f) -> Map.of("configs", configs(f), "topology", topology(f), "model", model(f),
                                "region", trainedRegion(f), "out", dir.toString())),
                new CommandStep(context, TEST_LOGISTIC, "Committor Test", logistic, List.of(INPUTS, TRANSITION, FEATURES, EXPLAIN), 0.15,
                        (dir, f) -> Map.of("configs", configs(f), "topology", topology(f), "dataset", features(f),
                                "region", trainedRegion(f),
                                "coordinate", String.join(" ", Outputs.topFeatures(f.get(EXPLAIN).resolve("importance_lime.csv"), 2)),
                                "out", dir.toString())));
    }

    /**
     * The (phi, psi) box of the transition-region configurations, where the network and the logistic model were
     * fitted: walls keep the surface runs there (unrestricted, the q = 0 run drifted into C7ax, where q is extrapolated).
     */
    static String trainedRegion(Map<String, Path> f) {
        CsvTable configs = CsvTable.read(f.get(TRANSITION).resolve("transition_configs.csv"));
        StringBuilder box = new StringBuilder();
        for (String cv : List.of("phi", "psi")) {
            double[] v = configs.column(cv + "_deg");
            box.append(cv).append(' ').append(java.util.Arrays.stream(v).min().orElseThrow()).append(' ')
                    .append(java.util.Arrays.stream(v).max().orElseThrow()).append(' ');
        }
        return box.toString().strip();
    }

    /** Study A's committor_test entry and the three histograms side by side: (a) phi/psi saddle, (b) q = 0, (c) logistic. */
    static void reportCommittorTest(Report r, Path out, Preset p) throws IOException {
        CommittorTestScale t = committorTestScale(p);
        List<CommittorHistogram> histograms = List.of(
                CommittorHistogram.read("phi_psi_saddle", out.resolve(COMMITTORS).resolve("committors.csv"), p.shots()),
                CommittorHistogram.read("network_q_0", out.resolve(TEST_Q).resolve("committors.csv"), t.shots()),
                CommittorHistogram.read("logistic_top2", out.resolve(TEST_LOGISTIC).resolve("committors.csv"), t.shots()));
        JsonNode logistic = Outputs.json(out.resolve(TEST_LOGISTIC).resolve("committor_test.json"));
        Map<String, Object> tests = new LinkedHashMap<>();
        for (CommittorHistogram h : histograms) {
            tests.put(h.label(), h.summary());
        }
        tests.put("logistic_top2_surface", logistic.path("coordinate_description").asText());
        r.put("committor_test", tests);
        Path png = out.resolve("committor_test.png");
        CommittorTestRun.figure(histograms, List.of("(a) phi, psi saddle region", "(b) network q = 0",
                "(c) logistic p_B = 1/2, top-2 features")).writePng(png);
        r.figure(png, "Committor test: p_B histograms of configurations on (a) the restrained (phi, psi) saddle region, "
                + "(b) the network's q = 0 surface, (c) the p_B = 1/2 line of a logistic fit in the two top LIME distances, "
                + "(b) and (c) by restrained MD kept inside the (phi, psi) box of the training configurations by flat-bottom walls; "
                + "orange: the histogram binomial noise alone would give if every p_B were 1/2");
        r.note("Committor test (Bolhuis, Dellago and Chandler 2000): a reaction coordinate's dividing surface gives p_B peaked at "
                + "1/2 with the binomial width; phi and psi at the saddle are known to give a broad or bimodal histogram.");
    }

    /** The study's key numbers and figures, read from the steps' own outputs. */
    public static Report report(Path out, Preset p) throws IOException {
        Report r = new Report("Study A: reaction coordinate of alanine dipeptide isomerization (vacuum), preset " + p.name());
        JsonNode metrics = Outputs.json(out.resolve(NETWORK).resolve("metrics.json"));
        r.put("pearson_r_test", metrics.path("test").path("pearson_r").asDouble(Double.NaN));
        JsonNode explained = Outputs.json(out.resolve(EXPLAIN).resolve("explain.json"));
        List<String> methods = new ArrayList<>();
        explained.path("measures").fieldNames().forEachRemaining(methods::add);
        for (String method : methods) {
            r.put(method + "_top_features", Outputs.topFeatures(out.resolve(EXPLAIN).resolve("importance_" + method + ".csv"), 5));
        }
        r.put("explanation_measures", explained.path("measures"));
        r.put("rank_agreement_top20", explained.path("agreement_top20"));
        CsvTable committors = CsvTable.read(out.resolve(COMMITTORS).resolve("committors.csv"));
        r.put("n_configurations", committors.rowCount());
        r.put("n_shots", p.shots());
        CsvTable states = CsvTable.read(out.resolve(SURFACE).resolve("states.csv"));
        r.put("delta_f_kjmol", states.column("deltaF_B_minus_A_kJmol")[0]);
        r.put("delta_f_error_kjmol", states.column("standard_error_kJmol")[0]);
        CsvTable saddle = CsvTable.read(out.resolve(SURFACE).resolve("saddle.csv"));
        r.put("barrier_kjmol", saddle.column("barrier_from_C7eq_kJmol")[0]);
        r.put("saddle_phi_psi_deg", List.of(saddle.column("phi_deg")[0], saddle.column("psi_deg")[0]));
        CsvTable centre = CsvTable.read(out.resolve(TRANSITION).resolve("centre.csv"));
        r.put("transition_centre_phi_psi_deg", List.of(centre.column("phi_deg")[0], centre.column("psi_deg")[0]));
        JsonNode landscape = Outputs.json(out.resolve(PMF).resolve("landscape.json"));
        r.put("pmf_features", landscape.path("features"));
        r.put("pB_half_saddle_proximity", landscape.path("saddle_proximity"));
        r.note("Seed (the source report): Pearson r = 0.903 on the test set; LIME's top features r6-10 (O of ACE .. HA) "
                + "and r6-11 (O of ACE .. CB); the p_B ~ 0.5 configurations form the dividing line of the PMF in those two.");
        r.note("What the explanations measure: LIME, the weights of a local linear surrogate of q (lime's default "
                + "quartile features); gradient, the local slope of q; permutation, the loss of accuracy when a feature is "
                + "shuffled over the dataset; SHAP, each feature's Shapley share of q(x) - E[q] over a k-means background. "
                + "The rank agreement of the top 20 features gives Spearman's rho and the shared top-20 features for each pair.");
        r.figure(out.resolve(SURFACE).resolve("free_energy_phi_psi.png"), "F(phi, psi) with states C7eq (A), C7ax (B), path and saddle");
        r.figure(out.resolve(TRANSITION).resolve("transition_region.png"), "Transition-region configurations over F(phi, psi), "
                + "restrained at the centre where probes along the path gave p_B = 1/2 (centre_search.csv)");
        r.figure(out.resolve(COMMITTORS).resolve("committors_histogram.png"), "Histogram of committor p_B");
        r.figure(out.resolve(NETWORK).resolve("loss.png"), "Training and validation loss of the committor network");
        r.figure(out.resolve(NETWORK).resolve("regression.png"), "Predicted vs measured p_B (seed Fig. 3a)");
        for (String method : methods) {
            r.figure(out.resolve(EXPLAIN).resolve("importance_" + method + ".png"),
                    "Importance by " + method + ": " + explained.path("measures").path(method).asText());
        }
        r.figure(out.resolve(PMF).resolve("pmf.png"), "PMF in the two top features with committor points and p_B = 0.5 line (seed Fig. 3b)");
        r.figure(out.resolve(PMF).resolve("committor_landscapes.png"), "The committor configurations coloured by measured p_B "
                + "on F(phi, psi) (seed Fig. 1b) and on the PMF in the two top features (seed Fig. 3b), one colour scale");
        reportCommittorTest(r, out, p);
        return r;
    }

    /** Runs the whole study into {@code out} and writes summary.json and report.html. */
    public static Report run(Context context, Path out, Preset p, long seed, int threads, io.github.mdxai.util.Progress progress) throws Exception {
        Files.createDirectories(out);
        List<Pipeline.StepRecord> records = Pipeline.run(out, steps(context, p, seed, threads), progress);
        Report report = report(out, p);
        report.write(out, records, params("preset", p.name(), "seed", seed, "threads", threads, "expected_time", p.expectedTime()));
        return report;
    }

    private static String topology(Map<String, Path> f) {
        return f.get(INPUTS).resolve("processed.top").toString();
    }

    private static String colvar(Map<String, Path> f) {
        return f.get(METADYNAMICS).resolve("colvar.csv").toString();
    }

    private static String configs(Map<String, Path> f) {
        return f.get(TRANSITION).resolve("transition_configs.gro").toString();
    }

    private static String features(Map<String, Path> f) {
        return f.get(FEATURES).resolve("features.csv").toString();
    }

    private static String model(Map<String, Path> f) {
        return f.get(NETWORK).resolve("committor-model.zip").toString();
    }

    static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}

package io.github.mdxai.learn;

import io.github.mdxai.explain.CommittorExplainer;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (not a test): the seed-sized committor network (400/200/400/200/400) on a synthetic 2000 x 210 dataset,
 * training time per epoch, then explanation time per instance for LIME (5000 samples), gradients and permutation.
 * Run: java -cp target/classes:target/test-classes:$(cat cp.txt) io.github.mdxai.learn.CommittorBench [epochs] [rows to explain] [out]
 */
public final class CommittorBench {

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int explainRows = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path out = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("committor-bench");
        Path csv = SyntheticCommittorData.write(out.resolve("synthetic-2000x210.csv"), 2000, 210, 100, 1);
        CommittorData data = CommittorData.load(csv, "pB", CommittorData.DEFAULT_FEATURES);
        double rate = Double.parseDouble(System.getProperty("rate", "1e-4"));
        double l2 = Double.parseDouble(System.getProperty("l2", "1e-2"));
        NetworkSpec spec = new NetworkSpec(new int[]{400, 200, 400, 200, 400}, "relu", NetworkSpec.MSE, epochs, 64,
                rate, l2, Integer.getInteger("patience", epochs), 1);
        System.out.println(spec);
        NativeThreads.use(Integer.getInteger("threads", 1));
        // warm-up: natives, JIT
        CommittorTrainer.train(data, "pB", new NetworkSpec(new int[]{400, 200, 400, 200, 400}, "relu", NetworkSpec.MSE,
                1, 64, 1e-4, 1e-4, 1, 2), Progress.NONE);
        Progress printing = new Progress() {
            private final long start = System.nanoTime();

            @Override
            public void fraction(double done) {
            }

            @Override
            public void status(String text) {
                System.out.printf(Locale.ROOT, "%7.1f s  %s%n", (System.nanoTime() - start) * 1e-9, text);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        CommittorTrainer.Result result = CommittorTrainer.train(data, "pB", spec, printing);
        Map<String, Metrics.Fit> metrics = TrainingOutputs.write(result, data, out.resolve("train"));
        System.out.printf(Locale.ROOT, "threads: OMP_NUM_THREADS=%s, cores=%d%n", System.getenv("OMP_NUM_THREADS"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "training 2000 x 210, 400/200/400/200/400, batch 64: %d epochs in %.1f s = %.3f s/epoch; best epoch %d%n",
                result.curve().size(), result.seconds(), result.seconds() / result.curve().size(), result.bestEpoch());
        for (Map.Entry<String, Metrics.Fit> e : metrics.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-10s n=%4d r=%.4f rmse=%.4f%n", e.getKey(), e.getValue().rows(),
                    e.getValue().pearsonR(), e.getValue().rmse());
        }
        if (explainRows == 0) {
            return;
        }
        CommittorModel model = CommittorModel.load(out.resolve("train").resolve(TrainingOutputs.MODEL));
        CsvTable table = CsvTable.read(csv);
        // explain the first rows with 0.2 < pB < 0.8: a table of just those rows, all selected
        double[] pB = table.column("pB");
        List<String> lines = Files.readAllLines(csv);
        StringBuilder s = new StringBuilder(lines.get(0)).append('\n');
        int count = 0;
        for (int r = 0; r < pB.length && count < explainRows; r++) {
            if (pB[r] > 0.2 && pB[r] < 0.8) {
                s.append(lines.get(r + 1)).append('\n');
                count++;
            }
        }
        Path subset = out.resolve("explained-rows.csv");
        Files.writeString(subset, s);
        CsvTable t = CsvTable.read(subset);
        String select = "all";
        io.github.mdxai.explain.Importance limeImportance = null;
        io.github.mdxai.explain.Explainers explainers = io.github.mdxai.explain.Explainers.discover();
        for (int threads : new int[]{1, 2}) {
            for (boolean discretize : new boolean[]{false, true}) {
                CommittorExplainer.Report lime = CommittorExplainer.run(model, t, new CommittorExplainer.Settings(
                        explainers.parse("lime"), 5000, discretize, select, 1, 0, 10, 1, threads), out.resolve("lime"),
                        Progress.NONE);
                System.out.printf(Locale.ROOT, "LIME 5000 samples, discretize=%s, threads=%d: %.3f s per row over %d rows; top %s; mean local R2 %.3f%n",
                        discretize, threads, lime.seconds().get("lime_per_row"), lime.explainedRows(),
                        lime.importances().get("lime").top(3), lime.facts().get("lime_mean_local_r2"));
                if (threads == 1 && !discretize) {
                    limeImportance = lime.importances().get("lime");
                }
            }
        }
        NativeThreads.use(1);
        CommittorExplainer.Report rest = CommittorExplainer.run(model, table, new CommittorExplainer.Settings(
                explainers.parse("gradient,permutation"), 5000, false, "0.2 < pB < 0.8", 3, 0, 10, 1,
                2), out.resolve("rest"), Progress.NONE);
        System.out.printf(Locale.ROOT, "gradient: %.5f s per row over %d rows; top %s%n", rest.seconds().get("gradient_per_row"),
                rest.explainedRows(), rest.importances().get("gradient").top(3));
        System.out.printf(Locale.ROOT, "permutation (2000 rows, 210 columns, 3 repeats): %.1f s; top %s%n",
                rest.seconds().get("permutation_total"), rest.importances().get("permutation").top(3));
        List<io.github.mdxai.explain.Importance> all = List.of(limeImportance, rest.importances().get("gradient"),
                rest.importances().get("permutation"));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                io.github.mdxai.explain.RankAgreement.Agreement a = io.github.mdxai.explain.RankAgreement.of(all.get(i),
                        all.get(j), CommittorExplainer.TOP);
                System.out.printf(Locale.ROOT, "agreement %s vs %s: Spearman over top-20 union %.3f, shared top-20 %d%n",
                        a.methodA(), a.methodB(), a.spearman(), a.shared());
            }
        }
        System.out.println("outputs in " + out);
    }
}

package io.github.mdxai.learn;

import io.github.mdxai.figures.ScatterPlot;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes what a training run produced into a folder: the model zip, metrics.json, the loss curves (loss.csv and
 * loss.png), the predictions per row (with the part of the split each row was in) and the regression figure
 * (predicted vs measured p_B).
 */
public final class TrainingOutputs {

    public static final String MODEL = "committor-model.zip";
    public static final String METRICS = "metrics.json";
    public static final String LOSS = "loss.csv";
    public static final String PREDICTIONS = "predictions.csv";
    public static final String FIGURE = "regression.png";
    public static final String LOSS_FIGURE = "loss.png";

    private TrainingOutputs() {
    }

    /** Writes all outputs and returns the metrics per part. */
    public static Map<String, Metrics.Fit> write(CommittorTrainer.Result result, CommittorData data, Path out) {
        CommittorModel model = result.model();
        model.save(out.resolve(MODEL));

        List<double[]> curve = new ArrayList<>();
        for (CommittorTrainer.Epoch e : result.curve()) {
            curve.add(new double[]{e.epoch(), e.trainLoss(), e.validationLoss()});
        }
        String lossName = model.spec().loss();
        CsvTable.write(out.resolve(LOSS), List.of("epoch", "train_" + lossName, "validation_" + lossName), curve);

        double[] q = model.q(data.x());
        double[] p = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            p[i] = CommittorModel.pB(q[i]);
        }
        String[] part = new String[q.length];
        Split split = result.split();
        for (int r : split.train()) {
            part[r] = "train";
        }
        for (int r : split.validation()) {
            part[r] = "validation";
        }
        for (int r : split.test()) {
            part[r] = "test";
        }
        AtomicFiles.writeText(out.resolve(PREDICTIONS), w -> {
            CsvTable.writeRow(w, List.of("row", "config", "part", "q", "pB_predicted", "pB_measured"));
            for (int r = 0; r < q.length; r++) {
                CsvTable.writeRow(w, List.of(Integer.toString(r), data.groups()[r], part[r], CsvTable.format(q[r]),
                        CsvTable.format(p[r]), CsvTable.format(data.target()[r])));
            }
        });

        Map<String, Metrics.Fit> metrics = Metrics.of(p, data.target(), split);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("loss", lossName);
        extra.put("best_epoch", result.bestEpoch());
        extra.put("epochs_run", result.curve().size());
        extra.put("training_seconds", result.seconds());
        extra.put("seed", model.spec().seed());
        AtomicFiles.writeString(out.resolve(METRICS), Metrics.json(metrics, extra));

        ScatterPlot plot = new ScatterPlot("Committor network: predicted vs measured", "measured p_B (fraction of shots)",
                "predicted p_B = (1 + tanh q) / 2").range(0, 1, 0, 1).line(0, 0, 1, 1, Color.GRAY, "predicted = measured");
        plot.series("train", pick(data.target(), split.train()), pick(p, split.train()), new Color(160, 160, 160));
        plot.series("validation", pick(data.target(), split.validation()), pick(p, split.validation()),
                new Color(60, 120, 200));
        plot.series("test", pick(data.target(), split.test()), pick(p, split.test()), new Color(220, 60, 40));
        plot.note(String.format(Locale.ROOT, "test: Pearson r = %s, RMSE = %.3f (n = %d)", pearson(metrics.get("test")),
                metrics.get("test").rmse(), metrics.get("test").rows()));
        plot.note("all rows: Pearson r = " + pearson(metrics.get("all")));
        plot.writePng(out.resolve(FIGURE), 640, 680);
        lossFigure(result, lossName).writePng(out.resolve(LOSS_FIGURE), 640, 480);
        return metrics;
    }

    /** Pearson r to 3 decimals, or why there is none (a constant column has no correlation). */
    private static String pearson(Metrics.Fit fit) {
        return Double.isFinite(fit.pearsonR()) ? String.format(Locale.ROOT, "%.3f", fit.pearsonR())
                : "undefined (constant values)";
    }

    /** Training and validation loss per epoch, with the epoch whose model was kept. */
    static ScatterPlot lossFigure(CommittorTrainer.Result result, String lossName) {
        int n = result.curve().size();
        double[] epoch = new double[n];
        double[] train = new double[n];
        double[] validation = new double[n];
        double top = 0;
        for (int i = 0; i < n; i++) {
            CommittorTrainer.Epoch e = result.curve().get(i);
            epoch[i] = e.epoch();
            train[i] = e.trainLoss();
            validation[i] = e.validationLoss();
            top = Math.max(top, Math.max(Double.isFinite(train[i]) ? train[i] : 0, Double.isFinite(validation[i]) ? validation[i] : 0));
        }
        top = top > 0 ? top * 1.05 : 1;
        double last = Math.max(1, n > 0 ? epoch[n - 1] : 1);
        return new ScatterPlot("Committor network: training curves", "epoch", lossName + " loss (dimensionless)")
                .range(0, last, 0, top)
                .curve("training", epoch, train, new Color(90, 90, 90))
                .curve("validation", epoch, validation, new Color(200, 60, 40))
                .line(result.bestEpoch(), 0, result.bestEpoch(), top, new Color(40, 110, 200),
                        "epoch kept: " + result.bestEpoch() + " (lowest validation loss)");
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}

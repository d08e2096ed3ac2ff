package io.github.mdxai.explain.attention;

import io.github.mdxai.learn.graph.GatModel;
import io.github.mdxai.learn.graph.ParticleGraph;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaturalRanking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained classifier's attention beside the untrained control: the same architecture with the weights it
 * started from (same configuration and seed, no training), which shows what the graph and the softmax alone put
 * into attention. For both, per class and species, the Spearman correlation of the summed attention a particle
 * receives with q6, averaged q6, coordination and Voronoi volume, pooled and within coordination classes (ranks
 * centred inside each class of equal neighbour count, then pooled): the summed attention grows with the number of
 * neighbours by construction, and the within-class value is what remains at fixed coordination.
 */
public final class AttentionControl {

    public static final String TRAINED = "trained";
    public static final String UNTRAINED = "untrained";

    private AttentionControl() {
    }

    /** One correlation; {@code rhoFixedCoordination} is NaN for the coordination itself. */
    public record Row(String model, int label, double temperature, String species, String quantity, double rho,
                      double rhoFixedCoordination, int n) {
    }

    public record Result(List<Row> correlations, Map<String, List<AttentionAnalysis.Heterogeneity>> heterogeneity) {
    }

    /**
     * Analyses {@code graphs} with the trained model and its untrained control; writes control_*.csv into outDir.
     *
     * @param allLayers average coefficients over all layers instead of taking the last layer
     */
    public static Result run(GatModel trained, List<ParticleGraph> graphs, boolean allLayers, int threads, Path outDir,
                             Progress progress) {
        InputException.require(!graphs.isEmpty(), "no snapshots to analyse");
        GatModel untrained = GatModel.create(trained.config(), trained.numTypes(), trained.dataType());
        List<Row> rows = new ArrayList<>();
        Map<String, List<AttentionAnalysis.Heterogeneity>> heterogeneity = new LinkedHashMap<>();
        GatModel[] models = {trained, untrained};
        String[] names = {TRAINED, UNTRAINED};
        for (int m = 0; m < 2; m++) {
            List<AttentionAnalysis.FrameResult> frames = new ArrayList<>();
            for (int k = 0; k < graphs.size(); k++) {
                progress.checkCancelled();
                progress.status(names[m] + " model: attention of snapshot " + (k + 1) + "/" + graphs.size());
                frames.add(AttentionAnalysis.analyse(models[m], graphs.get(k), allLayers, threads));
                progress.fraction((m + (k + 1.0) / graphs.size()) / 2);
            }
            rows.addAll(correlations(names[m], frames));
            heterogeneity.put(names[m], AttentionAnalysis.heterogeneity(frames));
        }
        write(outDir, rows, heterogeneity);
        progress.fraction(1);
        return new Result(rows, heterogeneity);
    }

    /** Correlations of the summed attention per class and species ("all", "A", "B", ...), snapshots pooled. */
    static List<Row> correlations(String model, List<AttentionAnalysis.FrameResult> frames) {
        List<Row> out = new ArrayList<>();
        int types = frames.get(0).graph().numTypes();
        int[] labels = frames.stream().mapToInt(f -> f.graph().label()).distinct().sorted().toArray();
        for (int label : labels) {
            List<AttentionAnalysis.FrameResult> mine = frames.stream().filter(f -> f.graph().label() == label).toList();
            for (int species = -1; species < types; species++) {
                List<double[]> columns = pooled(mine, species);
                double[] attention = columns.get(0);
                if (attention.length < 3) {
                    continue;
                }
                int[] coordination = java.util.Arrays.stream(columns.get(3)).mapToInt(v -> (int) v).toArray();
                for (int q = 0; q < AttentionAnalysis.QUANTITIES.size(); q++) {
                    String quantity = AttentionAnalysis.QUANTITIES.get(q);
                    double[] y = columns.get(1 + q);
                    double rho = new SpearmansCorrelation().correlation(attention, y);
                    double fixed = "coordination".equals(quantity) ? Double.NaN
                            : spearmanWithinClasses(attention, y, coordination);
                    out.add(new Row(model, label, mine.get(0).graph().temperature(),
                            species < 0 ? "all" : String.valueOf((char) ('A' + species)), quantity, rho, fixed,
                            attention.length));
                }
            }
        }
        return out;
    }

    /** Columns attention, q6, q6_avg, coordination, voronoi_volume over the frames' particles of one species (-1 all). */
    private static List<double[]> pooled(List<AttentionAnalysis.FrameResult> frames, int species) {
        int count = 0;
        for (AttentionAnalysis.FrameResult f : frames) {
            for (int t : f.graph().types()) {
                count += species < 0 || t == species ? 1 : 0;
            }
        }
        List<double[]> columns = new ArrayList<>();
        for (int c = 0; c <= AttentionAnalysis.QUANTITIES.size(); c++) {
            columns.add(new double[count]);
        }
        int k = 0;
        for (AttentionAnalysis.FrameResult f : frames) {
            List<double[]> source = new ArrayList<>(List.of(f.attention()));
            for (String q : AttentionAnalysis.QUANTITIES) {
                source.add(AttentionAnalysis.quantity(f, q));
            }
            for (int i = 0; i < f.graph().nodeCount(); i++) {
                if (species < 0 || f.graph().types()[i] == species) {
                    for (int c = 0; c < columns.size(); c++) {
                        columns.get(c)[k] = source.get(c)[i];
                    }
                    k++;
                }
            }
        }
        return columns;
    }

    /**
     * Spearman correlation at fixed class (a stratified rank correlation): x and y are ranked inside each class, the
     * ranks centred on the class mean, and the Pearson correlation of the centred ranks pooled over all classes.
     * Classes with fewer than 3 members carry no within-class information and are left out. NaN if nothing is left
     * or one variable is constant inside every class.
     */
    public static double spearmanWithinClasses(double[] x, double[] y, int[] classes) {
        InputException.require(x.length == y.length && x.length == classes.length, "x, y and classes differ in length");
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < classes.length; i++) {
            members.computeIfAbsent(classes[i], c -> new ArrayList<>()).add(i);
        }
        NaturalRanking ranking = new NaturalRanking();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (List<Integer> idx : members.values()) {
            int m = idx.size();
            if (m < 3) {
                continue;
            }
            double[] xs = new double[m];
            double[] ys = new double[m];
            for (int k = 0; k < m; k++) {
                xs[k] = x[idx.get(k)];
                ys[k] = y[idx.get(k)];
            }
            double[] rx = ranking.rank(xs);
            double[] ry = ranking.rank(ys);
            double centre = (m + 1) / 2.0; // mean of ranks 1..m, also with ties (average ranks)
            for (int k = 0; k < m; k++) {
                double a = rx[k] - centre;
                double b = ry[k] - centre;
                sxy += a * b;
                sxx += a * a;
                syy += b * b;
            }
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    private static void write(Path outDir, List<Row> rows, Map<String, List<AttentionAnalysis.Heterogeneity>> het) {
        AtomicFiles.writeText(outDir.resolve("control_correlations.csv"), w -> {
            CsvTable.writeRow(w, List.of("model", "label", AttentionAnalysis.TEMPERATURE_COLUMN, "species", "quantity", "spearman_rho",
                    "spearman_rho_fixed_coordination", "particles"));
            for (Row r : rows) {
                CsvTable.writeRow(w, List.of(r.model(), Integer.toString(r.label()), CsvTable.format(r.temperature()),
                        r.species(), r.quantity(), CsvTable.format(r.rho()), CsvTable.format(r.rhoFixedCoordination()),
                        Integer.toString(r.n())));
            }
        });
        AtomicFiles.writeText(outDir.resolve("control_heterogeneity.csv"), w -> {
            CsvTable.writeRow(w, List.of("model", "label", AttentionAnalysis.TEMPERATURE_COLUMN, "frames", "particle_attention_cv",
                    "particle_attention_cv_sd", "normalized_entropy", "normalized_entropy_sd"));
            for (Map.Entry<String, List<AttentionAnalysis.Heterogeneity>> e : het.entrySet()) {
                for (AttentionAnalysis.Heterogeneity h : e.getValue()) {
                    CsvTable.writeRow(w, List.of(e.getKey(), Integer.toString(h.label()), CsvTable.format(h.temperature()),
                            Integer.toString(h.frames()), CsvTable.format(h.particleCv()), CsvTable.format(h.particleCvSd()),
                            CsvTable.format(h.entropy()), CsvTable.format(h.entropySd())));
                }
            }
        });
    }
}

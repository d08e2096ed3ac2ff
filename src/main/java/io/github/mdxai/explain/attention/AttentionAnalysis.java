package io.github.mdxai.explain.attention;

import io.github.mdxai.features.structure.NeighborList;
import io.github.mdxai.features.structure.OrderParameters;
import io.github.mdxai.features.structure.Steinhardt;
import io.github.mdxai.features.structure.Voronoi;
import io.github.mdxai.learn.graph.GatModel;
import io.github.mdxai.learn.graph.ParticleGraph;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the graph attention classifier looks at. Coefficient alpha_ij of edge j -> i is averaged over heads (of the
 * last layer, or of all layers). Softmax makes the coefficients into each receiver sum to one, so a particle's
 * attention is what its neighbours pay to it: the sum (and mean) of alpha_ij over the receivers i of its outgoing
 * edges. Uniform attention gives every particle a sum of about deg/(deg+1).
 * Heterogeneity per snapshot: coefficient of variation of the per-particle sums, CV of the edge coefficients
 * relative to uniform (alpha_ij (deg_i + 1)), and the entropy of each receiver's distribution normalised by
 * ln(deg_i + 1) (1 = uniform), averaged over receivers.
 */
public final class AttentionAnalysis {

    private AttentionAnalysis() {
    }

    /** Per-particle numbers of one snapshot. */
    public record FrameResult(ParticleGraph graph, double[] attention, double[] attentionMean, double[] q6,
                              double[] q6Averaged, int[] coordination, double[] voronoiVolume,
                              double particleCv, double edgeCv, double normalizedEntropy) {
    }

    /** Heterogeneity of one class (temperature), mean and standard deviation over its snapshots. */
    public record Heterogeneity(int label, double temperature, int frames, double particleCv, double particleCvSd,
                                double edgeCv, double edgeCvSd, double entropy, double entropySd) {
    }

    /**
     * Spearman rank correlation of per-particle attention ("sum" or "mean" over the particle's outgoing edges) with a
     * structural quantity. The sum grows with the number of neighbours by construction; the mean does not.
     */
    public record Correlation(int label, double temperature, String species, String measure, String quantity,
                              double rho, int n) {
    }

    public static final List<String> QUANTITIES = List.of("q6", "q6_avg", "coordination", "voronoi_volume");
    /** The temperature column of the heterogeneity and correlation tables (reduced units). */
    public static final String TEMPERATURE_COLUMN = "temperature_eps_per_kB";

    /** @param allLayers average coefficients over all layers instead of taking the last layer */
    public static FrameResult analyse(GatModel model, ParticleGraph g, boolean allLayers, int threads) {
        float[][][] a = model.attention(g);
        int n = g.nodeCount();
        int edges = g.edgeCount();
        int firstLayer = allLayers ? 0 : a.length - 1;
        double[] alpha = new double[edges + n];
        int terms = 0;
        for (int l = firstLayer; l < a.length; l++) {
            for (float[] head : a[l]) {
                for (int k = 0; k < alpha.length; k++) {
                    alpha[k] += head[k];
                }
                terms++;
            }
        }
        for (int k = 0; k < alpha.length; k++) {
            alpha[k] /= terms;
        }
        double[] sum = new double[n];
        int[] outDegree = new int[n];
        double entropySum = 0;
        int receivers = 0;
        double relSum = 0;
        double relSq = 0;
        for (int i = 0; i < n; i++) {
            int deg = g.degree(i);
            double h = entropyTerm(alpha[edges + i]);
            for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                int j = g.neighbours()[e];
                sum[j] += alpha[e];
                outDegree[j]++;
                h += entropyTerm(alpha[e]);
                double rel = alpha[e] * (deg + 1);
                relSum += rel;
                relSq += rel * rel;
            }
            if (deg > 0) {
                entropySum += h / Math.log(deg + 1);
                receivers++;
            }
        }
        double[] mean = new double[n];
        int[] coordination = new int[n];
        for (int j = 0; j < n; j++) {
            mean[j] = outDegree[j] > 0 ? sum[j] / outDegree[j] : 0;
            coordination[j] = g.degree(j);
        }
        double edgeMean = relSum / Math.max(1, edges);
        double edgeCv = Math.sqrt(Math.max(0, relSq / Math.max(1, edges) - edgeMean * edgeMean)) / edgeMean;

        double[] displacements = new double[3 * edges];
        for (int k = 0; k < displacements.length; k++) {
            displacements[k] = g.edgeVectors()[k];
        }
        NeighborList list = new NeighborList(g.offsets(), g.neighbours(), displacements);
        OrderParameters op = new Steinhardt(new int[]{6}, false).compute(list, Progress.NONE);
        double[] wrapped = new double[3 * n];
        for (int k = 0; k < wrapped.length; k++) {
            double length = g.box()[k % 3];
            double x = g.positions()[k] % length;
            wrapped[k] = x < 0 ? x + length : (x >= length ? 0 : x);
        }
        double[] volumes = Voronoi.volumes(wrapped, g.box(), null, threads, Progress.NONE);
        return new FrameResult(g, sum, mean, op.q(6), op.qAveraged(6), coordination, volumes,
                cv(sum), edgeCv, entropySum / Math.max(1, receivers));
    }

    private static double entropyTerm(double p) {
        return p > 0 ? -p * Math.log(p) : 0;
    }

    static double cv(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length) / m;
    }

    /** Heterogeneity per class, classes in label order. */
    public static List<Heterogeneity> heterogeneity(List<FrameResult> frames) {
        List<Heterogeneity> out = new ArrayList<>();
        for (int label : labels(frames)) {
            List<FrameResult> mine = frames.stream().filter(f -> f.graph().label() == label).toList();
            double[] pc = mine.stream().mapToDouble(FrameResult::particleCv).toArray();
            double[] ec = mine.stream().mapToDouble(FrameResult::edgeCv).toArray();
            double[] en = mine.stream().mapToDouble(FrameResult::normalizedEntropy).toArray();
            out.add(new Heterogeneity(label, mine.get(0).graph().temperature(), mine.size(), mean(pc), sd(pc),
                    mean(ec), sd(ec), mean(en), sd(en)));
        }
        return out;
    }

    /** Spearman correlations per class and species ("A", "B", ..., and "all"), pooling the class's snapshots. */
    public static List<Correlation> correlations(List<FrameResult> frames) {
        List<Correlation> out = new ArrayList<>();
        int types = frames.get(0).graph().numTypes();
        for (int label : labels(frames)) {
            List<FrameResult> mine = frames.stream().filter(f -> f.graph().label() == label).toList();
            double temperature = mine.get(0).graph().temperature();
            for (int species = -1; species < types; species++) {
                String name = species < 0 ? "all" : String.valueOf((char) ('A' + species));
                for (String measure : List.of("sum", "mean")) {
                    for (String q : QUANTITIES) {
                        double[][] xy = pooled(mine, species, "mean".equals(measure), q);
                        if (xy[0].length < 3) {
                            continue;
                        }
                        out.add(new Correlation(label, temperature, name, measure, q,
                                new SpearmansCorrelation().correlation(xy[0], xy[1]), xy[0].length));
                    }
                }
            }
        }
        return out;
    }

    private static double[][] pooled(List<FrameResult> frames, int species, boolean mean, String quantity) {
        int count = 0;
        for (FrameResult f : frames) {
            for (int t : f.graph().types()) {
                count += species < 0 || t == species ? 1 : 0;
            }
        }
        double[] x = new double[count];
        double[] y = new double[count];
        int k = 0;
        for (FrameResult f : frames) {
            double[] q = quantity(f, quantity);
            for (int i = 0; i < f.graph().nodeCount(); i++) {
                if (species < 0 || f.graph().types()[i] == species) {
                    x[k] = mean ? f.attentionMean()[i] : f.attention()[i];
                    y[k++] = q[i];
                }
            }
        }
        return new double[][]{x, y};
    }

    static double[] quantity(FrameResult f, String name) {
        return switch (name) {
            case "q6" -> f.q6();
            case "q6_avg" -> f.q6Averaged();
            case "coordination" -> java.util.Arrays.stream(f.coordination()).asDoubleStream().toArray();
            case "voronoi_volume" -> f.voronoiVolume();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * {@code frame,id,type,x_sigma,y_sigma,z_sigma,attention,q6,q6_avg,coordination,voronoi_volume_sigma3}, then label
     * and attention_mean.
     * Types are 1-based (1 = A); lengths in sigma_AA, volumes in sigma_AA^3; attention is the summed coefficient.
     */
    public static void writeParticles(java.nio.file.Path file, List<FrameResult> frames) {
        AtomicFiles.writeText(file, w -> {
            CsvTable.writeRow(w, List.of("frame", "id", "type", "x_sigma", "y_sigma", "z_sigma", "attention", "q6",
                    "q6_avg", "coordination", "voronoi_volume_sigma3", "label", "attention_mean"));
            for (FrameResult f : frames) {
                ParticleGraph g = f.graph();
                for (int i = 0; i < g.nodeCount(); i++) {
                    CsvTable.writeRow(w, List.of(Integer.toString(g.frame()), Integer.toString(g.ids()[i]),
                            Integer.toString(g.types()[i] + 1), CsvTable.format(g.positions()[3 * i]),
                            CsvTable.format(g.positions()[3 * i + 1]), CsvTable.format(g.positions()[3 * i + 2]),
                            CsvTable.format(f.attention()[i]), CsvTable.format(f.q6()[i]),
                            CsvTable.format(f.q6Averaged()[i]), Integer.toString(f.coordination()[i]),
                            CsvTable.format(f.voronoiVolume()[i]), Integer.toString(g.label()),
                            CsvTable.format(f.attentionMean()[i])));
                }
            }
        });
    }

    public static void writeHeterogeneity(java.nio.file.Path file, List<Heterogeneity> rows) {
        writeTable(file, List.of("label", TEMPERATURE_COLUMN, "frames", "particle_attention_cv", "particle_attention_cv_sd",
                "edge_attention_cv", "edge_attention_cv_sd", "normalized_entropy", "normalized_entropy_sd"), rows,
                h -> List.of(Integer.toString(h.label()), CsvTable.format(h.temperature()),
                        Integer.toString(h.frames()), CsvTable.format(h.particleCv()),
                        CsvTable.format(h.particleCvSd()), CsvTable.format(h.edgeCv()), CsvTable.format(h.edgeCvSd()),
                        CsvTable.format(h.entropy()), CsvTable.format(h.entropySd())));
    }

    public static void writeCorrelations(java.nio.file.Path file, List<Correlation> rows) {
        writeTable(file, List.of("label", TEMPERATURE_COLUMN, "species", "attention", "quantity", "spearman_rho",
                "particles"), rows, c -> List.of(Integer.toString(c.label()), CsvTable.format(c.temperature()),
                c.species(), c.measure(), c.quantity(), CsvTable.format(c.rho()), Integer.toString(c.n())));
    }

    private static <T> void writeTable(java.nio.file.Path file, List<String> header, List<T> rows,
                                       Function<T, List<String>> cells) {
        AtomicFiles.writeText(file, w -> {
            CsvTable.writeRow(w, header);
            for (T r : rows) {
                CsvTable.writeRow(w, cells.apply(r));
            }
        });
    }

    /** One line per class, for a summary string. */
    public static String describe(List<Heterogeneity> rows) {
        StringBuilder sb = new StringBuilder();
        for (Heterogeneity h : rows) {
            sb.append(String.format(Locale.ROOT, "T=%.4g: particle CV %.3f, edge CV %.3f, entropy %.3f; ",
                    h.temperature(), h.particleCv(), h.edgeCv(), h.entropy()));
        }
        return sb.toString().trim();
    }

    private static int[] labels(List<FrameResult> frames) {
        return frames.stream().mapToInt(f -> f.graph().label()).distinct().sorted().toArray();
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}

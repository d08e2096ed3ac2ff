package io.github.mdxai.explain;

import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.scijava.plugin.Plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Kernel SHAP (Lundberg and Lee, "A unified approach to interpreting model predictions", NeurIPS 2017) as the shap
 * library's {@code KernelExplainer} computes it (shap/explainers/_kernel.py; shap/utils/_legacy.py for kmeans):
 * <ul>
 * <li>Background: the dataset summarised by k-means as {@code shap.kmeans(X, k)} does: k-means++ with 10 restarts
 * and at most 300 iterations (sklearn's KMeans defaults; here Commons Math, seeded from (seed, "shap-kmeans"), which
 * keeps the restart with the smallest sum of cluster variances where sklearn keeps the smallest inertia), each
 * centre's coordinates rounded to the nearest value the column takes in the data, weights = cluster sizes / n.
 * E[f] is the weighted mean of f over the background.</li>
 * <li>A feature is "missing" when it takes the background's values: the value of a coalition S is
 * sum_k w_k f(x_S, b_k,not S). Features whose value equals every background value (numpy isclose) do not vary and
 * get 0; with one varying feature it gets f(x) - E[f].</li>
 * <li>Coalitions as {@code explain}: {@code nsamples} = the coalitions input, or "auto" 2M + 2048 (M varying
 * features), at most 2^M - 2; subset sizes 1..ceil((M-1)/2), each paired with its complement size, weighted by the
 * Shapley kernel (M-1)/(s(M-s)); sizes whose subsets all fit the budget are enumerated with their exact weights, the
 * rest drawn at random (size from the remaining weights, then a uniform subset, and its complement; a repeated
 * coalition adds weight instead of a row) and their weights rescaled to the kernel weight left.</li>
 * <li>Solve as {@code solve} with {@code l1_reg=False}: the efficiency constraint sum phi = f(x) - E[f] eliminates
 * the last varying feature, and the rest is a weighted least-squares fit (QR of the sqrt-weighted design, Commons
 * Math; the pseudo-inverse by SVD when it is singular, as shap falls back to pinv). shap's default {@code "auto"}
 * would first select features by an AIC-tuned lasso when under 20 % of coalitions are sampled; we keep all.</li>
 * </ul>
 * The random streams come from (seed, "shap", row id), so results do not depend on the thread count. The importance
 * is mean |phi| over the explained rows (shap's bar summary); {@code shap_values.csv} holds every phi.
 */
@Plugin(type = Explainer.class, priority = 100)
public final class KernelShap implements Explainer {

    public static final String NAME = "shap";
    public static final int DEFAULT_BACKGROUND = 10;
    /** 0 stands for shap's "auto": 2M + 2048 coalitions. */
    public static final int AUTO = 0;
    private static final int KMEANS_RESTARTS = 10;
    private static final int KMEANS_ITERATIONS = 300;

    /** Background points with weights that sum to one. */
    public record Background(double[][] points, double[] weights) {
    }

    /** One explained row: f(x), the background expectation E[f] and phi per feature (summing to f(x) - E[f]). */
    public record Explanation(int row, double fx, double expected, double[] values) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result explain(ExplainerInput in, Path out, Progress progress) {
        CommittorExplainer.Settings s = in.settings();
        progress.status("Kernel SHAP on " + in.rows().length + " rows, k-means background of " + s.background());
        Background background = kmeans(in.z(), s.background(), s.seed());
        List<Explanation> ex = explain(in.model(), background, in.selected(), in.rows(), s.coalitions(), s.seed(),
                s.threads(), progress);
        int d = in.features().size();
        double[] mean = new double[d];
        for (Explanation e : ex) {
            for (int j = 0; j < d; j++) {
                mean[j] += Math.abs(e.values()[j]) / ex.size();
            }
        }
        writeValues(out.resolve("shap_values.csv"), ex, in.features());
        return new Result(new Importance(NAME, in.features(), mean),
                "mean |SHAP value| on q (k-means background)", in.rows().length,
                Map.of("expected_q", ex.get(0).expected(), "background_points", (double) background.points().length));
    }

    /** shap.kmeans: k weighted centres of {@code data} (k is capped at the number of rows). */
    public static Background kmeans(double[][] data, int k, long seed) {
        InputException.require(data.length >= 1, "SHAP needs at least one background row");
        List<DoublePoint> points = new ArrayList<>(data.length);
        for (double[] row : data) {
            points.add(new DoublePoint(row));
        }
        KMeansPlusPlusClusterer<DoublePoint> clusterer = new KMeansPlusPlusClusterer<>(Math.min(k, data.length),
                KMEANS_ITERATIONS, new EuclideanDistance(), new Well19937c(Rng.mixSeed(seed, "shap-kmeans")));
        List<CentroidCluster<DoublePoint>> clusters =
                new MultiKMeansPlusPlusClusterer<>(clusterer, KMEANS_RESTARTS).cluster(points);
        List<double[]> centres = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        for (CentroidCluster<DoublePoint> c : clusters) {
            if (!c.getPoints().isEmpty()) {
                centres.add(roundToData(c.getCenter().getPoint(), data));
                sizes.add((double) c.getPoints().size());
            }
        }
        double[] weights = new double[sizes.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = sizes.get(i) / data.length;
        }
        return new Background(centres.toArray(double[][]::new), weights);
    }

    /** Each coordinate replaced by the nearest value its column takes in the data (the first such row on ties). */
    private static double[] roundToData(double[] centre, double[][] data) {
        double[] rounded = new double[centre.length];
        for (int j = 0; j < centre.length; j++) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] row : data) {
                double distance = Math.abs(row[j] - centre[j]);
                if (distance < best) {
                    best = distance;
                    rounded[j] = row[j];
                }
            }
        }
        return rounded;
    }

    /** SHAP values of {@code model} at each row of {@code x}; row ids label the results and seed their streams. */
    public static List<Explanation> explain(QFunction model, Background background, double[][] x, int[] rowIds,
                                            int coalitions, long seed, int threads, Progress progress) {
        InputException.require(coalitions >= 0, "coalitions: expected 0 (auto) or more, got " + coalitions);
        double[] fBackground = model.q(background.points());
        double expected = 0;
        for (int k = 0; k < fBackground.length; k++) {
            expected += background.weights()[k] * fBackground[k];
        }
        double fNull = expected;
        Object modelLock = new Object();
        QFunction serial = z -> {
            synchronized (modelLock) {
                return model.q(z);
            }
        };
        return PerRow.map(x.length, threads, progress, i -> explainOne(serial, background, fNull, x[i], rowIds[i],
                coalitions, Rng.stream(seed, "shap", rowIds[i])));
    }

    private static Explanation explainOne(QFunction model, Background background, double fNull, double[] x, int row,
                                          int coalitions, SplittableRandom rnd) {
        int[] varying = varying(x, background.points());
        int m = varying.length;
        double[] phi = new double[x.length];
        if (m == 0) {
            return new Explanation(row, model.q(new double[][]{x})[0], fNull, phi);
        }
        Coalitions c = m == 1 ? new Coalitions(1) : Coalitions.sample(m, coalitions, rnd);
        int k = background.points().length;
        int n = c.count();
        double[][] synthetic = new double[n * k + 1][];
        for (int i = 0; i < n; i++) {
            boolean[] mask = c.masks.get(i);
            for (int b = 0; b < k; b++) {
                double[] r = background.points()[b].clone();
                for (int j = 0; j < m; j++) {
                    if (mask[j]) {
                        r[varying[j]] = x[varying[j]];
                    }
                }
                synthetic[i * k + b] = r;
            }
        }
        synthetic[n * k] = x;
        double[] y = model.q(synthetic);
        double fx = y[n * k];
        double delta = fx - fNull;
        if (m == 1) {
            phi[varying[0]] = delta;
            return new Explanation(row, fx, fNull, phi);
        }
        // efficiency: phi_last = delta - sum of the others, substituted into the weighted least-squares problem
        int last = m - 1;
        double[][] design = new double[n][last];
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            double ey = 0;
            for (int b = 0; b < k; b++) {
                ey += background.weights()[b] * y[i * k + b];
            }
            boolean[] mask = c.masks.get(i);
            double lastIn = mask[last] ? 1 : 0;
            double sw = Math.sqrt(c.weights[i]);
            target[i] = sw * (ey - fNull - lastIn * delta);
            for (int j = 0; j < last; j++) {
                design[i][j] = sw * ((mask[j] ? 1 : 0) - lastIn);
            }
        }
        Array2DRowRealMatrix a = new Array2DRowRealMatrix(design, false);
        DecompositionSolver solver = n >= last ? new QRDecomposition(a, 1e-12).getSolver() : null;
        if (solver == null || !solver.isNonSingular()) {
            solver = new SingularValueDecomposition(a).getSolver();
        }
        double[] w = solver.solve(new ArrayRealVector(target, false)).toArray();
        double sum = 0;
        for (int j = 0; j < last; j++) {
            phi[varying[j]] = w[j];
            sum += w[j];
        }
        phi[varying[last]] = delta - sum;
        return new Explanation(row, fx, fNull, phi);
    }

    /** Features where x differs from some background value (numpy isclose: |a - b| > 1e-8 + 1e-5 |b|). */
    private static int[] varying(double[] x, double[][] background) {
        int[] v = new int[x.length];
        int count = 0;
        for (int j = 0; j < x.length; j++) {
            for (double[] b : background) {
                if (Math.abs(x[j] - b[j]) > 1e-8 + 1e-5 * Math.abs(b[j])) {
                    v[count++] = j;
                    break;
                }
            }
        }
        return Arrays.copyOf(v, count);
    }

    /** Coalitions (masks over the M varying features) with their kernel weights. */
    private static final class Coalitions {
        final List<boolean[]> masks = new ArrayList<>();
        double[] weights;

        Coalitions(int capacity) {
            weights = new double[Math.max(1, capacity)];
        }

        int count() {
            return masks.size();
        }

        int add(boolean[] mask, double weight) {
            weights[masks.size()] = weight;
            masks.add(mask);
            return masks.size() - 1;
        }

        /** shap's KernelExplainer.explain: full subset sizes enumerated, the rest sampled. */
        static Coalitions sample(int m, int requested, SplittableRandom rnd) {
            long budget = requested > 0 ? requested : 2L * m + 2048;
            if (m <= 30) {
                budget = Math.min(budget, (1L << m) - 2);
            }
            int nsamples = (int) budget;
            Coalitions c = new Coalitions(nsamples);
            int sizes = m / 2;              // ceil((M - 1) / 2)
            int pairedSizes = (m - 1) / 2;  // floor((M - 1) / 2)
            double[] kernel = new double[sizes];
            double total = 0;
            for (int s = 1; s <= sizes; s++) {
                kernel[s - 1] = (m - 1.0) / (s * (double) (m - s)) * (s <= pairedSizes ? 2 : 1);
                total += kernel[s - 1];
            }
            for (int s = 0; s < sizes; s++) {
                kernel[s] /= total;
            }
            int fullSizes = 0;
            double samplesLeft = nsamples;
            double[] remaining = kernel.clone();
            for (int s = 1; s <= sizes; s++) {
                double subsets = CombinatoricsUtils.binomialCoefficientDouble(m, s) * (s <= pairedSizes ? 2 : 1);
                if (samplesLeft * remaining[s - 1] / subsets < 1.0 - 1e-8) {
                    break;
                }
                fullSizes++;
                samplesLeft -= subsets;
                if (remaining[s - 1] < 1.0) {
                    double scale = 1 - remaining[s - 1];
                    for (int i = 0; i < sizes; i++) {
                        remaining[i] /= scale;
                    }
                }
                double w = kernel[s - 1] / CombinatoricsUtils.binomialCoefficientDouble(m, s)
                        / (s <= pairedSizes ? 2 : 1);
                for (Iterator<int[]> it = CombinatoricsUtils.combinationsIterator(m, s); it.hasNext(); ) {
                    boolean[] mask = new boolean[m];
                    for (int j : it.next()) {
                        mask[j] = true;
                    }
                    c.add(mask, w);
                    if (s <= pairedSizes) {
                        c.add(complement(mask), w);
                    }
                }
            }
            int fixed = c.count();
            int left = nsamples - fixed;
            if (fullSizes == sizes || left <= 0) {
                return c;
            }
            double[] draw = new double[sizes - fullSizes];
            double drawTotal = 0;
            for (int i = 0; i < draw.length; i++) {
                int s = fullSizes + i + 1;
                draw[i] = kernel[s - 1] / (s <= pairedSizes ? 2 : 1); // two samples per paired draw
                drawTotal += draw[i];
            }
            Map<BitSet, Integer> used = new HashMap<>();
            int[] order = new int[m];
            for (int j = 0; j < m; j++) {
                order[j] = j;
            }
            for (int draws = 0; left > 0 && draws < 4 * (nsamples - fixed); draws++) {
                int s = fullSizes + 1 + categorical(draw, drawTotal, rnd);
                boolean[] mask = new boolean[m];
                for (int i = 0; i < s; i++) { // the first s entries of a uniform random permutation
                    int j = i + rnd.nextInt(m - i);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    mask[order[i]] = true;
                }
                Integer seen = used.get(bits(mask));
                if (seen == null) {
                    used.put(bits(mask), c.add(mask, 1.0));
                    left--;
                } else {
                    c.weights[seen] += 1.0;
                }
                if (left > 0 && s <= pairedSizes) {
                    boolean[] other = complement(mask);
                    Integer seenOther = used.get(bits(other));
                    if (seenOther == null) {
                        used.put(bits(other), c.add(other, 1.0));
                        left--;
                    } else {
                        c.weights[seenOther] += 1.0;
                    }
                }
            }
            double weightLeft = 0;
            for (int s = fullSizes; s < sizes; s++) {
                weightLeft += kernel[s];
            }
            double sampled = 0;
            for (int i = fixed; i < c.count(); i++) {
                sampled += c.weights[i];
            }
            for (int i = fixed; i < c.count(); i++) {
                c.weights[i] *= weightLeft / sampled;
            }
            return c;
        }

        private static int categorical(double[] p, double total, SplittableRandom rnd) {
            double u = rnd.nextDouble() * total;
            double acc = 0;
            for (int i = 0; i < p.length - 1; i++) {
                acc += p[i];
                if (u < acc) {
                    return i;
                }
            }
            return p.length - 1;
        }

        private static boolean[] complement(boolean[] mask) {
            boolean[] c = new boolean[mask.length];
            for (int j = 0; j < mask.length; j++) {
                c[j] = !mask[j];
            }
            return c;
        }

        private static BitSet bits(boolean[] mask) {
            BitSet b = new BitSet(mask.length);
            for (int j = 0; j < mask.length; j++) {
                if (mask[j]) {
                    b.set(j);
                }
            }
            return b;
        }
    }

    private static void writeValues(Path file, List<Explanation> ex, List<String> names) {
        PerRow.writeTable(file, List.of("row", "q", "expected_q"), names, ex.size(),
                i -> List.of(Integer.toString(ex.get(i).row()), CsvTable.format(ex.get(i).fx()),
                        CsvTable.format(ex.get(i).expected())),
                i -> ex.get(i).values());
    }
}

package io.github.mdxai.explain;

import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.scijava.plugin.Plugin;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Permutation importance: how much the mean squared error of the predicted p_B = (1 + tanh q) / 2 against the
 * measured p_B grows when one column is shuffled across rows, averaged over {@code repeats} shuffles drawn from
 * (seed, "permutation", column, repeat). Uses every row of the dataset, not just the selected ones.
 */
@Plugin(type = Explainer.class, priority = 200)
public final class PermutationImportance implements Explainer {

    public static final String NAME = "permutation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result explain(ExplainerInput in, Path out, Progress progress) {
        progress.status("permutation importance on " + in.z().length + " rows");
        CommittorExplainer.Settings s = in.settings();
        double[] increase = compute(in.model(), in.z(), in.measured().get(), s.repeats(), s.seed(), progress);
        return new Result(new Importance(NAME, in.features(), increase), "increase of MSE on pB when shuffled",
                in.z().length, Map.of());
    }

    /** Loss increase per feature; {@code z} standardized rows (not modified), {@code pB} measured committors. */
    public static double[] compute(QFunction model, double[][] z, double[] pB, int repeats, long seed,
                                   Progress progress) {
        int n = z.length;
        int d = z[0].length;
        double baseline = mse(model.q(z), pB);
        double[] increase = new double[d];
        double[][] shuffled = new double[n][];
        for (int r = 0; r < n; r++) {
            shuffled[r] = z[r].clone();
        }
        int[] perm = new int[n];
        for (int j = 0; j < d; j++) {
            progress.checkCancelled();
            for (int rep = 0; rep < repeats; rep++) {
                SplittableRandom rnd = Rng.stream(seed, "permutation", j, rep);
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int i = n - 1; i > 0; i--) {
                    int k = rnd.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[k];
                    perm[k] = t;
                }
                for (int i = 0; i < n; i++) {
                    shuffled[i][j] = z[perm[i]][j];
                }
                increase[j] += (mse(model.q(shuffled), pB) - baseline) / repeats;
            }
            for (int i = 0; i < n; i++) {
                shuffled[i][j] = z[i][j];
            }
            progress.fraction((double) (j + 1) / d);
        }
        return increase;
    }

    private static double mse(double[] q, double[] pB) {
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
            double p = 0.5 * (1 + Math.tanh(q[i]));
            sum += (p - pB[i]) * (p - pB[i]);
        }
        return sum / q.length;
    }
}

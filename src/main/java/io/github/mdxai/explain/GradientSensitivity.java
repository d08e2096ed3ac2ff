package io.github.mdxai.explain;

import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;
import org.scijava.plugin.Plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Gradient sensitivity: mean over the selected rows of |dq/dx_i| sigma_i, with sigma_i the training standard
 * deviation of x_i. In standardized inputs z_i = (x_i - mu_i) / sigma_i this is mean |dq/dz_i|, which is what the
 * model gives. Writes {@code gradient_weights.csv} (per row: q and dq/dz of every feature).
 */
@Plugin(type = Explainer.class, priority = 300)
public final class GradientSensitivity implements Explainer {

    public static final String NAME = "gradient";

    /** Computes dq/dz for rows of standardized inputs. */
    @FunctionalInterface
    public interface GradientFunction {
        double[][] gradient(double[][] z);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result explain(ExplainerInput in, Path out, Progress progress) {
        progress.status("gradients on " + in.rows().length + " rows");
        double[][] z = in.selected();
        double[][] g = in.gradient().gradient(z);
        writeGradients(out.resolve("gradient_weights.csv"), in.rows(), in.model().q(z), g, in.features());
        return new Result(new Importance(NAME, in.features(), meanAbsolute(g)), "mean |dq/dx| x sigma",
                in.rows().length, Map.of());
    }

    /** Mean |dq/dz_i| over the rows of {@code gradients}. */
    public static double[] meanAbsolute(double[][] gradients) {
        int d = gradients[0].length;
        double[] mean = new double[d];
        for (double[] g : gradients) {
            for (int j = 0; j < d; j++) {
                mean[j] += Math.abs(g[j]) / gradients.length;
            }
        }
        return mean;
    }

    private static void writeGradients(Path file, int[] rows, double[] q, double[][] g, List<String> names) {
        PerRow.writeTable(file, List.of("row", "q"), names.stream().map(n -> "dq_dz_" + n).toList(), rows.length,
                i -> List.of(Integer.toString(rows[i]), CsvTable.format(q[i])), i -> g[i]);
    }
}

package io.github.mdxai.explain;

/**
 * Gradient sensitivity: mean over rows of |dq/dx_i| sigma_i, with sigma_i the training standard deviation of x_i.
 * In standardized inputs z_i = (x_i - mu_i) / sigma_i this is mean |dq/dz_i|, which is what the model gives.
 */
public final class GradientSensitivity {

    private GradientSensitivity() {
    }

    /** Computes dq/dz for rows of standardized inputs. */
    @FunctionalInterface
    public interface GradientFunction {
        double[][] gradient(double[][] z);
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
}

package io.github.mdxai.explain;

/** The model being explained: q for rows of standardized inputs z = (x - mean) / std. */
@FunctionalInterface
public interface QFunction {
    double[] q(double[][] z);
}

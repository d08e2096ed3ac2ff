package io.github.mdxai.explain;

import java.util.List;
import java.util.function.Supplier;

/**
 * What an explainer works on: the model as q of standardized rows and its input gradient, the feature names, every
 * row of the dataset standardized ({@code z}, the training distribution LIME and SHAP sample from), the indices of
 * the rows to explain, the measured p_B (read on demand: only permutation importance needs it) and the settings.
 */
public record ExplainerInput(QFunction model, GradientSensitivity.GradientFunction gradient, List<String> features,
                             double[][] z, int[] rows, Supplier<double[]> measured,
                             CommittorExplainer.Settings settings) {

    public ExplainerInput {
        features = List.copyOf(features);
    }

    /** The standardized rows to explain, in the order of {@link #rows}. */
    public double[][] selected() {
        double[][] s = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            s[i] = z[rows[i]];
        }
        return s;
    }
}

package io.github.mdxai.learn;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;

import java.util.Arrays;

/**
 * A trained committor network's q(x) as a collective variable (dimensionless; p_B = (1 + tanh q) / 2, so q = 0 is
 * the network's p_B = 1/2 surface). The model's features are CVs by name ({@code r6-10}, {@code phi}, ...; angles
 * in degrees as Build Distance Features writes them); the gradient is the network's input gradient chained through
 * the standardization and the features' gradients: dq/dx = sum_j dq/df_j df_j/dx. Evaluated in double precision
 * ({@link CommittorModel#qAndGradient}); calls are serialized, so give each integrator thread its own instance.
 */
public final class CommittorCoordinate implements CollectiveVariable {

    private final CommittorModel model;
    private final CollectiveVariable[] features;
    private final double[] scale;
    private final int[] atoms;
    private final double[] values;
    private final double[] dqdf;
    private final double[] featureGradient;

    public CommittorCoordinate(CommittorModel model, int atomCount) {
        this.model = model;
        int d = model.features();
        features = new CollectiveVariable[d];
        scale = new double[d];
        for (int j = 0; j < d; j++) {
            String name = CsvTable.nameOf(model.featureNames().get(j));
            try {
                features[j] = CollectiveVariables.parse(name, atomCount).get(0);
            } catch (InputException e) {
                throw new InputException("model feature '" + model.featureNames().get(j)
                        + "' is not a collective variable of this molecule (" + e.getMessage() + ")");
            }
            // features of angles are in degrees, CVs in radians
            scale[j] = "rad".equals(features[j].unit()) ? 180 / Math.PI : 1;
        }
        atoms = Arrays.stream(features).flatMapToInt(f -> Arrays.stream(f.atoms())).distinct().sorted().toArray();
        values = new double[d];
        dqdf = new double[d];
        featureGradient = new double[3 * atomCount];
    }

    @Override
    public String name() {
        return "q";
    }

    /** Dimensionless. */
    @Override
    public String unit() {
        return "";
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public int[] atoms() {
        return atoms.clone();
    }

    @Override
    public synchronized double value(double[] x) {
        for (int j = 0; j < features.length; j++) {
            values[j] = scale[j] * features[j].value(x);
        }
        return model.qAndGradient(values, dqdf);
    }

    @Override
    public synchronized double valueAndGradient(double[] x, double[] grad) {
        for (int j = 0; j < features.length; j++) {
            values[j] = scale[j] * features[j].value(x);
        }
        double q = model.qAndGradient(values, dqdf);
        Arrays.fill(grad, 0.0);
        for (int j = 0; j < features.length; j++) {
            features[j].valueAndGradient(x, featureGradient);
            double c = dqdf[j] * scale[j];
            for (int a : features[j].atoms()) {
                grad[3 * a] += c * featureGradient[3 * a];
                grad[3 * a + 1] += c * featureGradient[3 * a + 1];
                grad[3 * a + 2] += c * featureGradient[3 * a + 2];
            }
        }
        return q;
    }
}

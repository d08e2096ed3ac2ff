package io.github.mdxai.learn;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.cv.LinearCombination;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

import java.nio.file.Path;
import java.util.List;

/**
 * A logistic committor model in a few features: p_B = sigmoid(b0 + sum_j b_j x_j), fitted by maximum binomial
 * likelihood (with a unit Gaussian prior on the slopes of the standardized features) (n_B of n_A + n_B shots per configuration when the counts are given, else p_B with weight 1) by
 * Newton-Raphson (IRLS). Its p_B = 1/2 surface b0 + b.x = 0 is a dividing surface in those features; as
 * q = (b0 + b.x) / 2 it is on the scale of the network's q (p_B = (1 + tanh q) / 2), so a restraint of the same
 * force constant holds both surfaces equally tightly in predicted p_B.
 */
public record LogisticLine(List<String> features, double intercept, double[] slopes, int iterations) {

    /** Fits the columns {@code features} of a table with pB (and nA, nB if present). */
    public static LogisticLine fit(Path csv, List<String> features) {
        CsvTable table = CsvTable.read(csv);
        double[][] x = CommittorData.featureMatrix(table, features);
        double[] pB = table.column("pB");
        double[] n = new double[pB.length];
        boolean counts = table.hasColumn("nA") && table.hasColumn("nB");
        double[] nA = counts ? table.column("nA") : null;
        double[] nB = counts ? table.column("nB") : null;
        double[] y = new double[pB.length];
        for (int r = 0; r < y.length; r++) {
            n[r] = counts ? nA[r] + nB[r] : (Double.isNaN(pB[r]) ? 0 : 1);
            y[r] = n[r] > 0 ? (counts ? nB[r] / n[r] : pB[r]) : 0;
        }
        return fit(features, x, y, n);
    }

    /** Fits observed fractions y (of n trials each; rows with n = 0 are ignored). */
    public static LogisticLine fit(List<String> features, double[][] x, double[] y, double[] n) {
        int d = features.size();
        int rows = x.length;
        // standardized features keep Newton's steps well scaled; the coefficients are mapped back at the end
        double[] mean = new double[d];
        double[] std = new double[d];
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += n[r];
            for (int j = 0; j < d; j++) {
                mean[j] += n[r] * x[r][j];
            }
        }
        InputException.require(total > 0, "logistic fit: no configuration has a decided shot");
        for (int j = 0; j < d; j++) {
            mean[j] /= total;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                std[j] += n[r] * (x[r][j] - mean[j]) * (x[r][j] - mean[j]) / total;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j]);
            InputException.require(std[j] > 0, "logistic fit: feature " + features.get(j) + " is constant");
        }
        double[] beta = new double[d + 1];
        int iteration = 0;
        for (; iteration < 100; iteration++) {
            RealMatrix hessian = new Array2DRowRealMatrix(d + 1, d + 1);
            RealVector gradient = new ArrayRealVector(d + 1);
            double[] z = new double[d + 1];
            z[0] = 1;
            for (int r = 0; r < rows; r++) {
                if (n[r] <= 0) {
                    continue;
                }
                double eta = beta[0];
                for (int j = 0; j < d; j++) {
                    z[j + 1] = (x[r][j] - mean[j]) / std[j];
                    eta += beta[j + 1] * z[j + 1];
                }
                double p = 1 / (1 + Math.exp(-eta));
                double w = n[r] * p * (1 - p);
                for (int a = 0; a <= d; a++) {
                    gradient.addToEntry(a, n[r] * (y[r] - p) * z[a]);
                    for (int b = 0; b <= d; b++) {
                        hessian.addToEntry(a, b, w * z[a] * z[b]);
                    }
                }
            }
            // a unit Gaussian prior on the standardized slopes keeps separable data (few configurations, few shots)
            // from driving them to infinity, which would make the surface restraint an arbitrarily stiff spring;
            // against thousands of shots it is negligible
            for (int a = 1; a <= d; a++) {
                gradient.addToEntry(a, -beta[a]);
                hessian.addToEntry(a, a, 1);
            }
            hessian.addToEntry(0, 0, 1e-9 * total);
            RealVector step = new LUDecomposition(hessian).getSolver().solve(gradient);
            for (int a = 0; a <= d; a++) {
                beta[a] += step.getEntry(a);
            }
            if (step.getNorm() < 1e-10) {
                break;
            }
        }
        double[] slopes = new double[d];
        double intercept = beta[0];
        for (int j = 0; j < d; j++) {
            slopes[j] = beta[j + 1] / std[j];
            intercept -= slopes[j] * mean[j];
        }
        return new LogisticLine(List.copyOf(features), intercept, slopes, iteration + 1);
    }

    /** p_B of a feature row. */
    public double pB(double[] row) {
        double eta = intercept;
        for (int j = 0; j < slopes.length; j++) {
            eta += slopes[j] * row[j];
        }
        return 1 / (1 + Math.exp(-eta));
    }

    /**
     * q = (b.x) / 2 over the features as CVs, named "q_logistic", dimensionless; its dividing value is
     * {@link #dividingValue()}.
     */
    public CollectiveVariable coordinate(int atomCount) {
        CollectiveVariable[] cvs = new CollectiveVariable[features.size()];
        double[] half = new double[cvs.length];
        for (int j = 0; j < cvs.length; j++) {
            cvs[j] = CollectiveVariables.parse(CsvTable.nameOf(features.get(j)), atomCount).get(0);
            InputException.require("nm".equals(cvs[j].unit()), "logistic line: feature " + features.get(j)
                    + " is not a distance; the logistic coordinate takes distances");
            half[j] = 0.5 * slopes[j];
        }
        return new LinearCombination("q_logistic", "", cvs, half);
    }

    /** The value of {@link #coordinate} on the p_B = 1/2 surface: -b0 / 2. */
    public double dividingValue() {
        return -0.5 * intercept;
    }

    @Override
    public double[] slopes() {
        return slopes.clone();
    }
}

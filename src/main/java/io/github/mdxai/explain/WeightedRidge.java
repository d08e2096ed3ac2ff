package io.github.mdxai.explain;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Ridge regression with sample weights and an unpenalized intercept, as scikit-learn's {@code Ridge(alpha)} with
 * {@code sample_weight}: minimizes sum_s w_s (y_s - b - x_s.beta)^2 + alpha |beta|^2. Solved by centring on the
 * weighted means and a Cholesky factorization of X'WX + alpha I (commons-math).
 */
public final class WeightedRidge {

    /** Coefficients, intercept and the weighted R^2 on the fitted samples (scikit-learn's {@code score}). */
    public record Fit(double[] coefficients, double intercept, double r2) {
        public double predict(double[] x) {
            double v = intercept;
            for (int j = 0; j < x.length; j++) {
                v += coefficients[j] * x[j];
            }
            return v;
        }
    }

    private WeightedRidge() {
    }

    /**
     * @param columns the design matrix column-major: columns[j][s] is feature j of sample s
     */
    public static Fit fit(double[][] columns, double[] y, double[] w, double alpha) {
        int d = columns.length;
        int n = y.length;
        double wSum = 0;
        double yMean = 0;
        for (int s = 0; s < n; s++) {
            wSum += w[s];
            yMean += w[s] * y[s];
        }
        yMean /= wSum;
        double[] sqrtW = new double[n];
        double[] yc = new double[n];
        for (int s = 0; s < n; s++) {
            sqrtW[s] = Math.sqrt(w[s]);
            yc[s] = sqrtW[s] * (y[s] - yMean);
        }
        double[] xMean = new double[d];
        double[][] xc = new double[d][n];
        for (int j = 0; j < d; j++) {
            double[] col = columns[j];
            double m = 0;
            for (int s = 0; s < n; s++) {
                m += w[s] * col[s];
            }
            m /= wSum;
            xMean[j] = m;
            double[] c = xc[j];
            for (int s = 0; s < n; s++) {
                c[s] = sqrtW[s] * (col[s] - m);
            }
        }
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int j = 0; j < d; j++) {
            double[] cj = xc[j];
            for (int k = j; k < d; k++) {
                double[] ck = xc[k];
                double dot = 0;
                for (int s = 0; s < n; s++) {
                    dot += cj[s] * ck[s];
                }
                a[j][k] = dot;
                a[k][j] = dot;
            }
            a[j][j] += alpha;
            double dot = 0;
            for (int s = 0; s < n; s++) {
                dot += cj[s] * yc[s];
            }
            b[j] = dot;
        }
        RealVector beta = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-12, 1e-14)
                .getSolver().solve(new ArrayRealVector(b, false));
        double[] coefficients = beta.toArray();
        double intercept = yMean;
        for (int j = 0; j < d; j++) {
            intercept -= coefficients[j] * xMean[j];
        }
        double[] prediction = new double[n];
        java.util.Arrays.fill(prediction, intercept);
        for (int j = 0; j < d; j++) {
            double cj = coefficients[j];
            double[] col = columns[j];
            for (int s = 0; s < n; s++) {
                prediction[s] += cj * col[s];
            }
        }
        double residual = 0;
        double total = 0;
        for (int s = 0; s < n; s++) {
            residual += w[s] * (y[s] - prediction[s]) * (y[s] - prediction[s]);
            total += w[s] * (y[s] - yMean) * (y[s] - yMean);
        }
        double r2 = total > 0 ? 1 - residual / total : (residual == 0 ? 1 : 0);
        return new Fit(coefficients, intercept, r2);
    }
}

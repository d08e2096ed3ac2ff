package io.github.mdxai.learn;

/** Per-feature mean and standard deviation from the training rows; the network sees z = (x - mean) / std. */
public final class Standardization {

    private final double[] mean;
    private final double[] std;

    public Standardization(double[] mean, double[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std differ in length");
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Statistics of the given rows; a constant column gets std 1 so that it maps to zero rather than NaN. */
    public static Standardization fit(double[][] x, int[] rows) {
        int d = x[rows[0]].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[r][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                double dv = x[r][j] - mean[j];
                std[j] += dv * dv;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j] / rows.length);
            if (!(std[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) {
                std[j] = 1;
            }
        }
        return new Standardization(mean, std);
    }

    public int features() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        return std.clone();
    }

    public double mean(int j) {
        return mean[j];
    }

    public double std(int j) {
        return std[j];
    }

    /** Standardized copies of the given rows. */
    public double[][] apply(double[][] x, int[] rows) {
        double[][] z = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            z[i] = apply(x[rows[i]]);
        }
        return z;
    }

    /** Standardized copies of all rows. */
    public double[][] apply(double[][] x) {
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            z[i] = apply(x[i]);
        }
        return z;
    }

    /** A standardized copy of one row. */
    public double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / std[j];
        }
        return z;
    }
}

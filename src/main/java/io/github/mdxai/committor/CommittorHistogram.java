package io.github.mdxai.committor;

import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.apache.commons.math3.distribution.BinomialDistribution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committor histogram of configurations on a dividing surface (Geissler, Dellago and Chandler 1999): the p_B
 * values binned over [0, 1], their mean, sample standard deviation and fraction in [0.4, 0.6], and the reference a
 * perfect reaction coordinate would give with {@code shots} shots per configuration: every p_B exactly 1/2, so the
 * measured values spread only by binomial noise, standard deviation sqrt(1 / (4 shots)), with the histogram of
 * Binomial(shots, 1/2) / shots. Configurations where no shot committed (p_B NaN) are left out and counted.
 */
public record CommittorHistogram(String label, int shots, double[] pB, int undetermined, int[] counts,
                                 double[] binomialFraction) {

    public static final int BINS = 20;

    public static CommittorHistogram of(String label, double[] measured, int shots) {
        InputException.require(shots >= 1, "shots: expected >= 1, got " + shots);
        List<Double> kept = new ArrayList<>();
        int undetermined = 0;
        for (double p : measured) {
            if (Double.isNaN(p)) {
                undetermined++;
            } else {
                kept.add(p);
            }
        }
        double[] pB = kept.stream().mapToDouble(Double::doubleValue).toArray();
        int[] counts = new int[BINS];
        for (double p : pB) {
            counts[bin(p)]++;
        }
        double[] binomial = new double[BINS];
        BinomialDistribution reference = new BinomialDistribution(null, shots, 0.5);
        for (int k = 0; k <= shots; k++) {
            binomial[bin((double) k / shots)] += reference.probability(k);
        }
        return new CommittorHistogram(label, shots, pB, undetermined, counts, binomial);
    }

    /** The p_B column of a committors.csv written by {@link CommittorRun}. */
    public static CommittorHistogram read(String label, Path committors, int shots) {
        return of(label, CsvTable.read(committors).column("pB"), shots);
    }

    /** Bin of width 1/BINS; p_B = 1 falls in the last bin. */
    static int bin(double p) {
        return Math.min(BINS - 1, Math.max(0, (int) Math.floor(p * BINS)));
    }

    public int n() {
        return pB.length;
    }

    public double mean() {
        double s = 0;
        for (double p : pB) {
            s += p;
        }
        return pB.length == 0 ? Double.NaN : s / pB.length;
    }

    /** Sample standard deviation (n - 1). */
    public double std() {
        if (pB.length < 2) {
            return Double.NaN;
        }
        double m = mean();
        double s = 0;
        for (double p : pB) {
            s += (p - m) * (p - m);
        }
        return Math.sqrt(s / (pB.length - 1));
    }

    /** Fraction of configurations with 0.4 <= p_B <= 0.6. */
    public double fractionInMiddle() {
        int inside = 0;
        for (double p : pB) {
            if (p >= 0.4 && p <= 0.6) {
                inside++;
            }
        }
        return pB.length == 0 ? Double.NaN : (double) inside / pB.length;
    }

    /** sqrt(1 / (4 shots)): the spread of measured p_B if every configuration had p_B = 1/2 exactly. */
    public double binomialStd() {
        return Math.sqrt(1.0 / (4 * shots));
    }

    /** Fraction of configurations per bin. */
    public double[] fractions() {
        double[] f = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            f[b] = pB.length == 0 ? 0 : (double) counts[b] / pB.length;
        }
        return f;
    }

    /** The summary as Study A's committor_test entries: n, mean, std, fraction_in_0.4_0.6, binomial_std, shots. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n());
        m.put("mean", mean());
        m.put("std", std());
        m.put("fraction_in_0.4_0.6", fractionInMiddle());
        m.put("binomial_std", binomialStd());
        m.put("shots", shots);
        m.put("undetermined", undetermined);
        return m;
    }

    /** pB_low,pB_high,configurations,fraction,fraction_if_all_pB_half (p_B is dimensionless). */
    public void writeCsv(Path file) {
        List<double[]> rows = new ArrayList<>();
        double[] f = fractions();
        for (int b = 0; b < BINS; b++) {
            rows.add(new double[]{(double) b / BINS, (double) (b + 1) / BINS, counts[b], f[b], binomialFraction[b]});
        }
        CsvTable.write(file, List.of("pB_low", "pB_high", "configurations", "fraction", "fraction_if_all_pB_half"), rows);
    }

    @Override
    public double[] pB() {
        return pB.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public double[] binomialFraction() {
        return binomialFraction.clone();
    }
}

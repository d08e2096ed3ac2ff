package io.github.mdxai.learn;

import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Rng;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A committor dataset whose true p_B depends on two known distance columns only:
 * q = 1.6 z(r6-10) - 1.1 z(r6-11) with z the column standardized by its generating mean and spread, and the
 * measured p_B a binomial estimate from {@code shots} shots. The other columns are noise distances.
 */
public final class SyntheticCommittorData {

    public static final String FIRST = "r6-10_nm";
    public static final String SECOND = "r6-11_nm";

    private SyntheticCommittorData() {
    }

    /** Column names: r{i}-{j}_nm for the first pairs, with the two informative ones at positions 3 and 7 (if d > 7). */
    public static List<String> names(int features) {
        List<String> names = new ArrayList<>();
        for (int i = 1; names.size() < features; i++) {
            for (int j = i + 2; j <= 22 && names.size() < features; j++) {
                String n = "r" + i + "-" + j + "_nm";
                if (!n.equals(FIRST) && !n.equals(SECOND)) {
                    names.add(n);
                }
            }
        }
        names.set(Math.min(3, features - 2), FIRST);
        names.set(Math.min(7, features - 1), SECOND);
        return names;
    }

    /** Writes rows x features (plus config, nA, nB, pB) to a CSV file. */
    public static Path write(Path file, int rows, int features, int shots, long seed) {
        List<String> names = names(features);
        int a = names.indexOf(FIRST);
        int b = names.indexOf(SECOND);
        List<String> header = new ArrayList<>(List.of("config", "nA", "nB", "pB"));
        header.addAll(names);
        List<double[]> data = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            SplittableRandom rnd = Rng.stream(seed, "synthetic-committor", r);
            double[] row = new double[4 + features];
            row[0] = r;
            for (int j = 0; j < features; j++) {
                double mean = 0.3 + 0.05 * (j % 7);
                double spread = 0.02 + 0.01 * (j % 3);
                row[4 + j] = mean + spread * Rng.gaussian(rnd);
            }
            double za = (row[4 + a] - (0.3 + 0.05 * (a % 7))) / (0.02 + 0.01 * (a % 3));
            double zb = (row[4 + b] - (0.3 + 0.05 * (b % 7))) / (0.02 + 0.01 * (b % 3));
            double q = 1.6 * za - 1.1 * zb;
            double p = 0.5 * (1 + Math.tanh(q));
            int nB = 0;
            for (int s = 0; s < shots; s++) {
                if (rnd.nextDouble() < p) {
                    nB++;
                }
            }
            row[1] = shots - nB;
            row[2] = nB;
            row[3] = (double) nB / shots;
            data.add(row);
        }
        CsvTable.write(file, header, data);
        return file;
    }
}

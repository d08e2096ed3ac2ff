package io.github.mdxai.learn;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Rng;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Rows assigned to training, validation and test by configuration: the configurations are shuffled with the seed and
 * cut at the given fractions, so all rows of one configuration land in the same part.
 */
public record Split(int[] train, int[] validation, int[] test) {

    public static final double TRAIN_FRACTION = 0.7;
    public static final double VALIDATION_FRACTION = 0.15;

    /** Splits rows by their group label, 70 / 15 / 15 by configuration. */
    public static Split byGroup(String[] groups, long seed) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int r = 0; r < groups.length; r++) {
            byGroup.computeIfAbsent(groups[r], k -> new ArrayList<>()).add(r);
        }
        List<List<Integer>> parts = new ArrayList<>(byGroup.values());
        if (parts.size() < 3) {
            throw new InputException("the dataset has " + parts.size()
                    + " configuration(s); at least 3 are needed for training, validation and test");
        }
        SplittableRandom rnd = Rng.stream(seed, "split");
        for (int i = parts.size() - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            List<Integer> t = parts.get(i);
            parts.set(i, parts.get(k));
            parts.set(k, t);
        }
        int n = parts.size();
        int nTrain = Math.max(1, (int) Math.round(TRAIN_FRACTION * n));
        int nValidation = Math.max(1, (int) Math.round(VALIDATION_FRACTION * n));
        if (nTrain + nValidation >= n) {
            nTrain = n - 2;
            nValidation = 1;
        }
        return new Split(rows(parts.subList(0, nTrain)), rows(parts.subList(nTrain, nTrain + nValidation)),
                rows(parts.subList(nTrain + nValidation, n)));
    }

    private static int[] rows(List<List<Integer>> groups) {
        return groups.stream().flatMap(List::stream).mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Every row, in order. */
    public int[] all() {
        int n = train.length + validation.length + test.length;
        int[] rows = new int[n];
        for (int r = 0; r < n; r++) {
            rows[r] = r;
        }
        return rows;
    }
}

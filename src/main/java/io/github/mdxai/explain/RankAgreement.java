package io.github.mdxai.explain;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How much two importance rankings agree on what matters: Spearman's rank correlation of the two methods'
 * importances over the union of their top-k features, and how many features the two top-k lists share.
 */
public final class RankAgreement {

    private RankAgreement() {
    }

    public record Agreement(String methodA, String methodB, int k, double spearman, int shared) {
    }

    public static Agreement of(Importance a, Importance b, int k) {
        if (!a.features().equals(b.features())) {
            throw new IllegalArgumentException("importances over different features");
        }
        List<String> topA = a.top(k);
        List<String> topB = b.top(k);
        Set<String> union = new LinkedHashSet<>(topA);
        union.addAll(topB);
        int shared = (int) topA.stream().filter(topB::contains).count();
        double[] va = new double[union.size()];
        double[] vb = new double[union.size()];
        double[] allA = a.values();
        double[] allB = b.values();
        int i = 0;
        for (String f : union) {
            int j = a.features().indexOf(f);
            va[i] = allA[j];
            vb[i] = allB[j];
            i++;
        }
        double rho = union.size() >= 2 ? new SpearmansCorrelation().correlation(va, vb) : Double.NaN;
        return new Agreement(a.method(), b.method(), Math.min(k, a.features().size()), rho, shared);
    }
}

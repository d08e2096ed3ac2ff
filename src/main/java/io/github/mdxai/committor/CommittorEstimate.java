package io.github.mdxai.committor;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The shooting result of one configuration: shots that entered A first, B first, or neither within t_max, and the
 * mean time (ps) to enter a state over the committed shots (NaN if none committed). p_B = n_B / (n_A + n_B), with
 * the Wilson score 95% interval; both NaN/[0, 1] when no shot committed.
 */
public record CommittorEstimate(int nA, int nB, int undecided, double meanCommitTime) {

    public static final double CONFIDENCE = 0.95;

    public int committed() {
        return nA + nB;
    }

    public double pB() {
        return committed() == 0 ? Double.NaN : (double) nB / committed();
    }

    /** Wilson score interval {low, high} at 95%; {0, 1} when no shot committed. */
    public double[] wilson() {
        if (committed() == 0) {
            return new double[]{0, 1};
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(committed(), nB, CONFIDENCE);
        // when all shots agree the exact bound is 0 or 1; the formula misses it by rounding
        return new double[]{nB == 0 ? 0 : ci.getLowerBound(), nA == 0 ? 1 : ci.getUpperBound()};
    }
}

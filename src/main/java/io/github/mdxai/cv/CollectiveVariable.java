package io.github.mdxai.cv;

/**
 * A function s(x) of the positions (interleaved xyz, nm) with its gradient. Dihedrals and angles are in radians,
 * distances in nm; interfaces convert to degrees. Implementations are immutable and thread-safe.
 */
public interface CollectiveVariable {

    /** Short name for headers and files, e.g. "phi" or "r6-10". */
    String name();

    /** Unit of {@link #value}: "rad" or "nm". */
    String unit();

    /** True for dihedrals: the value lives on (-pi, pi] with period 2 pi. */
    boolean periodic();

    double value(double[] x);

    /**
     * Returns s(x) and overwrites {@code grad} (length of x) with ds/dx: zero except at the atoms involved.
     */
    double valueAndGradient(double[] x, double[] grad);

    /** 0-based indices of the atoms this variable depends on. */
    int[] atoms();
}

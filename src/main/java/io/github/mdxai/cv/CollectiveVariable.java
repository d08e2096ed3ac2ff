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

    /** Unit at the interfaces (files, dialogs, state bounds): "deg" for angles, else {@link #unit()}. */
    default String interfaceUnit() {
        return isAngle() ? "deg" : unit();
    }

    /** A value in interface units: degrees for angles, nm for distances. */
    default double toInterface(double value) {
        return isAngle() ? Math.toDegrees(value) : value;
    }

    /** A value in interface units back in {@link #unit()} (degrees to radians for angles). */
    default double fromInterface(double value) {
        return isAngle() ? Math.toRadians(value) : value;
    }

    /**
     * The column header of this variable in every table: name and interface unit, e.g. phi_deg, r6-10_nm; a
     * dimensionless variable (a committor model's q) has no suffix.
     */
    default String column() {
        String unit = interfaceUnit();
        return unit.isEmpty() ? name() : name() + "_" + unit;
    }

    private boolean isAngle() {
        return "rad".equals(unit());
    }
}

package io.github.mdxai.molecules;

/** Potential energy by term (kJ/mol), filled by {@link ForceField#energyAndForces}. */
public final class EnergyTerms {

    /** Column names of {@link #values()}, in the order of the Compute Energy CSV. */
    public static final String[] NAMES = {"bond", "angle", "proper", "improper", "lj14", "coulomb14", "lj", "coulomb"};

    public double bond;
    public double angle;
    public double proper;
    public double improper;
    public double lj14;
    public double coulomb14;
    public double lj;
    public double coulomb;
    /** Sum of the extra {@link ForceTerm}s (bias, restraints). */
    public double extra;

    /** The force-field terms in the order of {@link #NAMES}. */
    public double[] values() {
        return new double[]{bond, angle, proper, improper, lj14, coulomb14, lj, coulomb};
    }

    /** Force-field potential energy, without the extra terms. */
    public double potential() {
        return bond + angle + proper + improper + lj14 + coulomb14 + lj + coulomb;
    }
}

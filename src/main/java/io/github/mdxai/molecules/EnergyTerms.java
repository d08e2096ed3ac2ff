package io.github.mdxai.molecules;

/** Potential energy by term (kJ/mol), filled by {@link ForceField#energyAndForces}. */
public final class EnergyTerms {

    /**
     * Column names of {@link #values()}, in the order of the Compute Energy CSV: the AMBER terms first (as before),
     * then those of the other families, zero where a topology has none. {@code urey_bradley} is the whole energy of
     * angle funct 5 (angle and 1-3 parts, GROMACS' "U-B"); {@code improper} the periodic impropers (funct 4),
     * {@code improper_harmonic} funct 2.
     */
    public static final String[] NAMES = {"bond", "angle", "proper", "improper", "lj14", "coulomb14", "lj", "coulomb",
            "g96_bond", "g96_angle", "urey_bradley", "rb", "fourier", "improper_harmonic", "cmap"};

    public double bond;
    public double angle;
    public double proper;
    public double improper;
    public double lj14;
    public double coulomb14;
    public double lj;
    public double coulomb;
    public double g96Bond;
    public double g96Angle;
    public double ureyBradley;
    public double rb;
    public double fourier;
    public double improperHarmonic;
    public double cmap;
    /** Sum of the extra {@link ForceTerm}s (bias, restraints). */
    public double extra;

    /** The force-field terms in the order of {@link #NAMES}. */
    public double[] values() {
        return new double[]{bond, angle, proper, improper, lj14, coulomb14, lj, coulomb, g96Bond, g96Angle, ureyBradley, rb,
                fourier, improperHarmonic, cmap};
    }

    /** Force-field potential energy, without the extra terms. */
    public double potential() {
        return bond + angle + proper + improper + lj14 + coulomb14 + lj + coulomb
                + g96Bond + g96Angle + ureyBradley + rb + fourier + improperHarmonic + cmap;
    }
}

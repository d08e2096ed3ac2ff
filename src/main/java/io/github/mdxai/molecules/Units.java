package io.github.mdxai.molecules;

/** Physical constants in GROMACS units. */
public final class Units {

    /** Boltzmann constant k_B in kJ/mol/K (GROMACS 2022: R / 1000, CODATA 2018). */
    public static final double BOLTZMANN = 0.0083144626181532;

    private Units() {
    }
}

package io.github.mdxai.molecules;

/**
 * Ryckaert-Bellemans torsions V = sum_{n=0..5} C_n cos^n(psi), psi = phi - 180 deg (polymer convention), GROMACS
 * dihedral funct 3; Fourier torsions (funct 5) are held in the same form after GROMACS' conversion. {@code c} holds
 * the six coefficients (kJ/mol) of torsion t at {@code [6 t .. 6 t + 5]}. Arrays are shared, not copied: read only.
 */
public record RbTorsions(int[] i, int[] j, int[] k, int[] l, double[] c) {

    public static final RbTorsions NONE = new RbTorsions(new int[0], new int[0], new int[0], new int[0], new double[0]);

    public int size() {
        return i.length;
    }

    /**
     * RB coefficients of a Fourier dihedral V = 1/2 [F1 (1 + cos phi) + F2 (1 - cos 2 phi) + F3 (1 + cos 3 phi)
     * + F4 (1 - cos 4 phi)] (GROMACS manual, "Fourier dihedrals").
     */
    public static double[] fromFourier(double f1, double f2, double f3, double f4) {
        return new double[]{f2 + 0.5 * (f1 + f3), 0.5 * (-f1 + 3 * f3), -f2 + 4 * f4, -2 * f3, -4 * f4, 0};
    }
}

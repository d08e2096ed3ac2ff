package io.github.mdxai.molecules;

/**
 * Harmonic (improper) dihedrals V = k/2 (xi - xi0)^2 with xi - xi0 taken into [-pi, pi), GROMACS dihedral funct 2.
 * xi0 in radians, k in kJ/mol/rad^2. Arrays are shared, not copied: read only.
 */
public record HarmonicTorsions(int[] i, int[] j, int[] k, int[] l, double[] xi0, double[] force) {

    public static final HarmonicTorsions NONE = new HarmonicTorsions(new int[0], new int[0], new int[0], new int[0],
            new double[0], new double[0]);

    public int size() {
        return i.length;
    }
}

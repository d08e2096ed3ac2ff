package io.github.mdxai.molecules;

/**
 * Harmonic position restraints of a topology (GROMACS [ position_restraints ] funct 1): force constants per axis in
 * kJ/mol/nm^2. They are not part of {@link ForceField#of}; {@link #term} makes the restraint to given reference
 * positions, which {@link ForceField#plus} adds when a run asks for it. Arrays are shared: read only.
 */
public record PositionRestraints(int[] atom, double[] kx, double[] ky, double[] kz) {

    public static final PositionRestraints NONE = new PositionRestraints(new int[0], new double[0], new double[0],
            new double[0]);

    public int size() {
        return atom.length;
    }

    /** V = sum over restrained atoms and axes d of k_d/2 (x_d - ref_d)^2; ref is an interleaved xyz array (nm). */
    public ForceTerm term(double[] reference) {
        double[] ref = reference.clone();
        return (x, f) -> {
            double e = 0;
            for (int r = 0; r < atom.length; r++) {
                int a = 3 * atom[r];
                double dx = x[a] - ref[a], dy = x[a + 1] - ref[a + 1], dz = x[a + 2] - ref[a + 2];
                e += 0.5 * (kx[r] * dx * dx + ky[r] * dy * dy + kz[r] * dz * dz);
                f[a] -= kx[r] * dx;
                f[a + 1] -= ky[r] * dy;
                f[a + 2] -= kz[r] * dz;
            }
            return e;
        };
    }
}

package io.github.mdxai.molecules;

import java.util.List;

/**
 * CHARMM correction maps (GROMACS [ cmap ] funct 1): the energy of the torsion pair phi = (i, j, k, l),
 * psi = (j, k, l, m) interpolated on a periodic grid. Grid {@code grids.get(grid[t])} of torsion pair t.
 * Arrays are shared, not copied: read only.
 */
public record CmapTorsions(int[] i, int[] j, int[] k, int[] l, int[] m, int[] grid, List<Grid> grids) {

    public static final CmapTorsions NONE = new CmapTorsions(new int[0], new int[0], new int[0], new int[0], new int[0],
            new int[0], List.of());

    /**
     * A map of {@code spacing x spacing} energies (kJ/mol) at phi, psi = -180 + 360 a / spacing deg, stored with phi
     * major: {@code values[a * spacing + b]} (the order of [ cmaptypes ]).
     */
    public record Grid(int spacing, double[] values) {
    }

    public int size() {
        return i.length;
    }
}

package io.github.mdxai.features;

import io.github.mdxai.cv.Dihedral;
import io.github.mdxai.cv.Distance;
import io.github.mdxai.molecules.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pair-distance features (mdtraj style: values plus the names they belong to), the one definition that
 * metadynamics (COLVAR columns), the training table, the PMF and the network share: every pair i &lt; j that is not
 * bonded in the topology, in nm (210 for alanine dipeptide: 231 pairs minus 21 bonds), as columns named like the
 * distance CV with its unit, {@code r{i}-{j}_nm} with 1-based atom numbers ({@link Distance#column()}). For alanine
 * dipeptide the dihedrals phi, psi and theta follow ({@code phi_deg}, {@code psi_deg}, {@code theta_deg}).
 */
public final class DistanceFeatures {

    private final int[] first;
    private final int[] second;
    private final Dihedral[] dihedrals;
    private final List<String> names;

    public DistanceFeatures(Topology top) {
        int n = top.atomCount();
        boolean[] bonded = new boolean[n * n];
        Topology.Bonds bonds = top.bonds();
        for (int b = 0; b < bonds.size(); b++) {
            bonded[bonds.i(b) * n + bonds.j(b)] = true;
            bonded[bonds.j(b) * n + bonds.i(b)] = true;
        }
        int[] fi = new int[n * (n - 1) / 2], fj = new int[fi.length];
        List<String> names = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!bonded[i * n + j]) {
                    fi[count] = i;
                    fj[count] = j;
                    names.add(new Distance(i, j).column());
                    count++;
                }
            }
        }
        first = Arrays.copyOf(fi, count);
        second = Arrays.copyOf(fj, count);
        dihedrals = isAlanineDipeptide(top) ? new Dihedral[]{Dihedral.phi(), Dihedral.psi(), Dihedral.theta()} : new Dihedral[0];
        for (Dihedral d : dihedrals) {
            names.add(d.column());
        }
        this.names = List.copyOf(names);
    }

    /** ACE-ALA-NME in the order pdb2gmx writes it, where phi/psi/theta's atom numbers hold. */
    static boolean isAlanineDipeptide(Topology top) {
        if (top.atomCount() != 22) {
            return false;
        }
        String[] expected = {"C", "O", "N", null, "CA", null, null, null, null, null, "C", null, "N"};
        for (int k = 0; k < expected.length; k++) {
            if (expected[k] != null && !expected[k].equals(top.atomName(4 + k))) {
                return false;
            }
        }
        return true;
    }

    /** Column names with units: the distances, then phi, psi, theta where they apply. */
    public List<String> names() {
        return names;
    }

    /** Number of distance columns: the first {@code distanceCount()} of {@link #names()} and of the values. */
    public int distanceCount() {
        return first.length;
    }

    /** 0-based atoms of distance column {@code k}. */
    public int[] pair(int k) {
        return new int[]{first[k], second[k]};
    }

    /** Fills {@code out} (length {@code names().size()}) with the features of positions x (nm). */
    public void compute(double[] x, double[] out) {
        for (int k = 0; k < first.length; k++) {
            int a = 3 * first[k], b = 3 * second[k];
            double dx = x[a] - x[b], dy = x[a + 1] - x[b + 1], dz = x[a + 2] - x[b + 2];
            out[k] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        for (int d = 0; d < dihedrals.length; d++) {
            out[first.length + d] = dihedrals[d].toInterface(dihedrals[d].value(x));
        }
    }

    /** The features of positions x as a new array. */
    public double[] compute(double[] x) {
        double[] out = new double[names.size()];
        compute(x, out);
        return out;
    }
}

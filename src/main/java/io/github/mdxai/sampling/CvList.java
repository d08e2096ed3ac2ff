package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.InputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CV lists as users type them ("phi psi", "phi,r6-10") and the interface units of CV values: angles and
 * dihedrals in degrees, distances in nm.
 */
public final class CvList {

    private CvList() {
    }

    /**
     * Parses a list separated by spaces or commas with {@link CollectiveVariables#parse}; an empty list and
     * duplicates are errors here.
     */
    public static CollectiveVariable[] parse(String spec, int atomCount) {
        List<CollectiveVariable> cvs = CollectiveVariables.parse(spec, atomCount);
        InputException.require(!cvs.isEmpty(), "cvs: expected names such as 'phi psi' or 'r6-10'");
        Set<String> seen = new LinkedHashSet<>();
        for (CollectiveVariable cv : cvs) {
            InputException.require(seen.add(cv.name()), "cvs: '" + cv.name() + "' appears twice");
        }
        return cvs.toArray(new CollectiveVariable[0]);
    }

    /** The CV value in interface units: degrees for angles and dihedrals, nm for distances. */
    public static double toInterface(CollectiveVariable cv, double value) {
        return isAngle(cv) ? Math.toDegrees(value) : value;
    }

    /** A value in interface units back in the CV's own unit (degrees to radians for angles). */
    public static double fromInterface(CollectiveVariable cv, double value) {
        return isAngle(cv) ? Math.toRadians(value) : value;
    }

    /** Interface unit of a CV: "deg" or "nm". */
    public static String interfaceUnit(CollectiveVariable cv) {
        return isAngle(cv) ? "deg" : cv.unit();
    }

    private static boolean isAngle(CollectiveVariable cv) {
        return "rad".equals(cv.unit());
    }

    /** Column header of a CV, e.g. phi_deg, r6-10_nm; a dimensionless CV (a model's q) has no suffix. */
    public static String column(CollectiveVariable cv) {
        String unit = interfaceUnit(cv);
        return unit.isEmpty() ? cv.name() : cv.name() + "_" + unit;
    }

    /**
     * Every atom pair not joined by a bond of the topology, i &lt; j (0-based), as {i, j} rows: 210 pairs for
     * alanine dipeptide (22 atoms, 21 bonds). Named r(i+1)-(j+1).
     */
    public static int[][] nonBondedPairs(Topology top) {
        int n = top.atomCount();
        boolean[] bonded = new boolean[n * n];
        Topology.Bonds b = top.bonds();
        for (int k = 0; k < b.size(); k++) {
            bonded[b.i(k) * n + b.j(k)] = true;
            bonded[b.j(k) * n + b.i(k)] = true;
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!bonded[i * n + j]) {
                    pairs.add(new int[]{i, j});
                }
            }
        }
        return pairs.toArray(new int[0][]);
    }
}

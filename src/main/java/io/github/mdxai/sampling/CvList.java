package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.Dihedral;
import io.github.mdxai.cv.Distance;
import io.github.mdxai.md.Topology;
import io.github.mdxai.util.InputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CV names as users type them ("phi psi", "phi,r6-10") and the interface units of CV values: dihedrals in degrees,
 * distances in nm. Names: phi, psi, theta (alanine dipeptide dihedrals) and rI-J (distance of 1-based atoms I, J).
 */
public final class CvList {

    private CvList() {
    }

    /** Parses a list separated by spaces or commas; duplicates and unknown names are errors. */
    public static CollectiveVariable[] parse(String spec, int atomCount) {
        InputException.require(spec != null && !spec.isBlank(), "cvs: expected names such as 'phi psi' or 'r6-10'");
        Set<String> seen = new LinkedHashSet<>();
        List<CollectiveVariable> out = new ArrayList<>();
        for (String name : spec.strip().split("[\\s,;]+")) {
            InputException.require(seen.add(name), "cvs: '" + name + "' appears twice");
            out.add(one(name, atomCount));
        }
        return out.toArray(new CollectiveVariable[0]);
    }

    private static CollectiveVariable one(String name, int atomCount) {
        CollectiveVariable cv = switch (name) {
            case "phi" -> Dihedral.phi();
            case "psi" -> Dihedral.psi();
            case "theta" -> Dihedral.theta();
            default -> null;
        };
        if (cv == null && name.matches("r\\d+-\\d+")) {
            String[] ij = name.substring(1).split("-");
            int i = Integer.parseInt(ij[0]) - 1;
            int j = Integer.parseInt(ij[1]) - 1;
            InputException.require(i >= 0 && j >= 0 && i < atomCount && j < atomCount && i != j,
                    "cvs: " + name + " needs two different atoms in 1.." + atomCount);
            cv = new Distance(i, j);
        }
        InputException.require(cv != null, "cvs: unknown CV '" + name + "'; expected phi, psi, theta or rI-J (1-based atoms)");
        for (int a : cv.atoms()) {
            InputException.require(a < atomCount, "cvs: " + name + " needs atom " + (a + 1) + " but the system has " + atomCount);
        }
        return cv;
    }

    /** The CV value in interface units: degrees for periodic (dihedral) CVs, the CV's own unit otherwise. */
    public static double toInterface(CollectiveVariable cv, double value) {
        return cv.periodic() ? Math.toDegrees(value) : value;
    }

    /** Interface unit of a CV: "deg" or "nm". */
    public static String interfaceUnit(CollectiveVariable cv) {
        return cv.periodic() ? "deg" : cv.unit();
    }

    /** Column header of a CV, e.g. phi_deg, r6-10_nm. */
    public static String column(CollectiveVariable cv) {
        return cv.name() + "_" + interfaceUnit(cv);
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

package io.github.mdxai.io;

import io.github.mdxai.io.TopologyTables.AtomType;
import io.github.mdxai.io.TopologyTables.CmapType;
import io.github.mdxai.io.TopologyTables.Interaction;
import io.github.mdxai.io.TopologyTables.MoleculeType;
import io.github.mdxai.io.TopologyTables.PairParameters;
import io.github.mdxai.io.TopologyTables.TypeEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parameters of an interaction line as grompp resolves them: the line's own numbers, else the type tables by the
 * atoms' bond types (dihedrals with wildcards, cmap by its five types), and the Lennard-Jones coefficients by the
 * combination rule.
 */
final class TopologyTypes {

    private final TopologyTables tables;

    TopologyTypes(TopologyTables tables) {
        this.tables = tables;
    }

    /** The line's parameters, else those of the [ bondtypes ]-like table entry of the same function type. */
    double[] params(Map<String, TypeEntry> table, String directive, MoleculeType m, Interaction it) {
        if (it.params().length > 0) {
            return it.params();
        }
        TypeEntry e = table.get(bondTypeKey(m, it.atoms()));
        if (e == null) {
            throw it.line().error("no [ " + directive + " ] entry for " + bondTypesOf(m, it.atoms()));
        }
        if (e.funct() != it.funct()) {
            throw it.line().error("parameters found at " + e.line().where() + " have function type " + e.funct()
                    + ", expected " + it.funct());
        }
        return e.params();
    }

    /**
     * grompp's rule for [ dihedraltypes ]: the first entry of the same interaction type with the most non-wildcard
     * matches (forward or reversed); for funct 9 also the entries on the lines right after it with the same types.
     */
    List<TypeEntry> dihedralParams(MoleculeType m, Interaction it) {
        List<TypeEntry> entries = tables.dihedralTypes.getOrDefault(TopologyTables.dihedralKind(it.funct()), List.of());
        String[] bondTypes = new String[4];
        for (int k = 0; k < 4; k++) {
            bondTypes[k] = bondType(m, it.atoms()[k]);
        }
        int best = -1;
        int bestMatches = -1;
        for (int e = 0; e < entries.size(); e++) {
            int matches = matches(entries.get(e).types(), bondTypes);
            if (matches > bestMatches) {
                best = e;
                bestMatches = matches;
                if (matches == 4) {
                    break;
                }
            }
        }
        if (best < 0) {
            throw it.line().error("no [ dihedraltypes ] entry of function " + (it.funct() == 9 ? "9 or 1" : it.funct())
                    + " for " + bondTypesOf(m, it.atoms()));
        }
        List<TypeEntry> out = new ArrayList<>();
        TypeEntry first = entries.get(best);
        out.add(first);
        if (it.funct() == 9) {
            for (int e = best + 1; e < entries.size() && Arrays.equals(entries.get(e).types(), first.types()); e++) {
                out.add(entries.get(e));
            }
        }
        return out;
    }

    private static int matches(String[] pattern, String[] bondTypes) {
        boolean forward = true;
        boolean backward = true;
        int count = 0;
        for (int k = 0; k < 4; k++) {
            boolean wild = pattern[k].equals("X");
            if (!wild) {
                count++;
            }
            forward &= wild || pattern[k].equals(bondTypes[k]);
            backward &= wild || pattern[k].equals(bondTypes[3 - k]);
        }
        return forward || backward ? count : -1;
    }

    /** The index in [ cmaptypes ] of the first entry whose five types equal the atoms' bond types, in order. */
    int cmapType(MoleculeType m, Interaction it) {
        String[] bondTypes = new String[5];
        for (int k = 0; k < 5; k++) {
            bondTypes[k] = bondType(m, it.atoms()[k]);
        }
        for (int c = 0; c < tables.cmapTypes.size(); c++) {
            CmapType type = tables.cmapTypes.get(c);
            if (Arrays.equals(type.types(), bondTypes)) {
                return c;
            }
        }
        throw it.line().error("no [ cmaptypes ] entry for " + bondTypesOf(m, it.atoms()));
    }

    /** The constraint length: the line's, else [ constrainttypes ], else the b0 of [ bondtypes ]. */
    double constraintLength(MoleculeType m, Interaction it) {
        if (it.params().length > 0) {
            return it.params()[0];
        }
        String key = bondTypeKey(m, it.atoms());
        TypeEntry e = tables.constraintTypes.get(key);
        if (e == null) {
            e = tables.bondTypes.get(key);
        }
        if (e == null || e.params().length == 0) {
            throw it.line().error("no [ constrainttypes ] or [ bondtypes ] entry for " + bondTypesOf(m, it.atoms()));
        }
        return e.params()[0];
    }

    /**
     * c6, c12 of a 1-4 pair: the line's V W, else [ pairtypes ], else, with gen-pairs, fudgeLJ times the normal pair's
     * (grompp's gen_pairs runs on the nonbonded matrix after [ nonbond_params ] is copied into it).
     */
    double[] pairCoefficients(MoleculeType m, Interaction it) {
        double[] p = it.params();
        if (p.length > 0) {
            if (p.length < 2) {
                throw it.line().error("expected 2 parameters (V W), found " + p.length);
            }
            return coefficients(p[0], p[1]);
        }
        String typeI = m.atoms.get(it.atoms()[0]).type(), typeJ = m.atoms.get(it.atoms()[1]).type();
        PairParameters vw = tables.pairTypes.get(typeI + " " + typeJ);
        if (vw != null) {
            return coefficients(vw.v(), vw.w());
        }
        if (!tables.defaults.genPairs()) {
            throw it.line().error("no [ pairtypes ] entry for " + typeI + " " + typeJ + " and gen-pairs is no");
        }
        double[] c = nonbondedCoefficients(typeI, typeJ);
        c[0] *= tables.defaults.fudgeLJ();
        c[1] *= tables.defaults.fudgeLJ();
        return c;
    }

    /** c6, c12 of a normal pair: [ nonbond_params ], else the combination rule. */
    double[] nonbondedCoefficients(String typeI, String typeJ) {
        PairParameters vw = tables.nonbondParams.get(typeI + " " + typeJ);
        return vw != null ? coefficients(vw.v(), vw.w()) : combined(typeI, typeJ);
    }

    /** c6, c12 from a (V, W) parameter pair as the combination rule defines them. */
    private double[] coefficients(double v, double w) {
        if (tables.defaults.combRule() == 1) {
            return new double[]{v, w};
        }
        double s6 = Math.pow(v, 6);
        return new double[]{4 * w * s6, 4 * w * s6 * s6};
    }

    /** Rule 1: geometric c6 and c12; 2: arithmetic sigma, geometric epsilon; 3: both geometric. */
    private double[] combined(String typeI, String typeJ) {
        AtomType a = tables.atomTypes.get(typeI);
        AtomType c = tables.atomTypes.get(typeJ);
        return switch (tables.defaults.combRule()) {
            case 1 -> new double[]{Math.sqrt(a.v() * c.v()), Math.sqrt(a.w() * c.w())};
            case 2 -> coefficients(0.5 * (a.v() + c.v()), Math.sqrt(a.w() * c.w()));
            default -> coefficients(Math.sqrt(a.v() * c.v()), Math.sqrt(a.w() * c.w()));
        };
    }

    private String bondType(MoleculeType m, int atom) {
        return tables.atomTypes.get(m.atoms.get(atom).type()).bondType();
    }

    private String bondTypeKey(MoleculeType m, int[] at) {
        StringBuilder key = new StringBuilder();
        for (int a : at) {
            key.append(key.length() == 0 ? "" : " ").append(bondType(m, a));
        }
        return key.toString();
    }

    String bondTypesOf(MoleculeType m, int[] at) {
        return bondTypeKey(m, at).replace(' ', '-');
    }
}

package io.github.mdxai.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the directives of a GROMACS topology declare, before any molecule is built: the force-field tables (defaults,
 * atom types, bonded types, pair types) and the molecule types with their interaction lines, in file order.
 */
final class TopologyTables {

    /** {@code [ defaults ]}: nbfunc is always 1 (Lennard-Jones) here. */
    record Defaults(int combRule, boolean genPairs, double fudgeLJ, double fudgeQQ) {
    }

    /** {@code [ atomtypes ]} entry: V and W are sigma and epsilon (comb-rule 2, 3) or c6 and c12 (comb-rule 1). */
    record AtomType(String bondType, double mass, double charge, double v, double w) {
    }

    /** A bonded-type table entry: the bond types it applies to (X is a wildcard), its function and parameters. */
    record TypeEntry(String[] types, int funct, double[] params, TopologyLine line) {
    }

    /** A V, W parameter pair of [ pairtypes ] or [ nonbond_params ]. */
    record PairParameters(double v, double w) {
    }

    /** One {@code [ atoms ]} line. */
    record Atom(String type, int residueNumber, String residueName, String name, double charge, double mass) {
    }

    /** One interaction line of a molecule type: 0-based atom indices (range-checked later), funct, parameters. */
    record Interaction(int[] atoms, int funct, double[] params, TopologyLine line) {
    }

    /** A [ cmaptypes ] entry: five bond types and a spacing x spacing grid of energies (kJ/mol), phi major. */
    record CmapType(String[] types, int spacing, double[] values, TopologyLine line) {
    }

    /** One {@code [ molecules ]} line. */
    record MoleculeCount(String name, int count, TopologyLine line) {
    }

    /** A {@code [ moleculetype ]} and everything declared under it. */
    static final class MoleculeType {
        final String name;
        final int nrexcl;
        final TopologyLine declared;
        final List<Atom> atoms = new ArrayList<>();
        final List<Interaction> bonds = new ArrayList<>();
        final List<Interaction> pairs = new ArrayList<>();
        final List<Interaction> angles = new ArrayList<>();
        final List<Interaction> dihedrals = new ArrayList<>();
        final List<Interaction> exclusions = new ArrayList<>();
        final List<Interaction> cmaps = new ArrayList<>();
        final List<Interaction> constraints = new ArrayList<>();
        final List<Interaction> positionRestraints = new ArrayList<>();

        MoleculeType(String name, int nrexcl, TopologyLine declared) {
            this.name = name;
            this.nrexcl = nrexcl;
            this.declared = declared;
        }
    }

    Defaults defaults;
    String systemName = "";
    final Map<String, AtomType> atomTypes = new HashMap<>();
    /** Keyed by the bond types joined with spaces, both directions. */
    final Map<String, TypeEntry> bondTypes = new HashMap<>();
    final Map<String, TypeEntry> angleTypes = new HashMap<>();
    final Map<String, TypeEntry> constraintTypes = new HashMap<>();
    /**
     * [ dihedraltypes ] in file order per GROMACS interaction type: {@link #dihedralKind} of the function (1 and 9
     * share the periodic list, as in grompp).
     */
    final Map<Integer, List<TypeEntry>> dihedralTypes = new HashMap<>();
    final List<CmapType> cmapTypes = new ArrayList<>();
    /** Keyed by "typeI typeJ", both orders. */
    final Map<String, PairParameters> pairTypes = new HashMap<>();
    final Map<String, PairParameters> nonbondParams = new HashMap<>();
    /** The dihedral-type list a function type reads: 9 (multiple periodic) shares the list of 1. */
    static int dihedralKind(int funct) {
        return funct == 9 ? 1 : funct;
    }

    final Map<String, MoleculeType> moleculeTypes = new LinkedHashMap<>();
    final List<MoleculeCount> molecules = new ArrayList<>();
}

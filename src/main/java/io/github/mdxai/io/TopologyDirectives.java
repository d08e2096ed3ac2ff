package io.github.mdxai.io;

import io.github.mdxai.io.TopologyTables.AtomType;
import io.github.mdxai.io.TopologyTables.Defaults;
import io.github.mdxai.io.TopologyTables.Interaction;
import io.github.mdxai.io.TopologyTables.MoleculeCount;
import io.github.mdxai.io.TopologyTables.MoleculeType;
import io.github.mdxai.io.TopologyTables.PairParameters;
import io.github.mdxai.io.TopologyTables.TypeEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the directives of preprocessed topology lines into {@link TopologyTables}: checks each line's fields and
 * numbers (file:line errors), nothing about how molecules are assembled.
 */
final class TopologyDirectives {

    private static final Set<String> KNOWN_IGNORED = Set.of("implicit_genborn_params");
    private static final Set<String> SUPPORTED = Set.of("defaults", "atomtypes", "bondtypes", "angletypes",
            "dihedraltypes", "pairtypes", "nonbond_params", "constrainttypes", "cmaptypes", "moleculetype", "atoms",
            "bonds", "pairs", "angles", "dihedrals", "exclusions", "cmap", "constraints", "position_restraints",
            "system", "molecules");
    /** Largest CMAP grid accepted (points per axis), to bound what one line may allocate. */
    static final int MAX_CMAP_SPACING = 360;

    private final TopologyTables tables = new TopologyTables();

    private TopologyDirectives() {
    }

    static TopologyTables parse(List<TopologyLine> lines) {
        TopologyDirectives parser = new TopologyDirectives();
        parser.read(lines);
        return parser.tables;
    }

    private void read(List<TopologyLine> lines) {
        String directive = null;
        MoleculeType molecule = null;
        for (TopologyLine line : lines) {
            String[] t = line.tokens();
            if (line.text().startsWith("[")) {
                int close = line.text().indexOf(']');
                if (close < 0) {
                    throw line.error("directive without closing ]");
                }
                directive = line.text().substring(1, close).strip().toLowerCase();
                if (directive.equals("settles")) {
                    throw line.error("[ settles ] (rigid water) is not supported: this engine simulates molecules "
                            + "in vacuum only, without solvent");
                }
                if (!SUPPORTED.contains(directive) && !KNOWN_IGNORED.contains(directive)) {
                    throw line.error("unsupported directive [ " + directive + " ] (this engine handles vacuum "
                            + "topologies: no virtual sites, settles, restraints other than position restraints)");
                }
                if (directive.equals("moleculetype")) {
                    molecule = null;
                }
                continue;
            }
            if (directive == null) {
                continue; // text before the first directive (force-field banners) is ignored, as grompp does
            }
            switch (directive) {
                case "defaults" -> readDefaults(line);
                case "atomtypes" -> readAtomType(line);
                case "bondtypes" -> putTyped(tables.bondTypes, line, 2);
                case "angletypes" -> putTyped(tables.angleTypes, line, 3);
                case "dihedraltypes" -> readDihedralType(line);
                case "constrainttypes" -> putTyped(tables.constraintTypes, line, 2);
                case "cmaptypes" -> readCmapType(line);
                case "pairtypes" -> readPairParams(tables.pairTypes, line);
                case "nonbond_params" -> readPairParams(tables.nonbondParams, line);
                case "moleculetype" -> {
                    line.need(2, "a molecule name and nrexcl");
                    int nrexcl = line.integer(1, "nrexcl");
                    molecule = new MoleculeType(t[0], nrexcl, line);
                    if (tables.moleculeTypes.put(t[0], molecule) != null) {
                        throw line.error("molecule type " + t[0] + " defined twice");
                    }
                }
                case "atoms" -> readAtom(requireMolecule(molecule, line, directive), line);
                case "bonds" -> requireMolecule(molecule, line, directive).bonds.add(interaction(line, 2));
                case "pairs" -> requireMolecule(molecule, line, directive).pairs.add(interaction(line, 2));
                case "angles" -> requireMolecule(molecule, line, directive).angles.add(interaction(line, 3));
                case "dihedrals" -> requireMolecule(molecule, line, directive).dihedrals.add(interaction(line, 4));
                case "cmap" -> requireMolecule(molecule, line, directive).cmaps.add(interaction(line, 5));
                case "constraints" -> requireMolecule(molecule, line, directive).constraints.add(interaction(line, 2));
                case "position_restraints" ->
                        requireMolecule(molecule, line, directive).positionRestraints.add(interaction(line, 1));
                case "exclusions" -> requireMolecule(molecule, line, directive).exclusions.add(interaction(line, t.length));
                case "system" -> tables.systemName = tables.systemName.isEmpty() ? line.text()
                        : tables.systemName + " " + line.text();
                case "molecules" -> {
                    line.need(2, "a molecule name and a count");
                    int count = line.integer(1, "molecule count");
                    if (count < 0) {
                        throw line.error("expected a non-negative molecule count, found " + count);
                    }
                    tables.molecules.add(new MoleculeCount(t[0], count, line));
                }
                default -> {
                    // known force-field tables this engine does not need (implicit solvent)
                }
            }
        }
    }

    /** Atom indices (1-based in the file, 0-based here), then, unless all fields are atoms, the function type. */
    private static Interaction interaction(TopologyLine line, int atomCount) {
        boolean hasFunct = atomCount != line.tokens().length;
        line.need(atomCount + (hasFunct ? 1 : 0), atomCount + " atom indices and a function type");
        int[] atoms = new int[atomCount];
        for (int k = 0; k < atomCount; k++) {
            atoms[k] = TextLines.integer(line.tokens()[k], line.file(), line.number(), "atom index") - 1;
        }
        int funct = hasFunct ? line.integer(atomCount, "function type") : 0;
        double[] params = hasFunct ? line.numbers(atomCount + 1) : new double[0];
        return new Interaction(atoms, funct, params, line);
    }

    private static MoleculeType requireMolecule(MoleculeType molecule, TopologyLine line, String directive) {
        if (molecule == null) {
            throw line.error("[ " + directive + " ] outside a [ moleculetype ]");
        }
        return molecule;
    }

    private void readDefaults(TopologyLine line) {
        String[] t = line.tokens();
        int nbfunc = line.integer(0, "nbfunc");
        if (nbfunc != 1) {
            throw line.error("unsupported nbfunc " + nbfunc + " (expected 1, Lennard-Jones)");
        }
        int combRule = t.length > 1 ? line.integer(1, "comb-rule") : 1;
        if (combRule < 1 || combRule > 3) {
            throw line.error("unsupported comb-rule " + combRule + " (expected 1, 2 or 3)");
        }
        boolean genPairs = false;
        if (t.length > 2) {
            String g = t[2].toLowerCase();
            if (!g.equals("yes") && !g.equals("no")) {
                throw line.error("expected gen-pairs yes or no, found " + t[2]);
            }
            genPairs = g.equals("yes");
        }
        double fudgeLJ = t.length > 3 ? line.number(3, "fudgeLJ") : 1;
        double fudgeQQ = t.length > 4 ? line.number(4, "fudgeQQ") : 1;
        tables.defaults = new Defaults(combRule, genPairs, fudgeLJ, fudgeQQ);
    }

    private void readAtomType(TopologyLine line) {
        String[] t = line.tokens();
        // name [bond_type] [at.num] mass charge ptype V W: ptype is always third from the end
        if (t.length < 6) {
            throw line.error("expected an atom type: name [bond_type] [at.num] mass charge ptype V W");
        }
        int n = t.length;
        String ptype = t[n - 3];
        if (!ptype.matches("[ADSVBadsvb]")) {
            throw line.error("expected particle type A, D, S or V in field " + (n - 2) + ", found " + ptype);
        }
        boolean hasBondType = n >= 8 || (n == 7 && Character.isLetter(t[1].charAt(0)));
        String bondType = hasBondType ? t[1] : t[0];
        double mass = line.number(n - 5, "mass");
        double charge = line.number(n - 4, "charge");
        double v = line.number(n - 2, "sigma (or c6)");
        double w = line.number(n - 1, "epsilon (or c12)");
        tables.atomTypes.put(t[0], new AtomType(bondType, mass, charge, v, w));
    }

    private static void putTyped(Map<String, TypeEntry> map, TopologyLine line, int atoms) {
        line.need(atoms + 1, atoms + " atom types and a function type");
        String[] types = Arrays.copyOf(line.tokens(), atoms);
        int funct = line.integer(atoms, "function type");
        TypeEntry entry = new TypeEntry(types, funct, line.numbers(atoms + 1), line);
        map.put(String.join(" ", types), entry);
        String[] reversed = types.clone();
        for (int a = 0; a < atoms / 2; a++) {
            String tmp = reversed[a];
            reversed[a] = reversed[atoms - 1 - a];
            reversed[atoms - 1 - a] = tmp;
        }
        map.put(String.join(" ", reversed), entry);
    }

    private void readDihedralType(TopologyLine line) {
        String[] t = line.tokens();
        TypeEntry entry;
        int funct;
        if (t.length >= 3 && t[2].matches("[0-9]")) {
            // grompp's 2-atom form (GROMOS ffbonded.itp): a single digit third is the function type; the two types
            // are atoms i and l of an improper (funct 2), else j and k, the others wildcards
            funct = line.integer(2, "function type");
            String[] types = funct == 2 ? new String[]{t[0], "X", "X", t[1]} : new String[]{"X", t[0], t[1], "X"};
            entry = new TypeEntry(types, funct, line.numbers(3), line);
        } else {
            line.need(5, "4 atom types (or 2), a function type and parameters");
            if (!t[4].matches("[0-9]+")) {
                throw line.error("expected 4 atom types then a function type, or 2 atom types then a one-digit function type");
            }
            funct = line.integer(4, "function type");
            entry = new TypeEntry(Arrays.copyOf(t, 4), funct, line.numbers(5), line);
        }
        List<TypeEntry> list = tables.dihedralTypes.computeIfAbsent(TopologyTables.dihedralKind(funct), k -> new ArrayList<>());
        if (funct != 9) {
            // grompp: a repeated entry overrides the earlier one in place (only funct 9 may repeat)
            for (int e = 0; e < list.size(); e++) {
                if (Arrays.equals(list.get(e).types(), entry.types()) && list.get(e).funct() != 9) {
                    list.set(e, entry);
                    return;
                }
            }
        }
        list.add(entry);
        // function types without support here only fail if a molecule uses them
    }

    private void readCmapType(TopologyLine line) {
        line.need(8, "5 atom types, function type 1, grid sizes nx ny and nx * ny energies");
        int funct = line.integer(5, "function type");
        if (funct != 1) {
            throw line.error("unsupported cmap function type " + funct + " (expected 1)");
        }
        int nx = line.integer(6, "grid size nx");
        int ny = line.integer(7, "grid size ny");
        if (nx != ny || nx < 2 || nx > MAX_CMAP_SPACING) {
            throw line.error("expected a square cmap grid of 2.." + MAX_CMAP_SPACING + " points per axis, found "
                    + nx + " x " + ny);
        }
        if (line.tokens().length != 8 + nx * ny) {
            throw line.error("expected " + nx * ny + " grid energies, found " + (line.tokens().length - 8));
        }
        tables.cmapTypes.add(new TopologyTables.CmapType(Arrays.copyOf(line.tokens(), 5), nx, line.numbers(8), line));
    }

    private static void readPairParams(Map<String, PairParameters> map, TopologyLine line) {
        line.need(5, "2 atom types, function type 1 and 2 parameters");
        int funct = line.integer(2, "function type");
        if (funct != 1) {
            throw line.error("unsupported function type " + funct + " (expected 1)");
        }
        PairParameters vw = new PairParameters(line.number(3, "sigma (or c6)"), line.number(4, "epsilon (or c12)"));
        map.put(line.tokens()[0] + " " + line.tokens()[1], vw);
        map.put(line.tokens()[1] + " " + line.tokens()[0], vw);
    }

    private void readAtom(MoleculeType molecule, TopologyLine line) {
        line.need(5, "nr type resnr residue atom [cgnr charge mass]");
        int nr = line.integer(0, "atom number");
        if (nr != molecule.atoms.size() + 1) {
            throw line.error("expected atom number " + (molecule.atoms.size() + 1) + ", found " + nr);
        }
        String type = line.tokens()[1];
        AtomType at = tables.atomTypes.get(type);
        if (at == null) {
            throw line.error("unknown atom type " + type + " (not in [ atomtypes ])");
        }
        int residueNumber = line.integer(2, "residue number");
        double charge = line.tokens().length > 6 ? line.number(6, "charge") : at.charge();
        double mass = line.tokens().length > 7 ? line.number(7, "mass") : at.mass();
        if (line.tokens().length > 8) {
            throw line.error("B-state (free-energy) parameters are not supported");
        }
        molecule.atoms.add(new TopologyTables.Atom(type, residueNumber, line.tokens()[3], line.tokens()[4], charge, mass));
    }
}

package io.github.mdxai.io;

import io.github.mdxai.io.TopologyTables.AtomType;
import io.github.mdxai.io.TopologyTables.Atom;
import io.github.mdxai.io.TopologyTables.Interaction;
import io.github.mdxai.io.TopologyTables.MoleculeCount;
import io.github.mdxai.io.TopologyTables.MoleculeType;
import io.github.mdxai.io.TopologyTables.PairParameters;
import io.github.mdxai.io.TopologyTables.TypeEntry;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.InputException;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the system of a GROMACS topology from its {@link TopologyTables}: every molecule instance in
 * {@code [ molecules ]} order, bonded parameters resolved from the lines or the type tables as grompp does, 1-4
 * pairs, exclusions (nrexcl bonds plus [ exclusions ]) and the list of all other atom pairs.
 */
final class TopologyBuilder {

    /** All pairs are listed (vacuum, no cut-off), so the system size is bounded to keep memory in check. */
    static final int MAX_ATOMS = 5000;

    private final TopologyTables tables;
    private final List<String> names = new ArrayList<>();
    private final List<String> residues = new ArrayList<>();
    private final IntList residueNumbers = new IntList();
    private final List<String> types = new ArrayList<>();
    private final DoubleList charges = new DoubleList();
    private final DoubleList masses = new DoubleList();
    private final IntList bi = new IntList(), bj = new IntList();
    private final DoubleList b0 = new DoubleList(), kb = new DoubleList();
    private final IntList ai = new IntList(), aj = new IntList(), ak = new IntList();
    private final DoubleList th0 = new DoubleList(), kth = new DoubleList();
    private final Torsion proper = new Torsion(), improper = new Torsion();
    private final IntList pi = new IntList(), pj = new IntList();
    private final DoubleList pc6 = new DoubleList(), pc12 = new DoubleList(), pqq = new DoubleList();
    /** Excluded partners (global indices) of each atom. */
    private final List<BitSet> excluded = new ArrayList<>();

    private TopologyBuilder(TopologyTables tables) {
        this.tables = tables;
    }

    static Topology build(TopologyTables tables, Path file, boolean empty) {
        if (empty) {
            throw InputException.at(file, 1, "empty topology (expected [ defaults ], [ atomtypes ], molecule types and [ molecules ])");
        }
        if (tables.defaults == null) {
            throw InputException.at(file, 0, "no [ defaults ] directive (expected a force field include)");
        }
        if (tables.molecules.isEmpty()) {
            throw InputException.at(file, 0, "no [ molecules ] entries (expected a molecule name and count)");
        }
        return new TopologyBuilder(tables).build(file);
    }

    private Topology build(Path file) {
        long total = 0;
        for (MoleculeCount entry : tables.molecules) {
            MoleculeType type = tables.moleculeTypes.get(entry.name());
            if (type == null) {
                throw entry.line().error("unknown molecule type " + entry.name() + " (no [ moleculetype ] of that name)");
            }
            total += (long) entry.count() * type.atoms.size();
            if (total > MAX_ATOMS) {
                throw entry.line().error("more than " + MAX_ATOMS + " atoms in the system (this engine lists all "
                        + "atom pairs of a molecule in vacuum)");
            }
        }
        for (MoleculeCount entry : tables.molecules) {
            MoleculeType type = tables.moleculeTypes.get(entry.name());
            for (int copy = 0; copy < entry.count(); copy++) {
                addMolecule(type);
            }
        }
        int n = names.size();
        if (n == 0) {
            throw InputException.at(file, 0, "the system has no atoms");
        }
        return new Topology(tables.systemName, names.toArray(new String[0]), residues.toArray(new String[0]),
                residueNumbers.array(), types.toArray(new String[0]), charges.array(), masses.array(),
                new Topology.Bonds(bi.array(), bj.array(), b0.array(), kb.array()),
                new Topology.Angles(ai.array(), aj.array(), ak.array(), th0.array(), kth.array()),
                proper.build(), improper.build(),
                new Topology.Pairs(pi.array(), pj.array(), pc6.array(), pc12.array(), pqq.array()),
                nonbonded(n));
    }

    private void addMolecule(MoleculeType m) {
        int offset = names.size();
        int n = m.atoms.size();
        for (Atom a : m.atoms) {
            names.add(a.name());
            residues.add(a.residueName());
            residueNumbers.add(a.residueNumber());
            types.add(a.type());
            charges.add(a.charge());
            masses.add(a.mass());
        }
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            neighbours.add(new ArrayList<>());
        }
        for (Interaction it : m.bonds) {
            int[] at = atoms(it, n);
            if (it.funct() != 1) {
                throw it.line().error("unsupported bond function type " + it.funct() + " (expected 1, harmonic)");
            }
            double[] p = it.params();
            if (p.length == 0) {
                TypeEntry e = lookup(tables.bondTypes, m, at, it.line(), "bondtypes");
                requireFunct(e, 1, it.line());
                p = e.params();
            }
            requireParams(p, 2, it.line(), "b0 kb");
            bi.add(at[0] + offset);
            bj.add(at[1] + offset);
            b0.add(p[0]);
            kb.add(p[1]);
            neighbours.get(at[0]).add(at[1]);
            neighbours.get(at[1]).add(at[0]);
        }
        for (Interaction it : m.angles) {
            int[] at = atoms(it, n);
            if (it.funct() != 1) {
                throw it.line().error("unsupported angle function type " + it.funct() + " (expected 1, harmonic)");
            }
            double[] p = it.params();
            if (p.length == 0) {
                TypeEntry e = lookup(tables.angleTypes, m, at, it.line(), "angletypes");
                requireFunct(e, 1, it.line());
                p = e.params();
            }
            requireParams(p, 2, it.line(), "theta0 ktheta");
            ai.add(at[0] + offset);
            aj.add(at[1] + offset);
            ak.add(at[2] + offset);
            th0.add(Math.toRadians(p[0]));
            kth.add(p[1]);
        }
        for (Interaction it : m.dihedrals) {
            int[] at = atoms(it, n);
            int funct = it.funct();
            if (funct != 1 && funct != 4 && funct != 9) {
                throw it.line().error("unsupported dihedral function type " + funct + " (expected 1, 4 or 9)");
            }
            Torsion target = funct == 4 ? improper : proper;
            double[] p = it.params();
            if (p.length > 0) {
                requireParams(p, 3, it.line(), "phase k multiplicity");
                target.add(at[0] + offset, at[1] + offset, at[2] + offset, at[3] + offset, p[0], p[1], multiplicity(p[2], it.line()));
                continue;
            }
            List<TypeEntry> found = dihedralTypes(funct == 4 ? tables.improperTypes : tables.properTypes, m, at, funct == 9);
            if (found.isEmpty()) {
                throw it.line().error("no [ dihedraltypes ] entry of function " + (funct == 4 ? "4" : "1 or 9") + " for "
                        + bondTypesOf(m, at));
            }
            for (TypeEntry e : found) {
                requireParams(e.params(), 3, e.line(), "phase k multiplicity");
                target.add(at[0] + offset, at[1] + offset, at[2] + offset, at[3] + offset, e.params()[0], e.params()[1],
                        multiplicity(e.params()[2], e.line()));
            }
        }
        for (Interaction it : m.pairs) {
            int[] at = atoms(it, n);
            if (it.funct() != 1) {
                throw it.line().error("unsupported pair function type " + it.funct() + " (expected 1)");
            }
            double[] p = it.params();
            double[] c;
            String typeI = m.atoms.get(at[0]).type(), typeJ = m.atoms.get(at[1]).type();
            if (p.length > 0) {
                requireParams(p, 2, it.line(), "V W");
                c = coefficients(p[0], p[1]);
            } else {
                PairParameters vw = tables.pairTypes.get(typeI + " " + typeJ);
                if (vw != null) {
                    c = coefficients(vw.v(), vw.w());
                } else if (tables.defaults.genPairs()) {
                    c = combined(typeI, typeJ);
                    c[0] *= tables.defaults.fudgeLJ();
                    c[1] *= tables.defaults.fudgeLJ();
                } else {
                    throw it.line().error("no [ pairtypes ] entry for " + typeI + " " + typeJ + " and gen-pairs is no");
                }
            }
            pi.add(at[0] + offset);
            pj.add(at[1] + offset);
            pc6.add(c[0]);
            pc12.add(c[1]);
            pqq.add(tables.defaults.fudgeQQ() * m.atoms.get(at[0]).charge() * m.atoms.get(at[1]).charge());
        }
        addExclusions(m, offset, neighbours);
    }

    /** All atoms within nrexcl bonds, plus explicit [ exclusions ]. */
    private void addExclusions(MoleculeType m, int offset, List<List<Integer>> neighbours) {
        int n = m.atoms.size();
        for (int a = 0; a < n; a++) {
            BitSet ex = new BitSet();
            int[] depth = new int[n];
            Arrays.fill(depth, -1);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            depth[a] = 0;
            queue.add(a);
            while (!queue.isEmpty()) {
                int u = queue.poll();
                if (depth[u] >= m.nrexcl) {
                    continue;
                }
                for (int w : neighbours.get(u)) {
                    if (depth[w] < 0) {
                        depth[w] = depth[u] + 1;
                        ex.set(w + offset);
                        queue.add(w);
                    }
                }
            }
            excluded.add(ex);
        }
        for (Interaction it : m.exclusions) {
            int[] at = atoms(it, n);
            for (int k = 1; k < at.length; k++) {
                excluded.get(offset + at[0]).set(offset + at[k]);
                excluded.get(offset + at[k]).set(offset + at[0]);
            }
        }
    }

    private Topology.Pairs nonbonded(int n) {
        IntList i1 = new IntList(), j1 = new IntList();
        DoubleList c6 = new DoubleList(), c12 = new DoubleList(), qq = new DoubleList();
        Map<String, double[]> cache = new HashMap<>();
        for (int i = 0; i < n; i++) {
            BitSet ex = excluded.get(i);
            for (int j = i + 1; j < n; j++) {
                if (ex.get(j)) {
                    continue;
                }
                String typeI = types.get(i);
                String typeJ = types.get(j);
                double[] c = cache.computeIfAbsent(typeI + " " + typeJ, key -> {
                    PairParameters vw = tables.nonbondParams.get(key);
                    return vw != null ? coefficients(vw.v(), vw.w()) : combined(typeI, typeJ);
                });
                i1.add(i);
                j1.add(j);
                c6.add(c[0]);
                c12.add(c[1]);
                qq.add(charges.get(i) * charges.get(j));
            }
        }
        return new Topology.Pairs(i1.array(), j1.array(), c6.array(), c12.array(), qq.array());
    }

    /** c6, c12 from a (V, W) parameter pair as the combination rule defines them. */
    private double[] coefficients(double v, double w) {
        if (tables.defaults.combRule() == 1) {
            return new double[]{v, w};
        }
        double s6 = Math.pow(v, 6);
        return new double[]{4 * w * s6, 4 * w * s6 * s6};
    }

    private double[] combined(String typeI, String typeJ) {
        AtomType a = tables.atomTypes.get(typeI);
        AtomType c = tables.atomTypes.get(typeJ);
        return switch (tables.defaults.combRule()) {
            case 1 -> new double[]{Math.sqrt(a.v() * c.v()), Math.sqrt(a.w() * c.w())};
            case 2 -> coefficients(0.5 * (a.v() + c.v()), Math.sqrt(a.w() * c.w()));
            default -> coefficients(Math.sqrt(a.v() * c.v()), Math.sqrt(a.w() * c.w()));
        };
    }

    /** The interaction's atom indices, checked against the molecule's atom count. */
    private static int[] atoms(Interaction it, int atomsInMolecule) {
        for (int index : it.atoms()) {
            if (index < 0 || index >= atomsInMolecule) {
                throw it.line().error("atom index " + (index + 1) + " out of range (expected 1.." + atomsInMolecule + ")");
            }
        }
        return it.atoms();
    }

    private static void requireParams(double[] p, int count, TopologyLine line, String what) {
        if (p.length < count) {
            throw line.error("expected " + count + " parameters (" + what + "), found " + p.length);
        }
    }

    private static void requireFunct(TypeEntry e, int funct, TopologyLine line) {
        if (e.funct() != funct) {
            throw line.error("parameters found at " + e.line().where() + " have function type " + e.funct()
                    + ", expected " + funct);
        }
    }

    private static int multiplicity(double value, TopologyLine line) {
        if (value != Math.rint(value) || value < 0) {
            throw line.error("expected a non-negative integer multiplicity, found " + value);
        }
        return (int) value;
    }

    private String bondType(MoleculeType m, int atom) {
        return tables.atomTypes.get(m.atoms.get(atom).type()).bondType();
    }

    private String bondTypesOf(MoleculeType m, int[] at) {
        StringBuilder s = new StringBuilder();
        for (int a : at) {
            s.append(s.length() == 0 ? "" : "-").append(bondType(m, a));
        }
        return s.toString();
    }

    private TypeEntry lookup(Map<String, TypeEntry> map, MoleculeType m, int[] at, TopologyLine line, String directive) {
        StringBuilder key = new StringBuilder();
        for (int a : at) {
            key.append(key.length() == 0 ? "" : " ").append(bondType(m, a));
        }
        TypeEntry e = map.get(key.toString());
        if (e == null) {
            throw line.error("no [ " + directive + " ] entry for " + bondTypesOf(m, at));
        }
        return e;
    }

    /**
     * grompp's rule: the first entry with the most non-wildcard matches (forward or reversed); for funct 9 also the
     * entries on the lines right after it with the same atom types.
     */
    private List<TypeEntry> dihedralTypes(List<TypeEntry> entries, MoleculeType m, int[] at, boolean multiple) {
        String[] bondTypes = new String[4];
        for (int k = 0; k < 4; k++) {
            bondTypes[k] = bondType(m, at[k]);
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
            return List.of();
        }
        List<TypeEntry> out = new ArrayList<>();
        TypeEntry first = entries.get(best);
        out.add(first);
        if (multiple) {
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

    private static final class Torsion {
        final IntList i = new IntList(), j = new IntList(), k = new IntList(), l = new IntList(), n = new IntList();
        final DoubleList phase = new DoubleList(), force = new DoubleList();

        void add(int a, int b, int c, int d, double phaseDeg, double k, int mult) {
            if (k == 0) {
                return; // zero-amplitude terms (amber's X-C-N-X placeholders) contribute nothing
            }
            i.add(a);
            j.add(b);
            this.k.add(c);
            l.add(d);
            phase.add(Math.toRadians(phaseDeg));
            force.add(k);
            n.add(mult);
        }

        Topology.Torsions build() {
            return new Topology.Torsions(i.array(), j.array(), k.array(), l.array(), phase.array(), force.array(), n.array());
        }
    }

    /** Growable int array. */
    static final class IntList {
        private int[] data = new int[16];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] array() {
            return Arrays.copyOf(data, size);
        }
    }

    /** Growable double array. */
    static final class DoubleList {
        private double[] data = new double[16];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        double get(int index) {
            return data[index];
        }

        double[] array() {
            return Arrays.copyOf(data, size);
        }
    }
}

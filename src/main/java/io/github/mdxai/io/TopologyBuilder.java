package io.github.mdxai.io;

import io.github.mdxai.io.TopologyTables.Atom;
import io.github.mdxai.io.TopologyTables.CmapType;
import io.github.mdxai.io.TopologyTables.Interaction;
import io.github.mdxai.io.TopologyTables.MoleculeCount;
import io.github.mdxai.io.TopologyTables.MoleculeType;
import io.github.mdxai.io.TopologyTables.TypeEntry;
import io.github.mdxai.molecules.CmapTorsions;
import io.github.mdxai.molecules.DistanceConstraints;
import io.github.mdxai.molecules.HarmonicTorsions;
import io.github.mdxai.molecules.PositionRestraints;
import io.github.mdxai.molecules.RbTorsions;
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
 * {@code [ molecules ]} order with its bonded terms ({@link TopologyTypes} resolves their parameters), 1-4 pairs,
 * exclusions (nrexcl chemical bonds, i.e. bonds and constraints of funct 1, plus [ exclusions ]), constraints,
 * position restraints and the list of all other atom pairs.
 */
final class TopologyBuilder {

    /** All pairs are listed (vacuum, no cut-off), so the system size is bounded to keep memory in check. */
    static final int MAX_ATOMS = 5000;

    private final TopologyTables tables;
    private final TopologyTypes types;
    private final List<String> names = new ArrayList<>();
    private final List<String> residues = new ArrayList<>();
    private final IntList residueNumbers = new IntList();
    private final List<String> atomTypes = new ArrayList<>();
    private final DoubleList charges = new DoubleList();
    private final DoubleList masses = new DoubleList();
    private final Pairs2 bonds = new Pairs2(), g96Bonds = new Pairs2(), ureyBradleyBonds = new Pairs2();
    private final Triples angles = new Triples(), g96Angles = new Triples(), ureyBradleyAngles = new Triples();
    private final Torsion proper = new Torsion(), improper = new Torsion();
    private final Quads rb = new Quads(), fourier = new Quads(), harmonic = new Quads();
    private final IntList[] cmapAtoms = {new IntList(), new IntList(), new IntList(), new IntList(), new IntList()};
    private final IntList cmapGrid = new IntList();
    private final Map<Integer, Integer> cmapGridIndex = new HashMap<>();
    private final List<CmapTorsions.Grid> cmapGrids = new ArrayList<>();
    private final Pairs2 constraints = new Pairs2();
    private final IntList restrained = new IntList();
    private final DoubleList restraintX = new DoubleList(), restraintY = new DoubleList(), restraintZ = new DoubleList();
    private final IntList pi = new IntList(), pj = new IntList();
    private final DoubleList pc6 = new DoubleList(), pc12 = new DoubleList(), pqq = new DoubleList();
    /** Excluded partners (global indices) of each atom. */
    private final List<BitSet> excluded = new ArrayList<>();

    private TopologyBuilder(TopologyTables tables) {
        this.tables = tables;
        this.types = new TopologyTypes(tables);
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
                        + "atom pairs of molecules in vacuum)");
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
        Topology.Extra extra = new Topology.Extra(g96Bonds.bonds(), g96Angles.angles(), ureyBradleyAngles.angles(), ureyBradleyBonds.bonds(),
                rb.rb(), fourier.rb(), harmonic.harmonic(),
                new CmapTorsions(cmapAtoms[0].array(), cmapAtoms[1].array(), cmapAtoms[2].array(), cmapAtoms[3].array(),
                        cmapAtoms[4].array(), cmapGrid.array(), List.copyOf(cmapGrids)),
                new DistanceConstraints(constraints.i.array(), constraints.j.array(), constraints.a.array()),
                new PositionRestraints(restrained.array(), restraintX.array(), restraintY.array(), restraintZ.array()));
        return new Topology(tables.systemName, names.toArray(new String[0]), residues.toArray(new String[0]),
                residueNumbers.array(), atomTypes.toArray(new String[0]), charges.array(), masses.array(),
                bonds.bonds(), angles.angles(), proper.build(), improper.build(),
                new Topology.Pairs(pi.array(), pj.array(), pc6.array(), pc12.array(), pqq.array()),
                nonbonded(n), extra);
    }

    private void addMolecule(MoleculeType m) {
        int offset = names.size();
        int n = m.atoms.size();
        for (Atom a : m.atoms) {
            names.add(a.name());
            residues.add(a.residueName());
            residueNumbers.add(a.residueNumber());
            atomTypes.add(a.type());
            charges.add(a.charge());
            masses.add(a.mass());
        }
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            neighbours.add(new ArrayList<>());
        }
        for (Interaction it : m.bonds) {
            int[] at = atoms(it, n);
            Pairs2 target = switch (it.funct()) {
                case 1 -> bonds;
                case 2 -> g96Bonds;
                default -> throw it.line().error("unsupported bond function type " + it.funct()
                        + " (expected 1, harmonic, or 2, GROMOS quartic)");
            };
            double[] p = requireParams(types.params(tables.bondTypes, "bondtypes", m, it), 2, it, "b0 kb");
            target.add(at[0] + offset, at[1] + offset, p[0], p[1]);
            neighbours.get(at[0]).add(at[1]);
            neighbours.get(at[1]).add(at[0]);
        }
        for (Interaction it : m.angles) {
            int[] at = atoms(it, n);
            if (it.funct() < 1 || it.funct() > 2 && it.funct() != 5) {
                throw it.line().error("unsupported angle function type " + it.funct()
                        + " (expected 1, harmonic, 2, GROMOS cosine-harmonic, or 5, Urey-Bradley)");
            }
            double[] p = types.params(tables.angleTypes, "angletypes", m, it);
            if (it.funct() != 5) {
                requireParams(p, 2, it, "theta0 ktheta");
                (it.funct() == 1 ? angles : g96Angles).add(at[0] + offset, at[1] + offset, at[2] + offset,
                        Math.toRadians(p[0]), p[1]);
            } else {
                requireParams(p, 4, it, "theta0 ktheta r13 kUB");
                ureyBradleyAngles.add(at[0] + offset, at[1] + offset, at[2] + offset, Math.toRadians(p[0]), p[1]);
                ureyBradleyBonds.add(at[0] + offset, at[2] + offset, p[2], p[3]);
            }
        }
        for (Interaction it : m.dihedrals) {
            addDihedral(m, it, offset, atoms(it, n));
        }
        for (Interaction it : m.cmaps) {
            int[] at = atoms(it, n);
            if (it.funct() != 1) {
                throw it.line().error("unsupported cmap function type " + it.funct() + " (expected 1)");
            }
            for (int k = 0; k < 5; k++) {
                cmapAtoms[k].add(at[k] + offset);
            }
            cmapGrid.add(cmapGridIndex.computeIfAbsent(types.cmapType(m, it), c -> {
                CmapType type = tables.cmapTypes.get(c);
                cmapGrids.add(new CmapTorsions.Grid(type.spacing(), type.values()));
                return cmapGrids.size() - 1;
            }));
        }
        for (Interaction it : m.constraints) {
            int[] at = atoms(it, n);
            if (it.funct() != 1 && it.funct() != 2) {
                throw it.line().error("unsupported constraint function type " + it.funct() + " (expected 1 or 2)");
            }
            constraints.add(at[0] + offset, at[1] + offset, types.constraintLength(m, it), 0);
            if (it.funct() == 1) { // funct 2 constraints do not connect atoms for exclusions
                neighbours.get(at[0]).add(at[1]);
                neighbours.get(at[1]).add(at[0]);
            }
        }
        for (Interaction it : m.positionRestraints) {
            int[] at = atoms(it, n);
            if (it.funct() != 1) {
                throw it.line().error("unsupported position restraint function type " + it.funct()
                        + " (expected 1, harmonic)");
            }
            double[] p = requireParams(it.params(), 3, it, "kx ky kz");
            restrained.add(at[0] + offset);
            restraintX.add(p[0]);
            restraintY.add(p[1]);
            restraintZ.add(p[2]);
        }
        for (Interaction it : m.pairs) {
            int[] at = atoms(it, n);
            if (it.funct() != 1) {
                throw it.line().error("unsupported pair function type " + it.funct() + " (expected 1)");
            }
            double[] c = types.pairCoefficients(m, it);
            pi.add(at[0] + offset);
            pj.add(at[1] + offset);
            pc6.add(c[0]);
            pc12.add(c[1]);
            pqq.add(tables.defaults.fudgeQQ() * m.atoms.get(at[0]).charge() * m.atoms.get(at[1]).charge());
        }
        addExclusions(m, offset, neighbours);
    }

    private void addDihedral(MoleculeType m, Interaction it, int offset, int[] at) {
        int a = at[0] + offset, b = at[1] + offset, c = at[2] + offset, d = at[3] + offset;
        int funct = it.funct();
        if (funct < 1 || funct > 5 && funct != 9) {
            throw it.line().error("unsupported dihedral function type " + funct + " (expected 1, 9 or 4, periodic; "
                    + "2, harmonic improper; 3, Ryckaert-Bellemans; 5, Fourier)");
        }
        List<double[]> parameterSets = new ArrayList<>();
        List<TopologyLine> from = new ArrayList<>();
        if (it.params().length > 0) {
            parameterSets.add(it.params());
            from.add(it.line());
        } else {
            for (TypeEntry e : types.dihedralParams(m, it)) {
                parameterSets.add(e.params());
                from.add(e.line());
            }
        }
        for (int s = 0; s < parameterSets.size(); s++) {
            double[] p = parameterSets.get(s);
            TopologyLine line = from.get(s);
            switch (funct) {
                case 1, 9, 4 -> {
                    requireParams(p, 3, line, "phase k multiplicity");
                    (funct == 4 ? improper : proper).add(a, b, c, d, p[0], p[1], multiplicity(p[2], line));
                }
                case 2 -> {
                    requireParams(p, 2, line, "xi0 kxi");
                    harmonic.add(a, b, c, d, new double[]{Math.toRadians(p[0]), p[1]});
                }
                case 3 -> {
                    requireParams(p, 6, line, "C0 C1 C2 C3 C4 C5");
                    rb.add(a, b, c, d, Arrays.copyOf(p, 6));
                }
                default -> {
                    requireParams(p, 4, line, "C1 C2 C3 C4");
                    fourier.add(a, b, c, d, RbTorsions.fromFourier(p[0], p[1], p[2], p[3]));
                }
            }
        }
    }

    /** All atoms within nrexcl chemical bonds, plus explicit [ exclusions ]. */
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
                String typeI = atomTypes.get(i);
                String typeJ = atomTypes.get(j);
                double[] c = cache.computeIfAbsent(typeI + " " + typeJ, key -> types.nonbondedCoefficients(typeI, typeJ));
                i1.add(i);
                j1.add(j);
                c6.add(c[0]);
                c12.add(c[1]);
                qq.add(charges.get(i) * charges.get(j));
            }
        }
        return new Topology.Pairs(i1.array(), j1.array(), c6.array(), c12.array(), qq.array());
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

    private static double[] requireParams(double[] p, int count, Interaction it, String what) {
        return requireParams(p, count, it.line(), what);
    }

    private static double[] requireParams(double[] p, int count, TopologyLine line, String what) {
        if (p.length < count) {
            throw line.error("expected " + count + " parameters (" + what + "), found " + p.length);
        }
        return p;
    }

    private static int multiplicity(double value, TopologyLine line) {
        if (value != Math.rint(value) || value < 0) {
            throw line.error("expected a non-negative integer multiplicity, found " + value);
        }
        return (int) value;
    }

    /** Atom pairs with two parameters (bonds: b0, kb; constraints: length). */
    private static final class Pairs2 {
        final IntList i = new IntList(), j = new IntList();
        final DoubleList a = new DoubleList(), b = new DoubleList();

        void add(int ai, int aj, double pa, double pb) {
            i.add(ai);
            j.add(aj);
            a.add(pa);
            b.add(pb);
        }

        Topology.Bonds bonds() {
            return new Topology.Bonds(i.array(), j.array(), a.array(), b.array());
        }
    }

    /** Angles: theta0 (rad) and ktheta. */
    private static final class Triples {
        final IntList i = new IntList(), j = new IntList(), k = new IntList();
        final DoubleList theta0 = new DoubleList(), force = new DoubleList();

        void add(int ai, int aj, int ak, double th0, double kth) {
            i.add(ai);
            j.add(aj);
            k.add(ak);
            theta0.add(th0);
            force.add(kth);
        }

        Topology.Angles angles() {
            return new Topology.Angles(i.array(), j.array(), k.array(), theta0.array(), force.array());
        }
    }

    /** Dihedrals with a fixed number of parameters each (RB: 6, harmonic: xi0 and k). */
    private static final class Quads {
        final IntList i = new IntList(), j = new IntList(), k = new IntList(), l = new IntList();
        final DoubleList params = new DoubleList();

        void add(int ai, int aj, int ak, int al, double[] p) {
            i.add(ai);
            j.add(aj);
            k.add(ak);
            l.add(al);
            params.addAll(p);
        }

        RbTorsions rb() {
            return new RbTorsions(i.array(), j.array(), k.array(), l.array(), params.array());
        }

        HarmonicTorsions harmonic() {
            double[] p = params.array();
            double[] xi0 = new double[p.length / 2], force = new double[p.length / 2];
            for (int t = 0; t < xi0.length; t++) {
                xi0[t] = p[2 * t];
                force[t] = p[2 * t + 1];
            }
            return new HarmonicTorsions(i.array(), j.array(), k.array(), l.array(), xi0, force);
        }
    }

    /** Periodic torsion terms, one per cosine. */
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
}

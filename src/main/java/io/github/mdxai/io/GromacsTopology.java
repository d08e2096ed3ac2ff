package io.github.mdxai.io;

import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reader for GROMACS topologies (.top/.itp) of molecules in vacuum: the preprocessor ({@code #include} relative to
 * the including file, then the folders of {@code GMXLIB}; {@code #define} with macro substitution;
 * {@code #ifdef/#ifndef/#else/#endif}) and the directives of AMBER-style force fields: defaults (nbfunc 1,
 * comb-rule 1-3), atomtypes, bondtypes, angletypes, dihedraltypes (wildcard X; the first entry with the most
 * non-wildcard matches wins, with its adjacent lines for funct 9), pairtypes, nonbond_params, moleculetype, atoms,
 * bonds 1, pairs 1, angles 1, dihedrals 1/4/9, exclusions, system, molecules. Anything else that a molecule uses
 * fails with the file, line and what is not supported.
 */
public final class GromacsTopology {

    private record Line(Path file, int number, String[] tokens, String text) {
        InputException error(String message) {
            return InputException.at(file, number, message);
        }
    }

    private record AtomType(String bondType, double mass, double charge, double v, double w) {
    }

    private record TypeEntry(String[] types, int funct, double[] params, Line line) {
    }

    private static final class MoleculeType {
        final String name;
        final int nrexcl;
        final Line declared;
        final List<String> atomNames = new ArrayList<>();
        final List<String> residueNames = new ArrayList<>();
        final List<Integer> residueNumbers = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        final List<Double> charges = new ArrayList<>();
        final List<Double> masses = new ArrayList<>();
        final List<Line> bonds = new ArrayList<>();
        final List<Line> pairs = new ArrayList<>();
        final List<Line> angles = new ArrayList<>();
        final List<Line> dihedrals = new ArrayList<>();
        final List<Line> exclusions = new ArrayList<>();

        MoleculeType(String name, int nrexcl, Line declared) {
            this.name = name;
            this.nrexcl = nrexcl;
            this.declared = declared;
        }
    }

    private static final Set<String> KNOWN_IGNORED = Set.of("constrainttypes", "implicit_genborn_params");
    private static final Set<String> SUPPORTED = Set.of("defaults", "atomtypes", "bondtypes", "angletypes",
            "dihedraltypes", "pairtypes", "nonbond_params", "moleculetype", "atoms", "bonds", "pairs", "angles",
            "dihedrals", "exclusions", "system", "molecules");

    private final List<String> gmxlib;
    private final Map<String, String> defines = new HashMap<>();
    private final List<Line> lines = new ArrayList<>();

    private int combRule = 2;
    private boolean genPairs;
    private double fudgeLJ = 1;
    private double fudgeQQ = 1;
    private boolean defaultsSeen;
    private final Map<String, AtomType> atomTypes = new HashMap<>();
    private final Map<String, TypeEntry> bondTypes = new HashMap<>();
    private final Map<String, TypeEntry> angleTypes = new HashMap<>();
    private final List<TypeEntry> properTypes = new ArrayList<>();
    private final List<TypeEntry> improperTypes = new ArrayList<>();
    private final Map<String, double[]> pairTypes = new HashMap<>();
    private final Map<String, double[]> nonbondParams = new HashMap<>();
    private final Map<String, MoleculeType> moleculeTypes = new LinkedHashMap<>();
    private final List<Object[]> molecules = new ArrayList<>();
    private String systemName = "";
    private Topology.Pairs nonbondedPairs;

    private GromacsTopology(List<String> gmxlib, Map<String, String> predefined) {
        this.gmxlib = gmxlib;
        defines.putAll(predefined);
    }

    /** Reads a topology, resolving includes relative to each file and then in the folders of {@code GMXLIB}. */
    public static Topology read(Path file) {
        return read(file, Map.of());
    }

    /** As {@link #read(Path)}, with preprocessor symbols defined up front (like grompp's {@code define = -DPOSRES}). */
    public static Topology read(Path file, Map<String, String> defines) {
        String env = System.getenv("GMXLIB");
        List<String> gmxlib = env == null || env.isBlank() ? List.of() : Arrays.asList(env.split(":"));
        return read(file, defines, gmxlib);
    }

    /**
     * As {@link #read(Path, Map)}, searching includes that are not next to the including file in
     * {@code includeDirs} (in order) instead of {@code GMXLIB}.
     */
    public static Topology read(Path file, Map<String, String> defines, List<String> includeDirs) {
        GromacsTopology reader = new GromacsTopology(includeDirs, defines);
        reader.preprocess(file, new ArrayDeque<>());
        reader.parse();
        return reader.build(file);
    }

    // ---------------------------------------------------------------- preprocessor

    private void preprocess(Path file, ArrayDeque<Path> stack) {
        Path real = file.toAbsolutePath().normalize();
        if (stack.contains(real)) {
            throw InputException.at(file, 0, "file includes itself (circular #include)");
        }
        if (!Files.isRegularFile(file)) {
            throw InputException.at(file, 0, "file not found");
        }
        stack.push(real);
        List<String> raw = TextLines.read(file);
        // Each entry: is this branch active? (plus whether an else was seen)
        ArrayDeque<boolean[]> conditions = new ArrayDeque<>();
        StringBuilder continued = null;
        int continuedStart = 0;
        for (int n = 0; n < raw.size(); n++) {
            String text = raw.get(n);
            int lineNo = n + 1;
            if (continued != null) {
                continued.append(' ');
            }
            if (text.endsWith("\\")) {
                if (continued == null) {
                    continued = new StringBuilder();
                    continuedStart = lineNo;
                }
                continued.append(text, 0, text.length() - 1);
                continue;
            }
            if (continued != null) {
                text = continued.append(text).toString();
                lineNo = continuedStart;
                continued = null;
            }
            String trimmed = text.strip();
            boolean active = conditions.stream().allMatch(c -> c[0]);
            if (trimmed.startsWith("#")) {
                String[] t = trimmed.substring(1).strip().split("\\s+", 2);
                String keyword = t[0];
                String argument = t.length > 1 ? stripComment(t[1]).strip() : "";
                switch (keyword) {
                    case "ifdef", "ifndef" -> {
                        if (argument.isEmpty()) {
                            throw InputException.at(file, lineNo, "#" + keyword + " needs a symbol");
                        }
                        boolean defined = defines.containsKey(argument.split("\\s+")[0]);
                        conditions.push(new boolean[]{keyword.equals("ifdef") == defined, false});
                    }
                    case "else" -> {
                        if (conditions.isEmpty() || conditions.peek()[1]) {
                            throw InputException.at(file, lineNo, "#else without a matching #ifdef");
                        }
                        boolean[] c = conditions.peek();
                        c[0] = !c[0];
                        c[1] = true;
                    }
                    case "endif" -> {
                        if (conditions.isEmpty()) {
                            throw InputException.at(file, lineNo, "#endif without a matching #ifdef");
                        }
                        conditions.pop();
                    }
                    case "define" -> {
                        if (active) {
                            if (argument.isEmpty()) {
                                throw InputException.at(file, lineNo, "#define needs a symbol");
                            }
                            String[] kv = argument.split("\\s+", 2);
                            defines.put(kv[0], kv.length > 1 ? kv[1].strip() : "");
                        }
                    }
                    case "undef" -> {
                        if (active) {
                            defines.remove(argument);
                        }
                    }
                    case "include" -> {
                        if (active) {
                            include(file, lineNo, argument, stack);
                        }
                    }
                    default -> throw InputException.at(file, lineNo,
                            "unsupported preprocessor directive #" + keyword + " (expected #include, #define, #undef, #ifdef, #ifndef, #else, #endif)");
                }
                continue;
            }
            if (!active) {
                continue;
            }
            String data = stripComment(text).strip();
            if (data.isEmpty()) {
                continue;
            }
            String[] tokens = substitute(data.split("\\s+"));
            lines.add(new Line(file, lineNo, tokens, data));
        }
        if (!conditions.isEmpty()) {
            throw InputException.at(file, raw.size(), "#ifdef without #endif at end of file");
        }
        stack.pop();
    }

    private void include(Path from, int lineNo, String argument, ArrayDeque<Path> stack) {
        if (argument.length() < 2 || !((argument.startsWith("\"") && argument.endsWith("\""))
                || (argument.startsWith("<") && argument.endsWith(">")))) {
            throw InputException.at(from, lineNo, "#include needs a quoted file name");
        }
        String name = argument.substring(1, argument.length() - 1);
        List<Path> candidates = new ArrayList<>();
        Path parent = from.toAbsolutePath().getParent();
        candidates.add(parent == null ? Path.of(name) : parent.resolve(name));
        for (String dir : gmxlib) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir).resolve(name));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                preprocess(candidate, stack);
                return;
            }
        }
        throw InputException.at(from, lineNo, "included file " + name + " not found next to this file"
                + (gmxlib.isEmpty() ? " (GMXLIB is not set)" : " nor in GMXLIB=" + String.join(":", gmxlib)));
    }

    private static String stripComment(String text) {
        int semicolon = text.indexOf(';');
        return semicolon < 0 ? text : text.substring(0, semicolon);
    }

    private String[] substitute(String[] tokens) {
        boolean any = false;
        for (String t : tokens) {
            if (defines.containsKey(t)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return tokens;
        }
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            String value = defines.get(t);
            if (value == null) {
                out.add(t);
            } else if (!value.isEmpty()) {
                out.addAll(Arrays.asList(value.split("\\s+")));
            }
        }
        return out.toArray(new String[0]);
    }

    // ---------------------------------------------------------------- directives

    private void parse() {
        String directive = null;
        MoleculeType molecule = null;
        for (Line line : lines) {
            String[] t = line.tokens;
            if (line.text.startsWith("[")) {
                int close = line.text.indexOf(']');
                if (close < 0) {
                    throw line.error("directive without closing ]");
                }
                directive = line.text.substring(1, close).strip().toLowerCase();
                if (!SUPPORTED.contains(directive) && !KNOWN_IGNORED.contains(directive)) {
                    throw line.error("unsupported directive [ " + directive + " ] (this engine handles vacuum "
                            + "AMBER-style topologies without constraints, settles, restraints or cmap)");
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
                case "bondtypes" -> putTyped(bondTypes, line, 2);
                case "angletypes" -> putTyped(angleTypes, line, 3);
                case "dihedraltypes" -> readDihedralType(line);
                case "pairtypes" -> readPairParams(pairTypes, line);
                case "nonbond_params" -> readPairParams(nonbondParams, line);
                case "moleculetype" -> {
                    need(line, 2, "a molecule name and nrexcl");
                    int nrexcl = TextLines.integer(t[1], line.file, line.number, "nrexcl");
                    molecule = new MoleculeType(t[0], nrexcl, line);
                    if (moleculeTypes.put(t[0], molecule) != null) {
                        throw line.error("molecule type " + t[0] + " defined twice");
                    }
                }
                case "atoms" -> readAtom(requireMolecule(molecule, line, directive), line);
                case "bonds" -> requireMolecule(molecule, line, directive).bonds.add(line);
                case "pairs" -> requireMolecule(molecule, line, directive).pairs.add(line);
                case "angles" -> requireMolecule(molecule, line, directive).angles.add(line);
                case "dihedrals" -> requireMolecule(molecule, line, directive).dihedrals.add(line);
                case "exclusions" -> requireMolecule(molecule, line, directive).exclusions.add(line);
                case "system" -> systemName = systemName.isEmpty() ? line.text : systemName + " " + line.text;
                case "molecules" -> {
                    need(line, 2, "a molecule name and a count");
                    int count = TextLines.integer(t[1], line.file, line.number, "molecule count");
                    if (count < 0) {
                        throw line.error("expected a non-negative molecule count, found " + count);
                    }
                    molecules.add(new Object[]{t[0], count, line});
                }
                default -> {
                    // known force-field tables this engine does not need (constrainttypes: h-bonds use b0)
                }
            }
        }
    }

    private static MoleculeType requireMolecule(MoleculeType molecule, Line line, String directive) {
        if (molecule == null) {
            throw line.error("[ " + directive + " ] outside a [ moleculetype ]");
        }
        return molecule;
    }

    private static void need(Line line, int count, String what) {
        if (line.tokens.length < count) {
            throw line.error("expected " + what + " (" + count + " fields), found " + line.tokens.length);
        }
    }

    private double num(Line line, int index, String what) {
        need(line, index + 1, what);
        return TextLines.number(line.tokens[index], line.file, line.number, what);
    }

    private int integer(Line line, int index, String what) {
        need(line, index + 1, what);
        return TextLines.integer(line.tokens[index], line.file, line.number, what);
    }

    private void readDefaults(Line line) {
        int nbfunc = integer(line, 0, "nbfunc");
        if (nbfunc != 1) {
            throw line.error("unsupported nbfunc " + nbfunc + " (expected 1, Lennard-Jones)");
        }
        combRule = line.tokens.length > 1 ? integer(line, 1, "comb-rule") : 1;
        if (combRule < 1 || combRule > 3) {
            throw line.error("unsupported comb-rule " + combRule + " (expected 1, 2 or 3)");
        }
        if (line.tokens.length > 2) {
            String g = line.tokens[2].toLowerCase();
            if (!g.equals("yes") && !g.equals("no")) {
                throw line.error("expected gen-pairs yes or no, found " + line.tokens[2]);
            }
            genPairs = g.equals("yes");
        }
        fudgeLJ = line.tokens.length > 3 ? num(line, 3, "fudgeLJ") : 1;
        fudgeQQ = line.tokens.length > 4 ? num(line, 4, "fudgeQQ") : 1;
        defaultsSeen = true;
    }

    private void readAtomType(Line line) {
        String[] t = line.tokens;
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
        double mass = num(line, n - 5, "mass");
        double charge = num(line, n - 4, "charge");
        double v = num(line, n - 2, "sigma (or c6)");
        double w = num(line, n - 1, "epsilon (or c12)");
        atomTypes.put(t[0], new AtomType(bondType, mass, charge, v, w));
    }

    private void putTyped(Map<String, TypeEntry> map, Line line, int atoms) {
        need(line, atoms + 1, atoms + " atom types and a function type");
        String[] types = Arrays.copyOf(line.tokens, atoms);
        int funct = integer(line, atoms, "function type");
        double[] params = params(line, atoms + 1);
        TypeEntry entry = new TypeEntry(types, funct, params, line);
        map.put(String.join(" ", types), entry);
        String[] reversed = types.clone();
        for (int a = 0; a < atoms / 2; a++) {
            String tmp = reversed[a];
            reversed[a] = reversed[atoms - 1 - a];
            reversed[atoms - 1 - a] = tmp;
        }
        map.put(String.join(" ", reversed), entry);
    }

    private double[] params(Line line, int from) {
        int count = Math.max(0, line.tokens.length - from);
        double[] p = new double[count];
        for (int i = 0; i < count; i++) {
            p[i] = TextLines.number(line.tokens[from + i], line.file, line.number, "parameter " + (i + 1));
        }
        return p;
    }

    private void readDihedralType(Line line) {
        need(line, 5, "4 atom types, a function type and parameters");
        if (!isInteger(line.tokens[4])) {
            throw line.error("expected 4 atom types then a function type (the 2-atom form is not supported)");
        }
        int funct = integer(line, 4, "function type");
        TypeEntry entry = new TypeEntry(Arrays.copyOf(line.tokens, 4), funct, params(line, 5), line);
        if (funct == 1 || funct == 9) {
            properTypes.add(entry);
        } else if (funct == 4) {
            improperTypes.add(entry);
        }
        // other function types (e.g. Ryckaert-Bellemans) only fail if a molecule uses them
    }

    private static boolean isInteger(String s) {
        return s.matches("[0-9]+");
    }

    private void readPairParams(Map<String, double[]> map, Line line) {
        need(line, 5, "2 atom types, function type 1 and 2 parameters");
        int funct = integer(line, 2, "function type");
        if (funct != 1) {
            throw line.error("unsupported function type " + funct + " (expected 1)");
        }
        double[] vw = {num(line, 3, "sigma (or c6)"), num(line, 4, "epsilon (or c12)")};
        map.put(line.tokens[0] + " " + line.tokens[1], vw);
        map.put(line.tokens[1] + " " + line.tokens[0], vw);
    }

    private void readAtom(MoleculeType molecule, Line line) {
        need(line, 5, "nr type resnr residue atom [cgnr charge mass]");
        int nr = integer(line, 0, "atom number");
        if (nr != molecule.atomNames.size() + 1) {
            throw line.error("expected atom number " + (molecule.atomNames.size() + 1) + ", found " + nr);
        }
        String type = line.tokens[1];
        AtomType at = atomTypes.get(type);
        if (at == null) {
            throw line.error("unknown atom type " + type + " (not in [ atomtypes ])");
        }
        molecule.types.add(type);
        molecule.residueNumbers.add(integer(line, 2, "residue number"));
        molecule.residueNames.add(line.tokens[3]);
        molecule.atomNames.add(line.tokens[4]);
        molecule.charges.add(line.tokens.length > 6 ? num(line, 6, "charge") : at.charge);
        molecule.masses.add(line.tokens.length > 7 ? num(line, 7, "mass") : at.mass);
        if (line.tokens.length > 8) {
            throw line.error("B-state (free-energy) parameters are not supported");
        }
    }

    // ---------------------------------------------------------------- building

    private final class Builder {
        final List<String> names = new ArrayList<>();
        final List<String> residues = new ArrayList<>();
        final List<Integer> residueNumbers = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        final List<Double> charges = new ArrayList<>();
        final List<Double> masses = new ArrayList<>();
        final IntList bi = new IntList(), bj = new IntList();
        final DoubleList b0 = new DoubleList(), kb = new DoubleList();
        final IntList ai = new IntList(), aj = new IntList(), ak = new IntList();
        final DoubleList th0 = new DoubleList(), kth = new DoubleList();
        final Torsion proper = new Torsion(), improper = new Torsion();
        final IntList pi = new IntList(), pj = new IntList();
        final DoubleList pc6 = new DoubleList(), pc12 = new DoubleList(), pqq = new DoubleList();
        /** Per molecule instance: first atom and the excluded partners (global indices) of each atom. */
        final List<int[]> moleculeStarts = new ArrayList<>();
        final List<BitSet> excluded = new ArrayList<>();
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

    private Topology build(Path file) {
        if (lines.isEmpty()) {
            throw InputException.at(file, 1, "empty topology (expected [ defaults ], [ atomtypes ], molecule types and [ molecules ])");
        }
        if (!defaultsSeen) {
            throw InputException.at(file, 0, "no [ defaults ] directive (expected a force field include)");
        }
        if (molecules.isEmpty()) {
            throw InputException.at(file, 0, "no [ molecules ] entries (expected a molecule name and count)");
        }
        Builder b = new Builder();
        for (Object[] entry : molecules) {
            Line line = (Line) entry[2];
            MoleculeType type = moleculeTypes.get((String) entry[0]);
            if (type == null) {
                throw line.error("unknown molecule type " + entry[0] + " (no [ moleculetype ] of that name)");
            }
            for (int copy = 0; copy < (Integer) entry[1]; copy++) {
                addMolecule(b, type);
            }
        }
        int n = b.names.size();
        if (n == 0) {
            throw InputException.at(file, 0, "the system has no atoms");
        }
        addNonbonded(b, n);
        return new Topology(systemName, b.names.toArray(new String[0]), b.residues.toArray(new String[0]),
                b.residueNumbers.stream().mapToInt(Integer::intValue).toArray(), b.types.toArray(new String[0]),
                b.charges.stream().mapToDouble(Double::doubleValue).toArray(),
                b.masses.stream().mapToDouble(Double::doubleValue).toArray(),
                new Topology.Bonds(b.bi.array(), b.bj.array(), b.b0.array(), b.kb.array()),
                new Topology.Angles(b.ai.array(), b.aj.array(), b.ak.array(), b.th0.array(), b.kth.array()),
                b.proper.build(), b.improper.build(),
                new Topology.Pairs(b.pi.array(), b.pj.array(), b.pc6.array(), b.pc12.array(), b.pqq.array()),
                nonbondedPairs);
    }

    private void addMolecule(Builder b, MoleculeType m) {
        int offset = b.names.size();
        int n = m.atomNames.size();
        b.names.addAll(m.atomNames);
        b.residues.addAll(m.residueNames);
        b.residueNumbers.addAll(m.residueNumbers);
        b.types.addAll(m.types);
        b.charges.addAll(m.charges);
        b.masses.addAll(m.masses);
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            neighbours.add(new ArrayList<>());
        }
        for (Line line : m.bonds) {
            int[] at = atoms(line, 2, n);
            int funct = integer(line, 2, "function type");
            if (funct != 1) {
                throw line.error("unsupported bond function type " + funct + " (expected 1, harmonic)");
            }
            double[] p = params(line, 3);
            if (p.length == 0) {
                TypeEntry e = lookup(bondTypes, m, at, line, "bondtypes");
                requireFunct(e, 1, line);
                p = e.params;
            }
            requireParams(p, 2, line, "b0 kb");
            b.bi.add(at[0] + offset);
            b.bj.add(at[1] + offset);
            b.b0.add(p[0]);
            b.kb.add(p[1]);
            neighbours.get(at[0]).add(at[1]);
            neighbours.get(at[1]).add(at[0]);
        }
        for (Line line : m.angles) {
            int[] at = atoms(line, 3, n);
            int funct = integer(line, 3, "function type");
            if (funct != 1) {
                throw line.error("unsupported angle function type " + funct + " (expected 1, harmonic)");
            }
            double[] p = params(line, 4);
            if (p.length == 0) {
                TypeEntry e = lookup(angleTypes, m, at, line, "angletypes");
                requireFunct(e, 1, line);
                p = e.params;
            }
            requireParams(p, 2, line, "theta0 ktheta");
            b.ai.add(at[0] + offset);
            b.aj.add(at[1] + offset);
            b.ak.add(at[2] + offset);
            b.th0.add(Math.toRadians(p[0]));
            b.kth.add(p[1]);
        }
        for (Line line : m.dihedrals) {
            int[] at = atoms(line, 4, n);
            int funct = integer(line, 4, "function type");
            if (funct != 1 && funct != 4 && funct != 9) {
                throw line.error("unsupported dihedral function type " + funct + " (expected 1, 4 or 9)");
            }
            Torsion target = funct == 4 ? b.improper : b.proper;
            double[] p = params(line, 5);
            if (p.length > 0) {
                requireParams(p, 3, line, "phase k multiplicity");
                target.add(at[0] + offset, at[1] + offset, at[2] + offset, at[3] + offset, p[0], p[1], multiplicity(p[2], line));
                continue;
            }
            List<TypeEntry> found = dihedralTypes(funct == 4 ? improperTypes : properTypes, m, at, funct == 9);
            if (found.isEmpty()) {
                throw line.error("no [ dihedraltypes ] entry of function " + (funct == 4 ? "4" : "1 or 9") + " for "
                        + bondTypesOf(m, at));
            }
            for (TypeEntry e : found) {
                requireParams(e.params, 3, e.line, "phase k multiplicity");
                target.add(at[0] + offset, at[1] + offset, at[2] + offset, at[3] + offset, e.params[0], e.params[1],
                        multiplicity(e.params[2], e.line));
            }
        }
        for (Line line : m.pairs) {
            int[] at = atoms(line, 2, n);
            int funct = integer(line, 2, "function type");
            if (funct != 1) {
                throw line.error("unsupported pair function type " + funct + " (expected 1)");
            }
            double[] p = params(line, 3);
            double[] c;
            if (p.length > 0) {
                requireParams(p, 2, line, "V W");
                c = coefficients(p[0], p[1]);
            } else {
                double[] vw = pairTypes.get(m.types.get(at[0]) + " " + m.types.get(at[1]));
                if (vw != null) {
                    c = coefficients(vw[0], vw[1]);
                } else if (genPairs) {
                    c = combined(m.types.get(at[0]), m.types.get(at[1]));
                    c[0] *= fudgeLJ;
                    c[1] *= fudgeLJ;
                } else {
                    throw line.error("no [ pairtypes ] entry for " + m.types.get(at[0]) + " " + m.types.get(at[1])
                            + " and gen-pairs is no");
                }
            }
            b.pi.add(at[0] + offset);
            b.pj.add(at[1] + offset);
            b.pc6.add(c[0]);
            b.pc12.add(c[1]);
            b.pqq.add(fudgeQQ * m.charges.get(at[0]) * m.charges.get(at[1]));
        }
        // exclusions: all atoms within nrexcl bonds, plus explicit [ exclusions ]
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
            b.excluded.add(ex);
        }
        for (Line line : m.exclusions) {
            int[] at = atoms(line, line.tokens.length, n);
            for (int k = 1; k < at.length; k++) {
                b.excluded.get(offset + at[0]).set(offset + at[k]);
                b.excluded.get(offset + at[k]).set(offset + at[0]);
            }
        }
    }

    private void addNonbonded(Builder b, int n) {
        IntList pi = new IntList(), pj = new IntList();
        DoubleList c6 = new DoubleList(), c12 = new DoubleList(), qq = new DoubleList();
        Map<String, double[]> cache = new HashMap<>();
        for (int i = 0; i < n; i++) {
            BitSet ex = b.excluded.get(i);
            for (int j = i + 1; j < n; j++) {
                if (ex.get(j)) {
                    continue;
                }
                String typeI = b.types.get(i);
                String typeJ = b.types.get(j);
                double[] c = cache.computeIfAbsent(typeI + " " + typeJ, key -> {
                    double[] vw = nonbondParams.get(key);
                    return vw != null ? coefficients(vw[0], vw[1]) : combined(typeI, typeJ);
                });
                pi.add(i);
                pj.add(j);
                c6.add(c[0]);
                c12.add(c[1]);
                qq.add(b.charges.get(i) * b.charges.get(j));
            }
        }
        nonbondedPairs = new Topology.Pairs(pi.array(), pj.array(), c6.array(), c12.array(), qq.array());
    }

    /** c6, c12 from a (V, W) parameter pair as the combination rule defines them. */
    private double[] coefficients(double v, double w) {
        if (combRule == 1) {
            return new double[]{v, w};
        }
        double s6 = Math.pow(v, 6);
        return new double[]{4 * w * s6, 4 * w * s6 * s6};
    }

    private double[] combined(String typeI, String typeJ) {
        AtomType a = atomTypes.get(typeI);
        AtomType c = atomTypes.get(typeJ);
        return switch (combRule) {
            case 1 -> new double[]{Math.sqrt(a.v * c.v), Math.sqrt(a.w * c.w)};
            case 2 -> coefficients(0.5 * (a.v + c.v), Math.sqrt(a.w * c.w));
            default -> coefficients(Math.sqrt(a.v * c.v), Math.sqrt(a.w * c.w));
        };
    }

    private int[] atoms(Line line, int count, int atomsInMolecule) {
        need(line, count + (count == line.tokens.length ? 0 : 1), count + " atom indices and a function type");
        int[] at = new int[count];
        for (int k = 0; k < count; k++) {
            int index = TextLines.integer(line.tokens[k], line.file, line.number, "atom index");
            if (index < 1 || index > atomsInMolecule) {
                throw line.error("atom index " + index + " out of range (expected 1.." + atomsInMolecule + ")");
            }
            at[k] = index - 1;
        }
        return at;
    }

    private static void requireParams(double[] p, int count, Line line, String what) {
        if (p.length < count) {
            throw line.error("expected " + count + " parameters (" + what + "), found " + p.length);
        }
    }

    private static void requireFunct(TypeEntry e, int funct, Line line) {
        if (e.funct != funct) {
            throw line.error("parameters found at " + e.line.file + ":" + e.line.number + " have function type "
                    + e.funct + ", expected " + funct);
        }
    }

    private static int multiplicity(double value, Line line) {
        if (value != Math.rint(value) || value < 0) {
            throw line.error("expected a non-negative integer multiplicity, found " + value);
        }
        return (int) value;
    }

    private String bondType(MoleculeType m, int atom) {
        return atomTypes.get(m.types.get(atom)).bondType;
    }

    private String bondTypesOf(MoleculeType m, int[] at) {
        StringBuilder s = new StringBuilder();
        for (int a : at) {
            s.append(s.length() == 0 ? "" : "-").append(bondType(m, a));
        }
        return s.toString();
    }

    private TypeEntry lookup(Map<String, TypeEntry> map, MoleculeType m, int[] at, Line line, String directive) {
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
        String[] types = new String[4];
        for (int k = 0; k < 4; k++) {
            types[k] = bondType(m, at[k]);
        }
        int best = -1;
        int bestMatches = -1;
        for (int e = 0; e < entries.size(); e++) {
            int matches = matches(entries.get(e).types, types);
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
            for (int e = best + 1; e < entries.size() && Arrays.equals(entries.get(e).types, first.types); e++) {
                out.add(entries.get(e));
            }
        }
        return out;
    }

    private static int matches(String[] pattern, String[] types) {
        boolean forward = true;
        boolean backward = true;
        int count = 0;
        for (int k = 0; k < 4; k++) {
            boolean wild = pattern[k].equals("X");
            if (!wild) {
                count++;
            }
            forward &= wild || pattern[k].equals(types[k]);
            backward &= wild || pattern[k].equals(types[3 - k]);
        }
        return forward || backward ? count : -1;
    }

    /** Growable int array. */
    private static final class IntList {
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
    private static final class DoubleList {
        private double[] data = new double[16];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        double[] array() {
            return Arrays.copyOf(data, size);
        }
    }
}

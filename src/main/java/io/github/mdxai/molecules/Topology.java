package io.github.mdxai.molecules;

import java.util.Arrays;

/**
 * Immutable description of a molecular system: atoms and every bonded and nonbonded interaction with its
 * parameters already resolved (GROMACS units: nm, kJ/mol, amu, e; angles in radians). Atom indices are 0-based.
 * Built by {@link io.github.mdxai.io.GromacsTopology}; the force field and integrators read it, nothing writes it.
 */
public final class Topology {

    /** GROMACS' electric conversion factor f = 1/(4 pi eps0) in kJ mol^-1 nm e^-2 (GROMACS 2022, CODATA 2018). */
    public static final double COULOMB = 138.935457644;

    private final String title;
    private final String[] atomNames;
    private final String[] residueNames;
    private final int[] residueNumbers;
    private final String[] atomTypes;
    private final double[] charges;
    private final double[] masses;
    private final Bonds bonds;
    private final Angles angles;
    private final Torsions properTorsions;
    private final Torsions improperTorsions;
    private final Pairs pairs14;
    private final Pairs nonbonded;
    private final Extra extra;

    /**
     * The terms beyond the AMBER forms (CHARMM, OPLS-AA, GROMOS families), constraints and position restraints;
     * {@link #NONE_EXTRA} where a topology has none.
     */
    public record Extra(Bonds g96Bonds, Angles g96Angles, Angles ureyBradleyAngles, Bonds ureyBradleyBonds, RbTorsions rbTorsions,
                        RbTorsions fourierTorsions, HarmonicTorsions harmonicImpropers, CmapTorsions cmap,
                        DistanceConstraints constraints, PositionRestraints positionRestraints) {
    }

    public static final Extra NONE_EXTRA = new Extra(Bonds.NONE, Angles.NONE, Angles.NONE, Bonds.NONE, RbTorsions.NONE,
            RbTorsions.NONE, HarmonicTorsions.NONE, CmapTorsions.NONE, DistanceConstraints.NONE, PositionRestraints.NONE);

    public Topology(String title, String[] atomNames, String[] residueNames, int[] residueNumbers, String[] atomTypes,
                    double[] charges, double[] masses, Bonds bonds, Angles angles, Torsions properTorsions,
                    Torsions improperTorsions, Pairs pairs14, Pairs nonbonded) {
        this(title, atomNames, residueNames, residueNumbers, atomTypes, charges, masses, bonds, angles, properTorsions,
                improperTorsions, pairs14, nonbonded, NONE_EXTRA);
    }

    public Topology(String title, String[] atomNames, String[] residueNames, int[] residueNumbers, String[] atomTypes,
                    double[] charges, double[] masses, Bonds bonds, Angles angles, Torsions properTorsions,
                    Torsions improperTorsions, Pairs pairs14, Pairs nonbonded, Extra extra) {
        this.title = title;
        this.atomNames = atomNames.clone();
        this.residueNames = residueNames.clone();
        this.residueNumbers = residueNumbers.clone();
        this.atomTypes = atomTypes.clone();
        this.charges = charges.clone();
        this.masses = masses.clone();
        this.bonds = bonds;
        this.angles = angles;
        this.properTorsions = properTorsions;
        this.improperTorsions = improperTorsions;
        this.pairs14 = pairs14;
        this.nonbonded = nonbonded;
        this.extra = extra;
    }

    public String title() {
        return title;
    }

    public int atomCount() {
        return masses.length;
    }

    public String atomName(int i) {
        return atomNames[i];
    }

    public String residueName(int i) {
        return residueNames[i];
    }

    public int residueNumber(int i) {
        return residueNumbers[i];
    }

    public String atomType(int i) {
        return atomTypes[i];
    }

    public double charge(int i) {
        return charges[i];
    }

    public double mass(int i) {
        return masses[i];
    }

    /** A copy of the masses (amu), one per atom. */
    public double[] masses() {
        return masses.clone();
    }

    /** A copy of the charges (e), one per atom. */
    public double[] charges() {
        return charges.clone();
    }

    public Bonds bonds() {
        return bonds;
    }

    public Angles angles() {
        return angles;
    }

    /** Periodic proper torsions, one entry per cosine term (GROMACS funct 1 and 9). */
    public Torsions properTorsions() {
        return properTorsions;
    }

    /** Periodic improper torsions (GROMACS funct 4), same formula as proper ones. */
    public Torsions improperTorsions() {
        return improperTorsions;
    }

    /** 1-4 pairs with scaled LJ coefficients and charge products (fudgeQQ * qi * qj). */
    public Pairs pairs14() {
        return pairs14;
    }

    /** Every pair not excluded (within nrexcl bonds or by [ exclusions ]), with full LJ and qi * qj. */
    public Pairs nonbonded() {
        return nonbonded;
    }

    /** GROMOS quartic bonds V = kb/4 (r^2 - b0^2)^2 (GROMACS bond funct 2). */
    public Bonds g96Bonds() {
        return extra.g96Bonds;
    }

    /** GROMOS cosine-harmonic angles V = ktheta/2 (cos theta - cos theta0)^2 (GROMACS angle funct 2); theta0 in rad. */
    public Angles g96Angles() {
        return extra.g96Angles;
    }

    /** The harmonic angle part of Urey-Bradley angles (GROMACS angle funct 5). */
    public Angles ureyBradleyAngles() {
        return extra.ureyBradleyAngles;
    }

    /** The 1-3 harmonic distance part of Urey-Bradley angles: atoms i and k, r13 and kUB. */
    public Bonds ureyBradleyBonds() {
        return extra.ureyBradleyBonds;
    }

    /** Ryckaert-Bellemans torsions (GROMACS funct 3). */
    public RbTorsions rbTorsions() {
        return extra.rbTorsions;
    }

    /** Fourier torsions (GROMACS funct 5), converted to Ryckaert-Bellemans coefficients as GROMACS does. */
    public RbTorsions fourierTorsions() {
        return extra.fourierTorsions;
    }

    /** Harmonic improper dihedrals (GROMACS funct 2). */
    public HarmonicTorsions harmonicImpropers() {
        return extra.harmonicImpropers;
    }

    public CmapTorsions cmap() {
        return extra.cmap;
    }

    /** Distances the topology itself constrains ([ constraints ]): dynamics must keep them fixed. */
    public DistanceConstraints constraints() {
        return extra.constraints;
    }

    /** [ position_restraints ] as read; applied only through {@link PositionRestraints#term}. */
    public PositionRestraints positionRestraints() {
        return extra.positionRestraints;
    }

    /**
     * Indices of bonds that involve a hydrogen, by GROMACS' rule for constraints = h-bonds: an atom whose name
     * starts with H.
     */
    public int[] hydrogenBonds() {
        int[] out = new int[bonds.size()];
        int count = 0;
        for (int b = 0; b < bonds.size(); b++) {
            if (isHydrogen(bonds.i[b]) || isHydrogen(bonds.j[b])) {
                out[count++] = b;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private boolean isHydrogen(int atom) {
        String name = atomNames[atom];
        return !name.isEmpty() && Character.toUpperCase(name.charAt(0)) == 'H';
    }

    /** Harmonic bonds V = kb/2 (r - b0)^2. */
    public static final class Bonds {
        public static final Bonds NONE = new Bonds(new int[0], new int[0], new double[0], new double[0]);

        final int[] i;
        final int[] j;
        final double[] b0;
        final double[] kb;

        public Bonds(int[] i, int[] j, double[] b0, double[] kb) {
            this.i = i.clone();
            this.j = j.clone();
            this.b0 = b0.clone();
            this.kb = kb.clone();
        }

        public int size() {
            return i.length;
        }

        public int i(int b) {
            return i[b];
        }

        public int j(int b) {
            return j[b];
        }

        /** Equilibrium length (nm). */
        public double b0(int b) {
            return b0[b];
        }

        /** Force constant (kJ/mol/nm^2). */
        public double kb(int b) {
            return kb[b];
        }
    }

    /** Harmonic angles V = ktheta/2 (theta - theta0)^2, theta in radians. */
    public static final class Angles {
        public static final Angles NONE = new Angles(new int[0], new int[0], new int[0], new double[0], new double[0]);

        final int[] i;
        final int[] j;
        final int[] k;
        final double[] theta0;
        final double[] ktheta;

        public Angles(int[] i, int[] j, int[] k, double[] theta0, double[] ktheta) {
            this.i = i.clone();
            this.j = j.clone();
            this.k = k.clone();
            this.theta0 = theta0.clone();
            this.ktheta = ktheta.clone();
        }

        public int size() {
            return i.length;
        }

        public int i(int a) {
            return i[a];
        }

        public int j(int a) {
            return j[a];
        }

        public int k(int a) {
            return k[a];
        }

        /** Equilibrium angle (rad). */
        public double theta0(int a) {
            return theta0[a];
        }

        /** Force constant (kJ/mol/rad^2). */
        public double ktheta(int a) {
            return ktheta[a];
        }
    }

    /** Periodic torsions V = k (1 + cos(n phi - phase)), phi in the IUPAC convention (trans = 180 deg). */
    public static final class Torsions {
        final int[] i;
        final int[] j;
        final int[] k;
        final int[] l;
        final double[] phase;
        final double[] force;
        final int[] multiplicity;

        public Torsions(int[] i, int[] j, int[] k, int[] l, double[] phase, double[] force, int[] multiplicity) {
            this.i = i.clone();
            this.j = j.clone();
            this.k = k.clone();
            this.l = l.clone();
            this.phase = phase.clone();
            this.force = force.clone();
            this.multiplicity = multiplicity.clone();
        }

        public int size() {
            return i.length;
        }

        public int i(int t) {
            return i[t];
        }

        public int j(int t) {
            return j[t];
        }

        public int k(int t) {
            return k[t];
        }

        public int l(int t) {
            return l[t];
        }

        /** Phase (rad). */
        public double phase(int t) {
            return phase[t];
        }

        /** Amplitude k (kJ/mol). */
        public double force(int t) {
            return force[t];
        }

        public int multiplicity(int t) {
            return multiplicity[t];
        }
    }

    /** Atom pairs with V = c12/r^12 - c6/r^6 + f qq / r. */
    public static final class Pairs {
        final int[] i;
        final int[] j;
        final double[] c6;
        final double[] c12;
        final double[] qq;

        public Pairs(int[] i, int[] j, double[] c6, double[] c12, double[] qq) {
            this.i = i.clone();
            this.j = j.clone();
            this.c6 = c6.clone();
            this.c12 = c12.clone();
            this.qq = qq.clone();
        }

        public int size() {
            return i.length;
        }

        public int i(int p) {
            return i[p];
        }

        public int j(int p) {
            return j[p];
        }

        /** kJ/mol nm^6. */
        public double c6(int p) {
            return c6[p];
        }

        /** kJ/mol nm^12. */
        public double c12(int p) {
            return c12[p];
        }

        /** Charge product (e^2), already scaled by fudgeQQ for 1-4 pairs. */
        public double qq(int p) {
            return qq[p];
        }
    }
}

package io.github.mdxai.molecules;

import java.util.Arrays;

/**
 * Energy and forces of a {@link Topology} in vacuum, no cut-off, double precision: harmonic and GROMOS bonds,
 * harmonic, GROMOS and Urey-Bradley angles, periodic, Ryckaert-Bellemans and Fourier proper torsions, periodic and harmonic
 * impropers, CMAP, Lennard-Jones and Coulomb over all non-excluded pairs and the scaled 1-4 pairs, plus any extra
 * {@link ForceTerm}s (bias, restraints). Immutable; the terms that evaluate in passes keep their work arrays per
 * thread, so one instance serves many threads as long as its extra terms do. Positions and forces are interleaved xyz arrays (nm, kJ/mol/nm). Dot and cross
 * products of the hot loops use {@link Math#fma} (a JIT intrinsic): fewer operations in the throughput-bound loops,
 * and one rounding instead of two.
 */
public final class ForceField {

    private final int atoms;
    private final BondList bonds, g96Bonds, ureyBradleyBonds;
    private final HarmonicAngles angles, g96Angles, ureyBradleyAngles;
    // torsions as one Fourier series per atom quadruplet
    private final PeriodicTorsions proper, improper;
    private final RbTorsions rb, fourier;
    private final HarmonicTorsions harmonicImpropers;
    private final CmapTerm cmap;
    // 1-4 pairs through GROMACS' pair table, the other pairs analytic
    private final Pairs14Table pairs14;
    private final PairList nonbonded;
    private final boolean hasOtherFamilies;
    private final ForceTerm[] extras;

    private ForceField(Topology top, ForceTerm[] extras) {
        atoms = top.atomCount();
        bonds = new BondList(top.bonds());
        g96Bonds = new BondList(top.g96Bonds());
        ureyBradleyBonds = new BondList(top.ureyBradleyBonds());
        angles = new HarmonicAngles(top.angles());
        g96Angles = new HarmonicAngles(top.g96Angles());
        ureyBradleyAngles = new HarmonicAngles(top.ureyBradleyAngles());
        proper = new PeriodicTorsions(top.properTorsions());
        improper = new PeriodicTorsions(top.improperTorsions());
        rb = top.rbTorsions();
        fourier = top.fourierTorsions();
        harmonicImpropers = top.harmonicImpropers();
        cmap = new CmapTerm(top.cmap());
        pairs14 = new Pairs14Table(top.pairs14());
        nonbonded = new PairList(top.nonbonded(), atoms);
        hasOtherFamilies = top.g96Bonds().size() + top.g96Angles().size() + top.ureyBradleyAngles().size()
                + top.ureyBradleyBonds().size() + rb.size() + fourier.size() + harmonicImpropers.size() + top.cmap().size() > 0;
        this.extras = extras;
    }

    private ForceField(ForceField base, ForceTerm[] extras) {
        atoms = base.atoms;
        bonds = base.bonds;
        g96Bonds = base.g96Bonds;
        ureyBradleyBonds = base.ureyBradleyBonds;
        angles = base.angles;
        g96Angles = base.g96Angles;
        ureyBradleyAngles = base.ureyBradleyAngles;
        proper = base.proper;
        improper = base.improper;
        rb = base.rb;
        fourier = base.fourier;
        harmonicImpropers = base.harmonicImpropers;
        cmap = base.cmap;
        pairs14 = base.pairs14;
        nonbonded = base.nonbonded;
        hasOtherFamilies = base.hasOtherFamilies;
        this.extras = extras;
    }

    /** The force field of a topology, without extra terms. */
    public static ForceField of(Topology top) {
        return new ForceField(top, new ForceTerm[0]);
    }

    /** A force field with the same terms plus {@code term} (e.g. a bias); this one is unchanged. */
    public ForceField plus(ForceTerm term) {
        ForceTerm[] more = Arrays.copyOf(extras, extras.length + 1);
        more[extras.length] = term;
        return new ForceField(this, more);
    }

    public int atomCount() {
        return atoms;
    }

    /**
     * Overwrites {@code f} with the forces at {@code x} and returns the potential energy including extra terms
     * (kJ/mol). If {@code terms} is not null it receives the energy of each term.
     */
    public double energyAndForces(double[] x, double[] f, EnergyTerms terms) {
        Arrays.fill(f, 0, 3 * atoms, 0.0);
        double eBond = bonds.harmonic(x, f);
        double eAngle = angles.evaluate(x, f);
        double eProper = proper.evaluate(x, f);
        double eImproper = improper.evaluate(x, f);
        // the other families' terms as one call that is skipped when the topology has none of them (AMBER): the
        // seven empty calls, inlined here, made the force call about 5 % slower
        double eOther = hasOtherFamilies || terms != null ? otherFamilies(x, f, terms) : 0;
        double ePairs14 = pairs14.evaluate(x, f, terms);
        double ePairs = nonbonded.evaluate(x, f, terms);
        double eExtra = 0;
        for (ForceTerm t : extras) {
            eExtra += t.addForces(x, f);
        }
        if (terms != null) {
            terms.bond = eBond;
            terms.angle = eAngle;
            terms.proper = eProper;
            terms.improper = eImproper;
            terms.extra = eExtra;
        }
        return eBond + eAngle + eProper + eImproper + ePairs14 + ePairs + eExtra + eOther;
    }

    /** GROMOS bonds and angles, Urey-Bradley, Ryckaert-Bellemans, Fourier, harmonic impropers and CMAP. */
    private double otherFamilies(double[] x, double[] f, EnergyTerms terms) {
        double eG96 = g96Bonds.quartic(x, f);
        double eG96Angle = g96Angles.cosineHarmonic(x, f);
        double eUreyBradley = ureyBradleyAngles.evaluate(x, f) + ureyBradleyBonds.harmonic(x, f);
        double eRb = DihedralForms.rb(rb, x, f);
        double eFourier = DihedralForms.rb(fourier, x, f);
        double eHarmonic = DihedralForms.harmonic(harmonicImpropers, x, f);
        double eCmap = cmap.evaluate(x, f);
        if (terms != null) {
            terms.g96Bond = eG96;
            terms.g96Angle = eG96Angle;
            terms.ureyBradley = eUreyBradley;
            terms.rb = eRb;
            terms.fourier = eFourier;
            terms.improperHarmonic = eHarmonic;
            terms.cmap = eCmap;
        }
        return eG96 + eG96Angle + eUreyBradley + eRb + eFourier + eHarmonic + eCmap;
    }
}

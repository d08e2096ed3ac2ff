package io.github.mdxai.molecules;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Energy and forces of a {@link Topology} in vacuum, no cut-off, double precision: harmonic bonds and angles,
 * periodic proper and improper torsions, Lennard-Jones and Coulomb over all non-excluded pairs and the scaled 1-4
 * pairs, plus any extra {@link ForceTerm}s (bias, restraints). Immutable and free of scratch state, so one instance
 * serves many threads as long as its extra terms do. Positions and forces are interleaved xyz arrays (nm, kJ/mol/nm).
 * Dot and cross products use {@link Math#fma} (a JIT intrinsic): fewer operations in the throughput-bound loops,
 * and one rounding instead of two.
 */
public final class ForceField {

    private final int atoms;
    // bonds
    private final int[] bi, bj;
    private final double[] b0, kb;
    // angles
    private final int[] ai, aj, ak;
    private final double[] th0, kth;
    // torsions as one Fourier series per atom quadruplet
    private final Torsions proper, improper;
    // 1-4 and nonbonded pairs, apart for the energy terms and together for speed (longer runs per first atom)
    private final PairList pairs14, nonbonded, allPairs;
    private final ForceTerm[] extras;

    private ForceField(Topology top, ForceTerm[] extras) {
        atoms = top.atomCount();
        Topology.Bonds b = top.bonds();
        bi = b.i;
        bj = b.j;
        b0 = b.b0;
        kb = b.kb;
        Topology.Angles a = top.angles();
        ai = a.i;
        aj = a.j;
        ak = a.k;
        th0 = a.theta0;
        kth = a.ktheta;
        proper = new Torsions(top.properTorsions());
        improper = new Torsions(top.improperTorsions());
        pairs14 = new PairList(top.pairs14(), atoms);
        nonbonded = new PairList(top.nonbonded(), atoms);
        allPairs = new PairList(atoms, top.pairs14(), top.nonbonded());
        this.extras = extras;
    }

    private ForceField(ForceField base, ForceTerm[] extras) {
        atoms = base.atoms;
        bi = base.bi;
        bj = base.bj;
        b0 = base.b0;
        kb = base.kb;
        ai = base.ai;
        aj = base.aj;
        ak = base.ak;
        th0 = base.th0;
        kth = base.kth;
        proper = base.proper;
        improper = base.improper;
        pairs14 = base.pairs14;
        nonbonded = base.nonbonded;
        allPairs = base.allPairs;
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
        double eBond = bonds(x, f);
        double eAngle = angles(x, f);
        double eProper = proper.evaluate(x, f);
        double eImproper = improper.evaluate(x, f);
        double ePairs14 = terms == null ? 0 : pairs14.evaluate(x, f, terms, true);
        double ePairs = terms == null ? allPairs.evaluate(x, f, null, false) : nonbonded.evaluate(x, f, terms, false);
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
        return eBond + eAngle + eProper + eImproper + ePairs14 + ePairs + eExtra;
    }

    private double bonds(double[] x, double[] f) {
        double e = 0;
        for (int b = 0; b < bi.length; b++) {
            int i = 3 * bi[b], j = 3 * bj[b];
            double dx = x[i] - x[j], dy = x[i + 1] - x[j + 1], dz = x[i + 2] - x[j + 2];
            double r2 = dx * dx + dy * dy + dz * dz;
            double r = Math.sqrt(r2);
            double invR = r * (1.0 / r2); // square root and division side by side, as in the loops below
            double dr = r - b0[b];
            e += 0.5 * kb[b] * dr * dr;
            double s = -kb[b] * dr * invR;
            f[i] += s * dx;
            f[i + 1] += s * dy;
            f[i + 2] += s * dz;
            f[j] -= s * dx;
            f[j + 1] -= s * dy;
            f[j + 2] -= s * dz;
        }
        return e;
    }

    /**
     * Harmonic angles, two per iteration with their statements interleaved: one angle's chain of square roots,
     * division and table look-up is long and the loop is bound by its latency, so two independent chains side by
     * side in the instruction window nearly halve the time (1.08 to 0.75 us for alanine dipeptide; 0.68 us with
     * the fused multiply-adds). The forces are added in angle order, so the sums are those of one angle at a time
     * to the bit.
     * F_i = dV/dtheta / sin(theta) * (b/(|a||b|) - cos(theta) a/|a|^2) with sin = cross/(|a||b|); all but the
     * factor d = theta - theta0 is ready before theta, so one multiply follows it. 1/sqrt(aa bb) as a square root
     * times a reciprocal, which run side by side.
     */
    private double angles(double[] x, double[] f) {
        double e = 0;
        int a = 0;
        for (; a + 1 < ai.length; a += 2) {
            int b = a + 1;
            int i1 = 3 * ai[a], j1 = 3 * aj[a], k1 = 3 * ak[a];
            int i2 = 3 * ai[b], j2 = 3 * aj[b], k2 = 3 * ak[b];
            double ax1 = x[i1] - x[j1], ay1 = x[i1 + 1] - x[j1 + 1], az1 = x[i1 + 2] - x[j1 + 2];
            double ax2 = x[i2] - x[j2], ay2 = x[i2 + 1] - x[j2 + 1], az2 = x[i2 + 2] - x[j2 + 2];
            double bx1 = x[k1] - x[j1], by1 = x[k1 + 1] - x[j1 + 1], bz1 = x[k1 + 2] - x[j1 + 2];
            double bx2 = x[k2] - x[j2], by2 = x[k2 + 1] - x[j2 + 1], bz2 = x[k2 + 2] - x[j2 + 2];
            double aa1 = Math.fma(ax1, ax1, Math.fma(ay1, ay1, az1 * az1));
            double aa2 = Math.fma(ax2, ax2, Math.fma(ay2, ay2, az2 * az2));
            double bb1 = Math.fma(bx1, bx1, Math.fma(by1, by1, bz1 * bz1));
            double bb2 = Math.fma(bx2, bx2, Math.fma(by2, by2, bz2 * bz2));
            double ab1 = Math.fma(ax1, bx1, Math.fma(ay1, by1, az1 * bz1));
            double ab2 = Math.fma(ax2, bx2, Math.fma(ay2, by2, az2 * bz2));
            double cx1 = Math.fma(ay1, bz1, -az1 * by1), cy1 = Math.fma(az1, bx1, -ax1 * bz1), cz1 = Math.fma(ax1, by1, -ay1 * bx1);
            double cx2 = Math.fma(ay2, bz2, -az2 * by2), cy2 = Math.fma(az2, bx2, -ax2 * bz2), cz2 = Math.fma(ax2, by2, -ay2 * bx2);
            double cross1 = Math.sqrt(Math.fma(cx1, cx1, Math.fma(cy1, cy1, cz1 * cz1)));
            double cross2 = Math.sqrt(Math.fma(cx2, cx2, Math.fma(cy2, cy2, cz2 * cz2)));
            double aaBb1 = aa1 * bb1;
            double aaBb2 = aa2 * bb2;
            double kw1 = kth[a] / (cross1 * aaBb1);
            double kw2 = kth[b] / (cross2 * aaBb2);
            double toS1 = kw1 * aaBb1, toCa1 = kw1 * ab1 * bb1, toCb1 = kw1 * ab1 * aa1;
            double toS2 = kw2 * aaBb2, toCa2 = kw2 * ab2 * bb2, toCb2 = kw2 * ab2 * aa2;
            double theta1 = FastMath.angle(cross1, ab1, Math.sqrt(aaBb1) * (1.0 / aaBb1));
            double theta2 = FastMath.angle(cross2, ab2, Math.sqrt(aaBb2) * (1.0 / aaBb2));
            double d1 = theta1 - th0[a];
            double d2 = theta2 - th0[b];
            e += 0.5 * kth[a] * d1 * d1;
            e += 0.5 * kth[b] * d2 * d2;
            double s1 = d1 * toS1, ca1 = d1 * toCa1, cb1 = d1 * toCb1;
            double s2 = d2 * toS2, ca2 = d2 * toCa2, cb2 = d2 * toCb2;
            double fix1 = Math.fma(s1, bx1, -ca1 * ax1), fiy1 = Math.fma(s1, by1, -ca1 * ay1), fiz1 = Math.fma(s1, bz1, -ca1 * az1);
            double fix2 = Math.fma(s2, bx2, -ca2 * ax2), fiy2 = Math.fma(s2, by2, -ca2 * ay2), fiz2 = Math.fma(s2, bz2, -ca2 * az2);
            double fkx1 = Math.fma(s1, ax1, -cb1 * bx1), fky1 = Math.fma(s1, ay1, -cb1 * by1), fkz1 = Math.fma(s1, az1, -cb1 * bz1);
            double fkx2 = Math.fma(s2, ax2, -cb2 * bx2), fky2 = Math.fma(s2, ay2, -cb2 * by2), fkz2 = Math.fma(s2, az2, -cb2 * bz2);
            f[i1] += fix1;
            f[i1 + 1] += fiy1;
            f[i1 + 2] += fiz1;
            f[k1] += fkx1;
            f[k1 + 1] += fky1;
            f[k1 + 2] += fkz1;
            f[j1] -= fix1 + fkx1;
            f[j1 + 1] -= fiy1 + fky1;
            f[j1 + 2] -= fiz1 + fkz1;
            f[i2] += fix2;
            f[i2 + 1] += fiy2;
            f[i2 + 2] += fiz2;
            f[k2] += fkx2;
            f[k2 + 1] += fky2;
            f[k2 + 2] += fkz2;
            f[j2] -= fix2 + fkx2;
            f[j2 + 1] -= fiy2 + fky2;
            f[j2 + 2] -= fiz2 + fkz2;
        }
        for (; a < ai.length; a++) {
            int i = 3 * ai[a], j = 3 * aj[a], k = 3 * ak[a];
            double ax = x[i] - x[j], ay = x[i + 1] - x[j + 1], az = x[i + 2] - x[j + 2];
            double bx = x[k] - x[j], by = x[k + 1] - x[j + 1], bz = x[k + 2] - x[j + 2];
            double aa = Math.fma(ax, ax, Math.fma(ay, ay, az * az));
            double bb = Math.fma(bx, bx, Math.fma(by, by, bz * bz));
            double ab = Math.fma(ax, bx, Math.fma(ay, by, az * bz));
            double cx = Math.fma(ay, bz, -az * by), cy = Math.fma(az, bx, -ax * bz), cz = Math.fma(ax, by, -ay * bx);
            double cross = Math.sqrt(Math.fma(cx, cx, Math.fma(cy, cy, cz * cz)));
            double aaBb = aa * bb;
            double kw = kth[a] / (cross * aaBb);
            double toS = kw * aaBb, toCa = kw * ab * bb, toCb = kw * ab * aa;
            double theta = FastMath.angle(cross, ab, Math.sqrt(aaBb) * (1.0 / aaBb));
            double d = theta - th0[a];
            e += 0.5 * kth[a] * d * d;
            double s = d * toS, ca = d * toCa, cb = d * toCb;
            double fix = Math.fma(s, bx, -ca * ax), fiy = Math.fma(s, by, -ca * ay), fiz = Math.fma(s, bz, -ca * az);
            double fkx = Math.fma(s, ax, -cb * bx), fky = Math.fma(s, ay, -cb * by), fkz = Math.fma(s, az, -cb * bz);
            f[i] += fix;
            f[i + 1] += fiy;
            f[i + 2] += fiz;
            f[k] += fkx;
            f[k + 1] += fky;
            f[k + 2] += fkz;
            f[j] -= fix + fkx;
            f[j + 1] -= fiy + fky;
            f[j + 2] -= fiz + fkz;
        }
        return e;
    }

    /**
     * Pairs grouped by first atom (CSR), so the first atom's position and force stay in registers: c6, c12 and
     * f*qq per pair.
     */
    private static final class PairList {
        final int[] start;   // pairs of atom i: [start[i], start[i+1])
        final int[] second;  // 3 * j
        final double[] c6, c12, fqq;
        final double[] c6x6, c12x12; // 6 c6 and 12 c12, for the force

        PairList(Topology.Pairs p, int atoms) {
            this(atoms, p);
        }

        PairList(int atoms, Topology.Pairs... lists) {
            int n = 0;
            for (Topology.Pairs p : lists) {
                n += p.size();
            }
            start = new int[atoms + 1];
            for (Topology.Pairs p : lists) {
                for (int k = 0; k < p.size(); k++) {
                    start[p.i[k] + 1]++;
                }
            }
            for (int a = 0; a < atoms; a++) {
                start[a + 1] += start[a];
            }
            int[] fill = Arrays.copyOf(start, atoms);
            second = new int[n];
            c6 = new double[n];
            c12 = new double[n];
            fqq = new double[n];
            for (Topology.Pairs p : lists) {
                for (int k = 0; k < p.size(); k++) {
                    int slot = fill[p.i[k]]++;
                    second[slot] = 3 * p.j[k];
                    c6[slot] = p.c6[k];
                    c12[slot] = p.c12[k];
                    fqq[slot] = Topology.COULOMB * p.qq[k];
                }
            }
            c6x6 = new double[n];
            c12x12 = new double[n];
            for (int k = 0; k < n; k++) {
                c6x6[k] = 6 * c6[k];
                c12x12[k] = 12 * c12[k];
            }
        }

        /**
         * Sum of c12/r^12 - c6/r^6 + fqq/r, forces added to f; the LJ and Coulomb parts go to the 1-4 or the
         * nonbonded fields of {@code terms} when it is not null.
         */
        double evaluate(double[] x, double[] f, EnergyTerms terms, boolean fourteen) {
            double eLj = 0, eCoul = 0;
            for (int a = 0; a + 1 < start.length; a++) {
                int from = start[a], to = start[a + 1];
                if (from == to) {
                    continue;
                }
                int i = 3 * a;
                double xi = x[i], yi = x[i + 1], zi = x[i + 2];
                double fxi = 0, fyi = 0, fzi = 0;
                for (int p = from; p < to; p++) {
                    int j = second[p];
                    double dx = xi - x[j], dy = yi - x[j + 1], dz = zi - x[j + 2];
                    double r2 = Math.fma(dx, dx, Math.fma(dy, dy, dz * dz));
                    // division and square root side by side, not chained: the loop is bound by one pair's latency
                    double rinv2 = 1.0 / r2;
                    double rinv = Math.sqrt(r2) * rinv2;
                    double rinv6 = rinv2 * rinv2 * rinv2;
                    double vc = fqq[p] * rinv;
                    eLj = Math.fma(rinv6, Math.fma(c12[p], rinv6, -c6[p]), eLj);
                    eCoul += vc;
                    double s = Math.fma(rinv6, Math.fma(c12x12[p], rinv6, -c6x6[p]), vc) * rinv2;
                    fxi = Math.fma(s, dx, fxi);
                    fyi = Math.fma(s, dy, fyi);
                    fzi = Math.fma(s, dz, fzi);
                    f[j] = Math.fma(-s, dx, f[j]);
                    f[j + 1] = Math.fma(-s, dy, f[j + 1]);
                    f[j + 2] = Math.fma(-s, dz, f[j + 2]);
                }
                f[i] += fxi;
                f[i + 1] += fyi;
                f[i + 2] += fzi;
            }
            if (terms != null) {
                if (fourteen) {
                    terms.lj14 = eLj;
                    terms.coulomb14 = eCoul;
                } else {
                    terms.lj = eLj;
                    terms.coulomb = eCoul;
                }
            }
            return eLj + eCoul;
        }
    }

    /**
     * Periodic torsions grouped by atom quadruplet, each quadruplet's terms folded into one Fourier series
     * V = a0 + sum_{n=1..M} (a_n cos n phi + b_n sin n phi) with a_n = sum k cos(phase), b_n = sum k sin(phase) over
     * its terms of multiplicity n: the geometry is computed once per quadruplet and the loop over n has a fixed
     * length M (the largest multiplicity), so no data-dependent branches.
     */
    private static final class Torsions {
        final int[] qi, qj, qk, ql;
        final double[] a0;
        final double[] an, bn; // quadruplet q, multiplicity n at [q * maxMult + n - 1]
        final double[] nan, nbn; // n a_n and n b_n, for dV/dphi
        final int maxMult;

        Torsions(Topology.Torsions t) {
            int n = t.size();
            int max = 0;
            for (int k = 0; k < n; k++) {
                max = Math.max(max, t.multiplicity[k]);
            }
            maxMult = max;
            Map<String, Integer> index = new HashMap<>();
            int[] qi = new int[n], qj = new int[n], qk = new int[n], ql = new int[n];
            double[] a0 = new double[n], an = new double[n * Math.max(1, max)], bn = new double[n * Math.max(1, max)];
            for (int k = 0; k < n; k++) {
                String key = t.i[k] + " " + t.j[k] + " " + t.k[k] + " " + t.l[k];
                Integer q = index.get(key);
                if (q == null) {
                    q = index.size();
                    index.put(key, q);
                    qi[q] = t.i[k];
                    qj[q] = t.j[k];
                    qk[q] = t.k[k];
                    ql[q] = t.l[k];
                }
                int m = t.multiplicity[k];
                double force = t.force[k];
                if (m == 0) {
                    a0[q] += force * (1 + Math.cos(t.phase[k])); // cos(0 * phi - phase)
                } else {
                    a0[q] += force;
                    an[q * max + m - 1] += force * Math.cos(t.phase[k]);
                    bn[q * max + m - 1] += force * Math.sin(t.phase[k]);
                }
            }
            int quads = index.size();
            this.qi = Arrays.copyOf(qi, quads);
            this.qj = Arrays.copyOf(qj, quads);
            this.qk = Arrays.copyOf(qk, quads);
            this.ql = Arrays.copyOf(ql, quads);
            this.a0 = Arrays.copyOf(a0, quads);
            this.an = Arrays.copyOf(an, quads * max);
            this.bn = Arrays.copyOf(bn, quads * max);
            nan = new double[this.an.length];
            nbn = new double[this.bn.length];
            for (int o = 0; o < nan.length; o++) {
                nan[o] = (o % max + 1) * this.an[o];
                nbn[o] = (o % max + 1) * this.bn[o];
            }
        }

        /** GROMACS geometry (dih_angle, do_dih_fup); cos/sin of n*phi by recurrence instead of trigonometry. */
        double evaluate(double[] x, double[] f) {
            double e = 0;
            for (int q = 0; q < qi.length; q++) {
                int i = 3 * qi[q], j = 3 * qj[q], k = 3 * qk[q], l = 3 * ql[q];
                double rijx = x[i] - x[j], rijy = x[i + 1] - x[j + 1], rijz = x[i + 2] - x[j + 2];
                double rkjx = x[k] - x[j], rkjy = x[k + 1] - x[j + 1], rkjz = x[k + 2] - x[j + 2];
                double rklx = x[k] - x[l], rkly = x[k + 1] - x[l + 1], rklz = x[k + 2] - x[l + 2];
                double mx = Math.fma(rijy, rkjz, -rijz * rkjy), my = Math.fma(rijz, rkjx, -rijx * rkjz), mz = Math.fma(rijx, rkjy, -rijy * rkjx);
                double nx = Math.fma(rkjy, rklz, -rkjz * rkly), ny = Math.fma(rkjz, rklx, -rkjx * rklz), nz = Math.fma(rkjx, rkly, -rkjy * rklx);
                double mm = Math.fma(mx, mx, Math.fma(my, my, mz * mz));
                double nn = Math.fma(nx, nx, Math.fma(ny, ny, nz * nz));
                double rkj2 = Math.fma(rkjx, rkjx, Math.fma(rkjy, rkjy, rkjz * rkjz));
                double rkj = Math.sqrt(rkj2);
                // cos(phi) = m.n / (|m||n|), sin(phi) = |rkj| rij.n / (|m||n|) (IUPAC sign), since
                // |m x n| = |rkj| |rij.n|. 1/(|m||n|) is on the path to the forces; 1/(|m|^2 |n|^2 |rkj|^2), which
                // gives 1/|m|^2, 1/|n|^2 and 1/|rkj|^2, is divided beside it (the loop is latency-bound)
                double mn = Math.fma(mx, nx, Math.fma(my, ny, mz * nz));
                double mmnn = mm * nn;
                double invAll = 1.0 / (mmnn * rkj2);
                double invMn1 = Math.sqrt(mmnn) * (invAll * rkj2); // the square root beside the division
                double c = mn * invMn1, s = rkj * Math.fma(rijx, nx, Math.fma(rijy, ny, rijz * nz)) * invMn1;
                double toFa = -rkj * nn * rkj2 * invAll; // -|rkj|/|m|^2
                double toFb = rkj * mm * rkj2 * invAll; // |rkj|/|n|^2
                double invRkj2 = mmnn * invAll;
                double p = Math.fma(rijx, rkjx, Math.fma(rijy, rkjy, rijz * rkjz)) * invRkj2;
                double r = Math.fma(rklx, rkjx, Math.fma(rkly, rkjy, rklz * rkjz)) * invRkj2;
                // forces on i, l, j, k per unit dV/dphi, ready before the series, so one multiply follows it
                double gix = toFa * mx, giy = toFa * my, giz = toFa * mz;
                double glx = toFb * nx, gly = toFb * ny, glz = toFb * nz;
                double svx = Math.fma(p, gix, -r * glx), svy = Math.fma(p, giy, -r * gly), svz = Math.fma(p, giz, -r * glz);
                double gjx = svx - gix, gjy = svy - giy, gjz = svz - giz;
                double gkx = -(glx + svx), gky = -(gly + svy), gkz = -(glz + svz);
                // V = a0 + sum a_n cos(n phi) + b_n sin(n phi); dV/dphi = sum n (b_n cos(n phi) - a_n sin(n phi))
                double ddphi = 0;
                double cn = c, sn = s; // cos and sin of m phi; the next m's by recurrence after use
                e += a0[q];
                for (int o = q * maxMult, end = o + maxMult; o < end; o++) {
                    e += Math.fma(an[o], cn, bn[o] * sn);
                    ddphi += Math.fma(nbn[o], cn, -nan[o] * sn);
                    double tmp = Math.fma(cn, c, -sn * s);
                    sn = Math.fma(sn, c, cn * s);
                    cn = tmp;
                }
                f[i] = Math.fma(ddphi, gix, f[i]);
                f[i + 1] = Math.fma(ddphi, giy, f[i + 1]);
                f[i + 2] = Math.fma(ddphi, giz, f[i + 2]);
                f[j] = Math.fma(ddphi, gjx, f[j]);
                f[j + 1] = Math.fma(ddphi, gjy, f[j + 1]);
                f[j + 2] = Math.fma(ddphi, gjz, f[j + 2]);
                f[k] = Math.fma(ddphi, gkx, f[k]);
                f[k + 1] = Math.fma(ddphi, gky, f[k + 1]);
                f[k + 2] = Math.fma(ddphi, gkz, f[k + 2]);
                f[l] = Math.fma(ddphi, glx, f[l]);
                f[l + 1] = Math.fma(ddphi, gly, f[l + 1]);
                f[l + 2] = Math.fma(ddphi, glz, f[l + 2]);
            }
            return e;
        }
    }
}

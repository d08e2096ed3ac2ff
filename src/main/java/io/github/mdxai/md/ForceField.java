package io.github.mdxai.md;

import java.util.Arrays;

/**
 * Energy and forces of a {@link Topology} in vacuum, no cut-off, double precision: harmonic bonds and angles,
 * periodic proper and improper torsions, Lennard-Jones and Coulomb over all non-excluded pairs and the scaled 1-4
 * pairs, plus any extra {@link ForceTerm}s (bias, restraints). Immutable and free of scratch state, so one instance
 * serves many threads as long as its extra terms do. Positions and forces are interleaved xyz arrays (nm, kJ/mol/nm).
 */
public final class ForceField {

    private final int atoms;
    // bonds
    private final int[] bi, bj;
    private final double[] b0, kb;
    // angles
    private final int[] ai, aj, ak;
    private final double[] th0, kth;
    // torsions grouped by quadruplet: quadruplet q owns terms [start[q], start[q+1])
    private final Torsions proper, improper;
    // pairs: c6, c12 and f*qq
    private final int[] pi, pj, ni, nj;
    private final double[] p6, p12, pqq, n6, n12, nqq;
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
        Topology.Pairs p = top.pairs14();
        pi = p.i;
        pj = p.j;
        p6 = p.c6;
        p12 = p.c12;
        pqq = scaled(p.qq);
        Topology.Pairs n = top.nonbonded();
        ni = n.i;
        nj = n.j;
        n6 = n.c6;
        n12 = n.c12;
        nqq = scaled(n.qq);
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
        pi = base.pi;
        pj = base.pj;
        p6 = base.p6;
        p12 = base.p12;
        pqq = base.pqq;
        ni = base.ni;
        nj = base.nj;
        n6 = base.n6;
        n12 = base.n12;
        nqq = base.nqq;
        this.extras = extras;
    }

    private static double[] scaled(double[] qq) {
        double[] out = new double[qq.length];
        for (int k = 0; k < qq.length; k++) {
            out[k] = Topology.COULOMB * qq[k];
        }
        return out;
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
        double ePairs14 = pairs(x, f, pi, pj, p6, p12, pqq, terms, true);
        double ePairs = pairs(x, f, ni, nj, n6, n12, nqq, terms, false);
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
            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double dr = r - b0[b];
            e += 0.5 * kb[b] * dr * dr;
            double s = -kb[b] * dr / r;
            f[i] += s * dx;
            f[i + 1] += s * dy;
            f[i + 2] += s * dz;
            f[j] -= s * dx;
            f[j + 1] -= s * dy;
            f[j + 2] -= s * dz;
        }
        return e;
    }

    private double angles(double[] x, double[] f) {
        double e = 0;
        for (int a = 0; a < ai.length; a++) {
            int i = 3 * ai[a], j = 3 * aj[a], k = 3 * ak[a];
            double ax = x[i] - x[j], ay = x[i + 1] - x[j + 1], az = x[i + 2] - x[j + 2];
            double bx = x[k] - x[j], by = x[k + 1] - x[j + 1], bz = x[k + 2] - x[j + 2];
            double aa = ax * ax + ay * ay + az * az;
            double bb = bx * bx + by * by + bz * bz;
            double ab = ax * bx + ay * by + az * bz;
            double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
            double cross = Math.sqrt(cx * cx + cy * cy + cz * cz);
            double theta = FastMath.atan2(cross, ab);
            double d = theta - th0[a];
            e += 0.5 * kth[a] * d * d;
            // F_i = dV/dtheta / sin(theta) * (b/(|a||b|) - cos(theta) a/|a|^2), with sin = cross/(|a||b|)
            double dvdt = kth[a] * d;
            double s = dvdt / cross; // = dV/dtheta / (sin(theta) |a||b|)
            double ca = s * ab / aa;
            double cb = s * ab / bb;
            double fix = s * bx - ca * ax, fiy = s * by - ca * ay, fiz = s * bz - ca * az;
            double fkx = s * ax - cb * bx, fky = s * ay - cb * by, fkz = s * az - cb * bz;
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
     * Sum over pairs of c12/r^12 - c6/r^6 + fqq/r, forces added to f; the LJ and Coulomb parts go to the 1-4 or the
     * nonbonded fields of {@code terms} when it is not null.
     */
    private static double pairs(double[] x, double[] f, int[] pi, int[] pj, double[] c6, double[] c12, double[] fqq,
                                EnergyTerms terms, boolean fourteen) {
        double eLj = 0, eCoul = 0;
        for (int p = 0; p < pi.length; p++) {
            int i = 3 * pi[p], j = 3 * pj[p];
            double dx = x[i] - x[j], dy = x[i + 1] - x[j + 1], dz = x[i + 2] - x[j + 2];
            double r2 = dx * dx + dy * dy + dz * dz;
            double rinv2 = 1.0 / r2;
            double rinv = Math.sqrt(rinv2);
            double rinv6 = rinv2 * rinv2 * rinv2;
            double vrep = c12[p] * rinv6 * rinv6;
            double vdisp = c6[p] * rinv6;
            double vc = fqq[p] * rinv;
            eLj += vrep - vdisp;
            eCoul += vc;
            double s = (12 * vrep - 6 * vdisp + vc) * rinv2;
            f[i] += s * dx;
            f[i + 1] += s * dy;
            f[i + 2] += s * dz;
            f[j] -= s * dx;
            f[j + 1] -= s * dy;
            f[j + 2] -= s * dz;
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

    /** Periodic torsions grouped by atom quadruplet, so the geometry is computed once per quadruplet. */
    private static final class Torsions {
        final int[] qi, qj, qk, ql, start;
        final double[] force, cosPhase, sinPhase;
        final int[] mult;

        Torsions(Topology.Torsions t) {
            int n = t.size();
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            // stable sort keeps the file order of terms inside a quadruplet
            Arrays.sort(order, (p, q) -> {
                int c = Integer.compare(t.i[p], t.i[q]);
                if (c == 0) c = Integer.compare(t.j[p], t.j[q]);
                if (c == 0) c = Integer.compare(t.k[p], t.k[q]);
                if (c == 0) c = Integer.compare(t.l[p], t.l[q]);
                return c;
            });
            int[] qi = new int[n], qj = new int[n], qk = new int[n], ql = new int[n], start = new int[n + 1];
            force = new double[n];
            cosPhase = new double[n];
            sinPhase = new double[n];
            mult = new int[n];
            int quads = 0;
            for (int s = 0; s < n; s++) {
                int o = order[s];
                if (quads == 0 || qi[quads - 1] != t.i[o] || qj[quads - 1] != t.j[o] || qk[quads - 1] != t.k[o]
                        || ql[quads - 1] != t.l[o]) {
                    qi[quads] = t.i[o];
                    qj[quads] = t.j[o];
                    qk[quads] = t.k[o];
                    ql[quads] = t.l[o];
                    start[quads] = s;
                    quads++;
                }
                force[s] = t.force[o];
                cosPhase[s] = Math.cos(t.phase[o]);
                sinPhase[s] = Math.sin(t.phase[o]);
                mult[s] = t.multiplicity[o];
            }
            start[quads] = n;
            this.qi = Arrays.copyOf(qi, quads);
            this.qj = Arrays.copyOf(qj, quads);
            this.qk = Arrays.copyOf(qk, quads);
            this.ql = Arrays.copyOf(ql, quads);
            this.start = Arrays.copyOf(start, quads + 1);
        }

        /** GROMACS geometry (dih_angle, do_dih_fup); cos/sin of n*phi by recurrence instead of trigonometry. */
        double evaluate(double[] x, double[] f) {
            double e = 0;
            for (int q = 0; q < qi.length; q++) {
                int i = 3 * qi[q], j = 3 * qj[q], k = 3 * qk[q], l = 3 * ql[q];
                double rijx = x[i] - x[j], rijy = x[i + 1] - x[j + 1], rijz = x[i + 2] - x[j + 2];
                double rkjx = x[k] - x[j], rkjy = x[k + 1] - x[j + 1], rkjz = x[k + 2] - x[j + 2];
                double rklx = x[k] - x[l], rkly = x[k + 1] - x[l + 1], rklz = x[k + 2] - x[l + 2];
                double mx = rijy * rkjz - rijz * rkjy, my = rijz * rkjx - rijx * rkjz, mz = rijx * rkjy - rijy * rkjx;
                double nx = rkjy * rklz - rkjz * rkly, ny = rkjz * rklx - rkjx * rklz, nz = rkjx * rkly - rkjy * rklx;
                double mm = mx * mx + my * my + mz * mz;
                double nn = nx * nx + ny * ny + nz * nz;
                double rkj2 = rkjx * rkjx + rkjy * rkjy + rkjz * rkjz;
                double rkj = Math.sqrt(rkj2);
                // cos(phi) ~ m.n, sin(phi) ~ |rkj| rij.n (IUPAC sign), both scaled by 1/(|m||n|)
                double mn = mx * nx + my * ny + mz * nz;
                double sy = rkj * (rijx * nx + rijy * ny + rijz * nz);
                double h = 1.0 / Math.sqrt(mn * mn + sy * sy);
                double c = mn * h, s = sy * h;
                double ddphi = 0;
                for (int t = start[q]; t < start[q + 1]; t++) {
                    double cn = 1, sn = 0;
                    for (int p = 0; p < mult[t]; p++) {
                        double tmp = cn * c - sn * s;
                        sn = sn * c + cn * s;
                        cn = tmp;
                    }
                    e += force[t] * (1 + cn * cosPhase[t] + sn * sinPhase[t]);
                    ddphi -= force[t] * mult[t] * (sn * cosPhase[t] - cn * sinPhase[t]);
                }
                double fa = -ddphi * rkj / mm;
                double fb = ddphi * rkj / nn;
                double fix = fa * mx, fiy = fa * my, fiz = fa * mz;
                double flx = fb * nx, fly = fb * ny, flz = fb * nz;
                double p = (rijx * rkjx + rijy * rkjy + rijz * rkjz) / rkj2;
                double r = (rklx * rkjx + rkly * rkjy + rklz * rkjz) / rkj2;
                double svx = p * fix - r * flx, svy = p * fiy - r * fly, svz = p * fiz - r * flz;
                f[i] += fix;
                f[i + 1] += fiy;
                f[i + 2] += fiz;
                f[j] -= fix - svx;
                f[j + 1] -= fiy - svy;
                f[j + 2] -= fiz - svz;
                f[k] -= flx + svx;
                f[k + 1] -= fly + svy;
                f[k + 2] -= flz + svz;
                f[l] += flx;
                f[l + 1] += fly;
                f[l + 2] += flz;
            }
            return e;
        }
    }
}

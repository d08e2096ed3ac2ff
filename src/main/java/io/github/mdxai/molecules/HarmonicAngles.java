package io.github.mdxai.molecules;

/**
 * Angles of a {@link Topology.Angles} list: harmonic V = ktheta/2 (theta - theta0)^2 (angles, Urey-Bradley angles) or
 * GROMOS cosine-harmonic V = ktheta/2 (cos theta - cos theta0)^2.
 */
final class HarmonicAngles {

    private final int[] ai, aj, ak;
    private final double[] th0, kth;
    /** Per-thread results of the geometry pass, 12 per angle, so that one instance serves many threads. */
    private final ThreadLocal<double[]> scratch;

    HarmonicAngles(Topology.Angles a) {
        ai = a.i;
        aj = a.j;
        ak = a.k;
        th0 = a.theta0;
        kth = a.ktheta;
        int n = ai.length;
        scratch = ThreadLocal.withInitial(() -> new double[12 * n]);
    }

    /**
     * Harmonic angles in two passes, the geometry of every angle first, then the angle and forces: one angle's
     * chain of square roots, division and table look-up is long and the loop is bound by its latency, and two
     * smaller loop bodies let the processor work on more angles at a time (alanine dipeptide's 36 angles: 1.12 us
     * two per iteration interleaved, 0.95 us so, idle; the same sums in the same order, so the same bits).
     * F_i = dV/dtheta / sin(theta) * (b/(|a||b|) - cos(theta) a/|a|^2) with sin = cross/(|a||b|); all but the
     * factor d = theta - theta0 is ready before theta, so one multiply follows it. 1/sqrt(aa bb) as a square root
     * times a reciprocal, which run side by side.
     */
    double evaluate(double[] x, double[] f) {
        double[] w = scratch.get();
        for (int a = 0; a < ai.length; a++) {
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
            int o = 12 * a;
            w[o] = ax;
            w[o + 1] = ay;
            w[o + 2] = az;
            w[o + 3] = bx;
            w[o + 4] = by;
            w[o + 5] = bz;
            w[o + 6] = cross;
            w[o + 7] = ab;
            w[o + 8] = Math.sqrt(aaBb) * (1.0 / aaBb);
            w[o + 9] = kw * aaBb;
            w[o + 10] = kw * ab * bb;
            w[o + 11] = kw * ab * aa;
        }
        double e = 0;
        for (int a = 0; a < ai.length; a++) {
            int i = 3 * ai[a], j = 3 * aj[a], k = 3 * ak[a];
            int o = 12 * a;
            double theta = FastMath.angle(w[o + 6], w[o + 7], w[o + 8]);
            double d = theta - th0[a];
            e += 0.5 * kth[a] * d * d;
            double s = d * w[o + 9], ca = d * w[o + 10], cb = d * w[o + 11];
            double ax = w[o], ay = w[o + 1], az = w[o + 2], bx = w[o + 3], by = w[o + 4], bz = w[o + 5];
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

    /** GROMOS-96 angles as GROMACS' g96angles: F_i = -dV/dcos (r_kj/(|r_ij||r_kj|) - cos r_ij/|r_ij|^2), same for k. */
    double cosineHarmonic(double[] x, double[] f) {
        double e = 0;
        for (int a = 0; a < ai.length; a++) {
            int i = 3 * ai[a], j = 3 * aj[a], k = 3 * ak[a];
            double ax = x[i] - x[j], ay = x[i + 1] - x[j + 1], az = x[i + 2] - x[j + 2];
            double bx = x[k] - x[j], by = x[k + 1] - x[j + 1], bz = x[k + 2] - x[j + 2];
            double aa = ax * ax + ay * ay + az * az, bb = bx * bx + by * by + bz * bz;
            double rij1 = 1 / Math.sqrt(aa), rkj1 = 1 / Math.sqrt(bb);
            double cos = (ax * bx + ay * by + az * bz) * rij1 * rkj1;
            double d = cos - Math.cos(th0[a]);
            e += 0.5 * kth[a] * d * d;
            double dVdt = -kth[a] * d, rijrkj = rij1 * rkj1, rij2 = rij1 * rij1, rkj2 = rkj1 * rkj1;
            double fix = dVdt * (bx * rijrkj - ax * rij2 * cos), fiy = dVdt * (by * rijrkj - ay * rij2 * cos);
            double fiz = dVdt * (bz * rijrkj - az * rij2 * cos);
            double fkx = dVdt * (ax * rijrkj - bx * rkj2 * cos), fky = dVdt * (ay * rijrkj - by * rkj2 * cos);
            double fkz = dVdt * (az * rijrkj - bz * rkj2 * cos);
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
}

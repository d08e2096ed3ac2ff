package io.github.mdxai.particles;

import java.util.Arrays;

/**
 * The one generic neighbour loop for short-ranged pair potentials in a periodic orthorhombic box: a half Verlet
 * list (Newton's third law) evaluated in a fixed number of particle blocks, each with its own force buffer; the
 * buffers are summed in block order. Because blocks and summation order do not depend on the number of threads,
 * forces and energies are bit-for-bit the same for any thread count.
 * Positions may be unwrapped (the loop applies the minimum image); cutoff + skin must stay below half the box.
 */
public final class PairForces implements AutoCloseable {

    /** Blocks of work; fixed so that results do not depend on the thread count. */
    public static final int BLOCKS = 8;

    private final PairPotential potential;
    private final int n;
    private final int typeCount;
    private final int[] types;
    private final Box box;
    private final double[] cutoffSquared;
    private final VerletList list;
    private final BlockRunner runner;
    private final double[][] buffers;
    private final double[] blockEnergy = new double[BLOCKS];
    private final double[] blockVirial = new double[BLOCKS * 6];
    private final BlockRunner.Body pairBody = this::pairBlock;
    private final BlockRunner.Body reduceBody = this::reduceBlock;
    private final BlockRunner.Body buildBody;
    private double[] x;
    private double[] out;
    private boolean observe;
    private double energy;
    private final double[] virial = new double[6];

    /**
     * @param skin    Verlet skin (0.3 sigma as LAMMPS's {@code neighbor 0.3 bin})
     * @param threads worker threads including the caller
     */
    public PairForces(PairPotential potential, int[] types, Box box, double skin, int threads) {
        double range = potential.maxCutoff() + skin;
        if (2 * range >= box.minLength()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "box edge %.4g is not more than twice the cutoff plus skin (%.4g)", box.minLength(), 2 * range));
        }
        for (int t : types) {
            if (t >= potential.typeCount()) {
                throw new IllegalArgumentException("particle type " + (t + 1) + " but the potential knows "
                        + potential.typeCount() + " types");
            }
        }
        this.potential = potential;
        this.n = types.length;
        this.typeCount = potential.typeCount();
        this.types = types.clone();
        this.box = box;
        this.cutoffSquared = new double[typeCount * typeCount];
        for (int k = 0; k < cutoffSquared.length; k++) {
            cutoffSquared[k] = potential.cutoffSquared(k);
        }
        this.list = new VerletList(potential, this.types, box, skin, BLOCKS);
        this.runner = new BlockRunner(threads);
        this.buildBody = list::buildBlock;
        this.buffers = new double[BLOCKS][3 * n];
    }

    /**
     * Computes forces into {@code forces} (overwritten). With {@code observables}, also the potential energy and
     * the virial tensor W_ab = sum over pairs of r_a F_b (xx yy zz xy xz yz); the scalar virial is always computed.
     */
    public void compute(double[] positions, double[] forces, boolean observables) {
        if (list.stale(positions)) {
            list.prepare(positions);
            runner.run(BLOCKS, buildBody);
        }
        x = positions;
        out = forces;
        observe = observables;
        runner.run(BLOCKS, pairBody);
        runner.run(BLOCKS, reduceBody);
        double e = 0;
        Arrays.fill(virial, 0);
        for (int b = 0; b < BLOCKS; b++) {
            e += blockEnergy[b];
            for (int c = 0; c < 6; c++) {
                virial[c] += blockVirial[6 * b + c];
            }
        }
        energy = observables ? e : Double.NaN;
        x = null;
        out = null;
    }

    private void pairBlock(int b) {
        final double[] pos = x;
        final double[] f = buffers[b];
        final int[] typ = types;
        final int[] start = list.start;
        final int[] stop = list.end;
        final int[] nb = list.neighbours[b];
        final double[] rc2 = cutoffSquared;
        final PairPotential pot = potential;
        final double lx = box.lx();
        final double ly = box.ly();
        final double lz = box.lz();
        final double ilx = 1.0 / lx;
        final double ily = 1.0 / ly;
        final double ilz = 1.0 / lz;
        final boolean obs = observe;
        Arrays.fill(f, 0.0);
        double e = 0;
        double wxx = 0;
        double wyy = 0;
        double wzz = 0;
        double wxy = 0;
        double wxz = 0;
        double wyz = 0;
        int from = (int) ((long) n * b / BLOCKS);
        int to = (int) ((long) n * (b + 1) / BLOCKS);
        for (int i = from; i < to; i++) {
            double xi = pos[3 * i];
            double yi = pos[3 * i + 1];
            double zi = pos[3 * i + 2];
            int ti = typ[i] * typeCount;
            double fxi = 0;
            double fyi = 0;
            double fzi = 0;
            for (int k = start[i], end = stop[i]; k < end; k++) {
                int j = nb[k];
                double dx = xi - pos[3 * j];
                double dy = yi - pos[3 * j + 1];
                double dz = zi - pos[3 * j + 2];
                dx -= lx * Math.rint(dx * ilx);
                dy -= ly * Math.rint(dy * ily);
                dz -= lz * Math.rint(dz * ilz);
                double r2 = dx * dx + dy * dy + dz * dz;
                int kind = ti + typ[j];
                if (r2 < rc2[kind]) {
                    double fr = pot.forceOverR(kind, r2);
                    double fx = fr * dx;
                    double fy = fr * dy;
                    double fz = fr * dz;
                    fxi += fx;
                    fyi += fy;
                    fzi += fz;
                    f[3 * j] -= fx;
                    f[3 * j + 1] -= fy;
                    f[3 * j + 2] -= fz;
                    if (obs) {
                        e += pot.energy(kind, r2);
                        wxx += dx * fx;
                        wyy += dy * fy;
                        wzz += dz * fz;
                        wxy += dx * fy;
                        wxz += dx * fz;
                        wyz += dy * fz;
                    } else {
                        wxx += fr * r2;
                    }
                }
            }
            f[3 * i] += fxi;
            f[3 * i + 1] += fyi;
            f[3 * i + 2] += fzi;
        }
        blockEnergy[b] = e;
        if (obs) {
            blockVirial[6 * b] = wxx;
            blockVirial[6 * b + 1] = wyy;
            blockVirial[6 * b + 2] = wzz;
            blockVirial[6 * b + 3] = wxy;
            blockVirial[6 * b + 4] = wxz;
            blockVirial[6 * b + 5] = wyz;
        } else {
            // only the trace is known; keep it on the diagonal so that the scalar virial stays correct
            blockVirial[6 * b] = wxx / 3;
            blockVirial[6 * b + 1] = wxx / 3;
            blockVirial[6 * b + 2] = wxx / 3;
            blockVirial[6 * b + 3] = 0;
            blockVirial[6 * b + 4] = 0;
            blockVirial[6 * b + 5] = 0;
        }
    }

    private void reduceBlock(int b) {
        int from = (int) ((long) 3 * n * b / BLOCKS);
        int to = (int) ((long) 3 * n * (b + 1) / BLOCKS);
        double[] f = out;
        double[][] buf = buffers;
        for (int k = from; k < to; k++) {
            double s = 0;
            for (int c = 0; c < BLOCKS; c++) {
                s += buf[c][k];
            }
            f[k] = s;
        }
    }

    /** Potential energy of the last {@code compute} with observables (NaN otherwise). */
    public double energy() {
        return energy;
    }

    /** Scalar virial W = sum over pairs r . F of the last {@code compute}. */
    public double virial() {
        return virial[0] + virial[1] + virial[2];
    }

    /** Virial tensor (xx yy zz xy xz yz) of the last {@code compute} with observables. */
    public double[] virialTensor() {
        return virial.clone();
    }

    /** Neighbour-list builds so far. */
    public int listBuilds() {
        return list.builds();
    }

    /** Pairs in the current neighbour list. */
    public int listedPairs() {
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            pairs += list.end[i] - list.start[i];
        }
        return pairs;
    }

    public Box box() {
        return box;
    }

    public int threads() {
        return runner.threads();
    }

    /** CPU time of the worker threads so far (the calling thread's own is not included). */
    long workerCpuNanos() {
        return runner.workerCpuNanos();
    }

    @Override
    public void close() {
        runner.close();
    }
}

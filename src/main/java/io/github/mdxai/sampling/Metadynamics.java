package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.molecules.ForceTerm;
import io.github.mdxai.util.InputException;

/**
 * Well-tempered metadynamics (Barducci, Bussi and Parrinello, PRL 100, 020603, 2008) on one or two collective
 * variables, as a {@link ForceTerm}. Gaussian hills of width sigma are added to a bias V(s) kept on a grid with its
 * gradient (each hill adds its analytic derivative at the grid nodes), read back by bilinear interpolation, so the
 * cost per step does not grow with the number of hills. Periodic CVs (dihedrals) use a periodic grid over
 * (-pi, pi] and the minimum-image difference in the Gaussians; non-periodic CVs use a grid over [lo, hi] outside of
 * which the bias is held at its edge value (no force).
 *
 * <p>Well-tempered height: w = w0 exp(-V(s)/(kB DeltaT)) with DeltaT = T (gamma - 1), gamma the bias factor.
 * After each hill the Tiwary-Parrinello reweighting offset (J. Phys. Chem. B 119, 736, 2015)
 * c(t) = kT ln( sum_s exp(gamma/(gamma-1) V/kT) / sum_s exp(V/((gamma-1) kT)) ) is recomputed on the grid, so a
 * frame sampled at time t has the unbiasing weight exp((V(s,t) - c(t))/kT).
 *
 * <p>Units: CV values and sigma in the CV's own units (radians, nm), energies in kJ/mol. One instance belongs to
 * one simulation thread (it keeps scratch arrays).
 */
public final class Metadynamics implements ForceTerm {

    /** Hills are cut off beyond this many sigma (exp(-18) ~ 1.5e-8 of the height). */
    private static final double CUTOFF_SIGMA = 6.0;

    private final CollectiveVariable[] cvs;
    private final double[] sigma;
    private final double height0;
    private final double biasFactor;
    private final double kT;
    private final int dims;
    private final boolean[] periodic;
    private final double[] lo;
    private final double[] step;
    private final int[] nodes;
    private final double[] bias;
    private final double[][] gradient;
    private final double[][] cvGradient;
    private final double[] s;
    private final double[] dVds;
    private final int[] lowNode = new int[2];
    private final int[] highNode = new int[2];
    private final double[] fraction = new double[2];
    private final boolean[] clamped = new boolean[2];
    private double lastBias;
    private double ct;

    /**
     * @param cvs         one or two CVs
     * @param sigma       hill width per CV (rad or nm)
     * @param height0     initial hill height (kJ/mol)
     * @param biasFactor  gamma &gt; 1
     * @param kT          thermal energy (kJ/mol) at the simulation temperature
     * @param ranges      per non-periodic CV {lo, hi} (ignored, may be null, for periodic CVs)
     * @param atoms       atom count (for scratch arrays)
     */
    public Metadynamics(CollectiveVariable[] cvs, double[] sigma, double height0, double biasFactor, double kT,
                        double[][] ranges, int atoms) {
        InputException.require(cvs.length == 1 || cvs.length == 2, "metadynamics biases 1 or 2 CVs, got " + cvs.length);
        InputException.require(sigma.length == cvs.length, "one sigma per CV expected");
        InputException.require(height0 > 0 && Double.isFinite(height0), "height must be > 0 kJ/mol, was " + height0);
        InputException.require(biasFactor > 1 && Double.isFinite(biasFactor), "bias factor must be > 1, was " + biasFactor);
        InputException.require(kT > 0, "temperature must be > 0");
        this.cvs = cvs.clone();
        this.sigma = sigma.clone();
        this.height0 = height0;
        this.biasFactor = biasFactor;
        this.kT = kT;
        this.dims = cvs.length;
        periodic = new boolean[dims];
        lo = new double[dims];
        step = new double[dims];
        nodes = new int[dims];
        for (int d = 0; d < dims; d++) {
            InputException.require(sigma[d] > 0 && Double.isFinite(sigma[d]), "sigma of " + cvs[d].name() + " must be > 0");
            periodic[d] = cvs[d].periodic();
            // grid spacing sigma/10: linear interpolation of V and of its gradient is then accurate to ~0.5%
            if (periodic[d]) {
                nodes[d] = Math.max(16, (int) Math.ceil(2 * Math.PI / (sigma[d] / 10)));
                lo[d] = -Math.PI;
                step[d] = 2 * Math.PI / nodes[d];
            } else {
                InputException.require(ranges != null && ranges[d] != null && ranges[d].length == 2 && ranges[d][1] > ranges[d][0],
                        "CV " + cvs[d].name() + " is not periodic: its bias grid needs a range lo < hi");
                double span = ranges[d][1] - ranges[d][0];
                nodes[d] = Math.max(16, (int) Math.ceil(span / (sigma[d] / 10)) + 1);
                lo[d] = ranges[d][0];
                step[d] = span / (nodes[d] - 1);
            }
        }
        int total = dims == 1 ? nodes[0] : nodes[0] * nodes[1];
        bias = new double[total];
        gradient = new double[dims][total];
        cvGradient = new double[dims][3 * atoms];
        s = new double[dims];
        dVds = new double[dims];
        ct = 0;
    }

    public CollectiveVariable[] cvs() {
        return cvs.clone();
    }

    public int dimensions() {
        return dims;
    }

    public double[] sigma() {
        return sigma.clone();
    }

    public double biasFactor() {
        return biasFactor;
    }

    @Override
    public double addForces(double[] x, double[] f) {
        for (int d = 0; d < dims; d++) {
            s[d] = cvs[d].valueAndGradient(x, cvGradient[d]);
        }
        lastBias = interpolate(s, dVds);
        for (int d = 0; d < dims; d++) {
            double g = dVds[d];
            if (g == 0) {
                continue;
            }
            double[] cg = cvGradient[d];
            for (int a : cvs[d].atoms()) {
                f[3 * a] -= g * cg[3 * a];
                f[3 * a + 1] -= g * cg[3 * a + 1];
                f[3 * a + 2] -= g * cg[3 * a + 2];
            }
        }
        return lastBias;
    }

    /** CV values at the last force evaluation (rad or nm). */
    public double[] lastCvValues() {
        return s.clone();
    }

    /** The bias (kJ/mol) at the last force evaluation. */
    public double lastBias() {
        return lastBias;
    }

    /** The current reweighting offset c(t) (kJ/mol). */
    public double ct() {
        return ct;
    }

    /** The bias (kJ/mol) at CV values {@code at}. */
    public double bias(double[] at) {
        return interpolate(at, new double[dims]);
    }

    /**
     * Deposits a well-tempered hill at {@code at} (CV units), updates c(t) and returns the height used (kJ/mol).
     */
    public double deposit(double[] at) {
        double height = height0 * Math.exp(-bias(at) / ((biasFactor - 1) * kT));
        int[] from = new int[dims];
        int[] count = new int[dims];
        double[] centre = new double[dims];
        for (int d = 0; d < dims; d++) {
            centre[d] = periodic[d] ? wrap(at[d]) : at[d];
            int reach = (int) Math.ceil(CUTOFF_SIGMA * sigma[d] / step[d]);
            int c = (int) Math.round((centre[d] - lo[d]) / step[d]);
            if (periodic[d]) {
                count[d] = Math.min(nodes[d], 2 * reach + 1);
                from[d] = c - count[d] / 2;
            } else {
                int a = Math.max(0, c - reach);
                int b = Math.min(nodes[d] - 1, c + reach);
                from[d] = a;
                count[d] = Math.max(0, b - a + 1);
            }
        }
        int n0 = dims == 2 ? count[1] : 1;
        for (int k1 = 0; k1 < n0; k1++) {
            double e1 = 0, dd1 = 0;
            int row = 0;
            if (dims == 2) {
                int i1 = index(1, from[1] + k1);
                dd1 = difference(1, lo[1] + i1 * step[1], centre[1]);
                e1 = dd1 * dd1 / (2 * sigma[1] * sigma[1]);
                row = i1 * nodes[0];
            }
            for (int k0 = 0; k0 < count[0]; k0++) {
                int i0 = index(0, from[0] + k0);
                double dd0 = difference(0, lo[0] + i0 * step[0], centre[0]);
                double g = height * Math.exp(-dd0 * dd0 / (2 * sigma[0] * sigma[0]) - e1);
                int at0 = row + i0;
                bias[at0] += g;
                gradient[0][at0] -= g * dd0 / (sigma[0] * sigma[0]);
                if (dims == 2) {
                    gradient[1][at0] -= g * dd1 / (sigma[1] * sigma[1]);
                }
            }
        }
        ct = computeCt();
        return height;
    }

    private double computeCt() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : bias) {
            max = Math.max(max, v);
        }
        double a = biasFactor / (biasFactor - 1) / kT;
        double b = 1 / ((biasFactor - 1) * kT);
        double num = 0, den = 0;
        for (double v : bias) {
            num += Math.exp(a * (v - max));
            den += Math.exp(b * (v - max));
        }
        // ln(sum e^{a v}) - ln(sum e^{b v}) with v shifted by max for range safety
        return kT * (Math.log(num) + a * max - Math.log(den) - b * max);
    }

    private int index(int d, int i) {
        if (!periodic[d]) {
            return i;
        }
        int m = i % nodes[d];
        return m < 0 ? m + nodes[d] : m;
    }

    private double difference(int d, double node, double centre) {
        double diff = node - centre;
        if (periodic[d]) {
            diff -= 2 * Math.PI * Math.rint(diff / (2 * Math.PI));
        }
        return diff;
    }

    private static double wrap(double angle) {
        return angle - 2 * Math.PI * Math.rint(angle / (2 * Math.PI));
    }

    /** Bilinear interpolation of V and dV/ds at {@code at}; fills {@code grad}, returns V. */
    private double interpolate(double[] at, double[] grad) {
        int[] i = lowNode;
        int[] j = highNode;
        double[] t = fraction;
        boolean[] outside = clamped;
        for (int d = 0; d < dims; d++) {
            double u;
            if (periodic[d]) {
                u = (wrap(at[d]) - lo[d]) / step[d];
                int k = (int) Math.floor(u);
                t[d] = u - k;
                i[d] = index(d, k);
                j[d] = index(d, k + 1);
            } else {
                u = (at[d] - lo[d]) / step[d];
                outside[d] = false;
                if (u <= 0 || u >= nodes[d] - 1) {
                    outside[d] = true;
                    int edge = u <= 0 ? 0 : nodes[d] - 1;
                    i[d] = edge;
                    j[d] = edge;
                    t[d] = 0;
                } else {
                    int k = (int) Math.floor(u);
                    t[d] = u - k;
                    i[d] = k;
                    j[d] = k + 1;
                }
            }
        }
        if (dims == 1) {
            double v = (1 - t[0]) * bias[i[0]] + t[0] * bias[j[0]];
            grad[0] = outside[0] ? 0 : (1 - t[0]) * gradient[0][i[0]] + t[0] * gradient[0][j[0]];
            return v;
        }
        int n0 = nodes[0];
        int a = i[1] * n0 + i[0], b = i[1] * n0 + j[0], c = j[1] * n0 + i[0], e = j[1] * n0 + j[0];
        double w00 = (1 - t[0]) * (1 - t[1]), w10 = t[0] * (1 - t[1]), w01 = (1 - t[0]) * t[1], w11 = t[0] * t[1];
        double v = w00 * bias[a] + w10 * bias[b] + w01 * bias[c] + w11 * bias[e];
        for (int d = 0; d < 2; d++) {
            double[] g = gradient[d];
            grad[d] = outside[d] ? 0 : w00 * g[a] + w10 * g[b] + w01 * g[c] + w11 * g[e];
        }
        return v;
    }

    /**
     * The bias on its grid as a {@link Grid2D} (two CVs only), axes in degrees for periodic CVs and in the CV's
     * unit otherwise, value in kJ/mol; each grid node is the centre of one bin.
     */
    public Grid2D biasGrid() {
        if (dims != 2) {
            throw new IllegalStateException("bias grid image needs two CVs");
        }
        Axis[] axes = new Axis[2];
        for (int d = 0; d < 2; d++) {
            double scale = periodic[d] ? 180 / Math.PI : 1;
            String unit = periodic[d] ? "deg" : cvs[d].unit();
            axes[d] = new Axis(cvs[d].name(), unit, (lo[d] - step[d] / 2) * scale, step[d] * scale, nodes[d]);
        }
        Grid2D grid = new Grid2D(axes[0], axes[1], "bias", "kJ/mol", new float[nodes[0] * nodes[1]]);
        for (int i1 = 0; i1 < nodes[1]; i1++) {
            for (int i0 = 0; i0 < nodes[0]; i0++) {
                grid.set(i0, i1, (float) bias[i1 * nodes[0] + i0]);
            }
        }
        return grid;
    }
}

package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.molecules.Constraints;
import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.ForceTerm;
import io.github.mdxai.molecules.LangevinBaoab;
import io.github.mdxai.molecules.State;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.molecules.Velocities;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CancelledException;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Configurations of the transition region: Langevin MD with a harmonic restraint U = kappa/2 sum_k d_k^2 that holds
 * the CVs (e.g. phi, psi) near a centre (the saddle of the free-energy surface; d_k is the minimum-image difference
 * for dihedrals), so the sample is a cloud of spread about sqrt(kT/kappa) around the saddle, on both sides of the
 * dividing line. After {@code equilibration} steps a configuration is kept every {@code stride} steps; the stride
 * makes successive configurations decorrelated (the restrained CVs relax within a few tenths of a ps; the lag-1
 * autocorrelation of the kept CV values is reported so the choice can be checked). Writes
 * {@code transition_configs.gro} (all configurations, positions with 5 decimals) and {@code transition_configs.csv}
 * (index, time_ps, each recorded CV, restraint_kJmol). A cancelled run writes the configurations it has, then throws
 * {@link CancelledException}. Random streams: (seed, "tr-velocities") and (seed, "tr-langevin").
 */
public final class TransitionRegionSampler {

    /**
     * Settings; centre in interface units (deg, nm; null where a caller finds it, as {@link TransitionRegionRun} finds
     * the saddle), kappa in kJ/mol per rad^2 (or per nm^2 for distances).
     */
    public record Settings(double[] centre, double kappa, int count, long stride, long equilibration, double temperature,
                           double friction, double dt, long seed, boolean hBondConstraints) {

        public Settings {
            InputException.require(count >= 1, "count: expected >= 1, got " + count);
            InputException.require(stride >= 1, "stride: expected >= 1 step, got " + stride);
            InputException.require(equilibration >= 0, "equilibration: expected >= 0 steps, got " + equilibration);
            InputException.require(kappa > 0 && Double.isFinite(kappa), "kappa: expected > 0, got " + kappa);
            InputException.require(temperature > 0 && Double.isFinite(temperature), "temperature: expected > 0 K, got " + temperature);
            InputException.require(friction > 0 && Double.isFinite(friction), "friction: expected > 0 1/ps, got " + friction);
            InputException.require(dt > 0 && dt <= 0.005, "dt: expected a time step in (0, 0.005] ps, got " + dt);
        }

        /** The same settings around another centre. */
        public Settings withCentre(double[] newCentre) {
            return new Settings(newCentre, kappa, count, stride, equilibration, temperature, friction, dt, seed, hBondConstraints);
        }
    }

    /** Kept configurations' CV values (rows = configurations, interface units) and the lag-1 autocorrelations. */
    public record Result(double[][] cvValues, double[] lag1Autocorrelation, double[] autocorrelationTime, double wallSeconds) {
    }

    private TransitionRegionSampler() {
    }

    public static Result sample(Topology top, double[] x0, CollectiveVariable[] restrained, CollectiveVariable[] recorded,
                                Settings s, Path out, Progress progress) {
        return sample(top, x0, restrained, recorded, s, null, out, "transition_configs", progress);
    }

    /**
     * As above with an optional extra force term (e.g. walls that keep the run inside a region; not part of the
     * recorded restraint energy), writing {@code <stem>.gro} and {@code <stem>.csv}.
     */
    public static Result sample(Topology top, double[] x0, CollectiveVariable[] restrained, CollectiveVariable[] recorded,
                                Settings s, ForceTerm extra, Path out, String stem, Progress progress) {
        InputException.require(x0.length == 3 * top.atomCount(), "structure has " + x0.length / 3 + " atoms, topology " + top.atomCount());
        InputException.require(s.centre().length == restrained.length, "centre: expected one value per restrained CV ("
                + restrained.length + "), got " + s.centre().length);
        double[] centre = new double[restrained.length];
        for (int k = 0; k < centre.length; k++) {
            centre[k] = restrained[k].fromInterface(s.centre()[k]);
        }
        Restrained run = new Restrained(top, x0, restrained, s, extra);
        long start = System.nanoTime();
        List<double[]> kept = new ArrayList<>();
        boolean[] cancelled = {false};
        AtomicFiles.writeText(out.resolve(stem + ".csv"), csv -> AtomicFiles.writeText(out.resolve(stem + ".gro"), gro -> {
            List<String> header = new ArrayList<>(List.of("index", "time_ps"));
            for (CollectiveVariable c : recorded) {
                header.add(c.column());
            }
            header.add("restraint_kJmol");
            CsvTable.writeRow(csv, header);
            try {
                run.keep(progress, state -> {
                    double[] row = new double[recorded.length];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = recorded[c].toInterface(recorded[c].value(state.x));
                    }
                    kept.add(row);
                    writeRow(csv, kept.size(), state.time, row, run.restraintEnergy(state.x));
                    GroFile.writeFrame(gro, top, String.format(Locale.ROOT, "transition region config %d t= %.3f ps",
                            kept.size(), state.time), state.x, null, null, 5);
                });
            } catch (CancelledException e) {
                cancelled[0] = true;
            }
        }));
        if (cancelled[0]) {
            throw new CancelledException();
        }
        progress.fraction(1);
        double[][] values = kept.toArray(new double[0][]);
        double[] lag1 = new double[recorded.length];
        double[] tau = new double[recorded.length];
        for (int c = 0; c < recorded.length; c++) {
            double[] series = centred(values, c, recorded[c].periodic());
            lag1[c] = values.length < 3 ? Double.NaN : autocorrelation(series, 1);
            tau[c] = integratedAutocorrelationTime(series);
        }
        return new Result(values, lag1, tau, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The same restrained MD with nothing written: the positions (nm) of the {@code s.count()} kept configurations,
     * for short probes (e.g. the committor of a candidate centre).
     */
    public static List<double[]> configurations(Topology top, double[] x0, CollectiveVariable[] restrained, Settings s,
                                                Progress progress) {
        InputException.require(x0.length == 3 * top.atomCount(), "structure has " + x0.length / 3 + " atoms, topology " + top.atomCount());
        InputException.require(s.centre().length == restrained.length, "centre: expected one value per restrained CV ("
                + restrained.length + "), got " + s.centre().length);
        List<double[]> kept = new ArrayList<>();
        try {
            new Restrained(top, x0, restrained, s, null).keep(progress, state -> kept.add(state.x.clone()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // nothing is written here
        }
        return kept;
    }

    /** What is done with each kept configuration. */
    private interface Keeper {
        void keep(State state) throws java.io.IOException;
    }

    /** One restrained Langevin run: equilibration, then a configuration handed on every stride steps. */
    private static final class Restrained {

        private final Settings s;
        private final HarmonicRestraint restraint;
        private final LangevinBaoab md;
        private final State state;
        private final double[] scratch;

        Restrained(Topology top, double[] x0, CollectiveVariable[] restrained, Settings s, ForceTerm extra) {
            this.s = s;
            double[] centre = new double[restrained.length];
            for (int k = 0; k < centre.length; k++) {
                centre[k] = restrained[k].fromInterface(s.centre()[k]);
            }
            restraint = new HarmonicRestraint(restrained, centre, s.kappa(), top.atomCount());
            ForceField ff = ForceField.of(top).plus(restraint);
            if (extra != null) {
                ff = ff.plus(extra);
            }
            md = new LangevinBaoab(ff, top.masses(), s.temperature(), s.friction(), s.dt(), Constraints.of(top, s.hBondConstraints()));
            state = new State(x0, null);
            Velocities.maxwellBoltzmann(top.masses(), s.temperature(), Rng.stream(s.seed(), "tr-velocities"), state.v);
            md.prime(state);
            scratch = new double[x0.length];
        }

        double restraintEnergy(double[] x) {
            return restraint.addForces(x, scratch);
        }

        void keep(Progress progress, Keeper keeper) throws java.io.IOException {
            SplittableRandom noise = Rng.stream(s.seed(), "tr-langevin");
            long total = s.equilibration() + (long) s.count() * s.stride();
            for (long step = 1; step <= total; step++) {
                md.step(state, noise);
                if (step > s.equilibration() && (step - s.equilibration()) % s.stride() == 0) {
                    keeper.keep(state);
                }
                if ((step & 1023) == 0) {
                    progress.checkCancelled();
                    progress.fraction((double) step / total);
                }
            }
        }
    }

    private static void writeRow(Writer w, int index, double time, double[] cv, double restraint) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(index).append(',').append(CsvTable.format(Math.rint(time * 1e6) / 1e6));
        for (double v : cv) {
            sb.append(',').append(CsvTable.format(Math.rint(v * 1e4) / 1e4));
        }
        sb.append(',').append(CsvTable.format(Math.rint(restraint * 1e5) / 1e5)).append('\n');
        w.append(sb);
    }

    /** Lag-1 autocorrelation of column c (angles in degrees unwrapped around their circular mean). */
    static double lag1Autocorrelation(double[][] rows, int c, boolean periodic) {
        return rows.length < 3 ? Double.NaN : autocorrelation(centred(rows, c, periodic), 1);
    }

    /** Column c minus its mean; angles (degrees) are first unwrapped around their circular mean. */
    public static double[] centred(double[][] rows, int c, boolean periodic) {
        int n = rows.length;
        double[] v = new double[n];
        double ref = 0;
        if (periodic) {
            double sx = 0, sy = 0;
            for (double[] r : rows) {
                sx += Math.cos(Math.toRadians(r[c]));
                sy += Math.sin(Math.toRadians(r[c]));
            }
            ref = Math.toDegrees(Math.atan2(sy, sx));
        }
        double mean = 0;
        for (int k = 0; k < n; k++) {
            double d = rows[k][c] - ref;
            if (periodic) {
                d -= 360 * Math.rint(d / 360);
            }
            v[k] = d;
            mean += d / n;
        }
        for (int k = 0; k < n; k++) {
            v[k] -= mean;
        }
        return v;
    }

    /** Normalized autocorrelation of a centred series at the given lag (0 for a constant series). */
    static double autocorrelation(double[] v, int lag) {
        double num = 0, den = 0;
        for (int k = 0; k < v.length; k++) {
            den += v[k] * v[k];
            if (k + lag < v.length) {
                num += v[k] * v[k + lag];
            }
        }
        return den == 0 ? 0 : num / den;
    }

    /**
     * Integrated autocorrelation time of a centred series in samples, tau = 1 + 2 sum_t rho(t), summed until the
     * window t >= 5 tau (Sokal's self-consistent window); 1 for uncorrelated samples, NaN for fewer than 3.
     */
    public static double integratedAutocorrelationTime(double[] centred) {
        int n = centred.length;
        if (n < 3) {
            return Double.NaN;
        }
        double tau = 1;
        for (int t = 1; t < n / 2; t++) {
            tau += 2 * autocorrelation(centred, t);
            if (t >= 5 * tau) {
                break;
            }
        }
        return Math.max(tau, 1e-3);
    }

    /**
     * The index of the sample whose CVs (interface units, periodic differences for angles in degrees) lie closest to
     * {@code target}: to start sampling from a frame of an earlier run near the saddle.
     */
    public static int nearest(double[][] samples, double[] target, boolean[] periodic) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < samples.length; k++) {
            double d2 = 0;
            for (int c = 0; c < target.length; c++) {
                double d = samples[k][c] - target[c];
                if (periodic[c]) {
                    d -= 360 * Math.rint(d / 360);
                }
                d2 += d * d;
            }
            if (d2 < bestD) {
                bestD = d2;
                best = k;
            }
        }
        InputException.require(best >= 0, "no samples to start from");
        return best;
    }
}

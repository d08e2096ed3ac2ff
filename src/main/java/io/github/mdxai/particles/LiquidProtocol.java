package io.github.mdxai.particles;

import io.github.mdxai.io.ExtendedXyz;
import io.github.mdxai.io.LammpsData;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol that prepares equilibrium liquids of any {@link ParticleModel} (as the LAMMPS soft-sphere reference
 * was made): a simple-cubic lattice melted at T = 5 with the Bussi thermostat, fresh velocities at the target T, equilibration with the
 * thermostat, then NVE production with snapshots at an interval. Energy stationarity is checked by comparing the
 * last two quarters of the equilibration; F_s stationarity is checked by the relaxation analysis on the production.
 */
public final class LiquidProtocol {

    /** Melting temperature and length (steps) before the quench to the target temperature. */
    public static final double MELT_TEMPERATURE = 5.0;
    public static final long MELT_STEPS = 2000;
    /** Bussi time constant (tau), as LAMMPS's Tdamp 0.5 of the reference preparation. */
    public static final double THERMOSTAT_TAU = 0.5;
    public static final double SKIN = 0.3;
    /** Ratio of successive lags of the log-spaced dynamics frames (dynamics.xyz). */
    public static final double DYNAMICS_LAG_RATIO = 1.35;

    private LiquidProtocol() {
    }

    /**
     * What to run. Steps are MD steps of length dt (tau). {@code start} (may be null) replaces the melted lattice:
     * the run starts from its positions (a cooling ladder continues from the previous, warmer state) with fresh
     * velocities at the target temperature. {@code dynamicsOrigins} > 0 also writes dynamics.xyz: frames at
     * log-spaced lags (1 step, then x {@value #DYNAMICS_LAG_RATIO}) after that many equally spaced time origins in
     * the production, so that F_s(k,t) is sampled from far below tau_alpha whatever the snapshot interval.
     */
    public record Parameters(ParticleModel model, int n, double density, double temperature, double dt,
                             long equilibrationSteps, long productionSteps, long interval, long seed, int threads,
                             Configuration start, int dynamicsOrigins) {
        public Parameters {
            InputException.require(n >= 2, "n must be at least 2, was " + n);
            InputException.require(density > 0 && density < 3, "density must be in (0, 3), was " + density);
            InputException.require(temperature > 0 && Double.isFinite(temperature), "temperature must be positive, was " + temperature);
            InputException.require(dt > 0 && dt <= 0.02, "dt must be in (0, 0.02] tau, was " + dt);
            InputException.require(equilibrationSteps >= 0, "equilibration must be >= 0 steps");
            InputException.require(productionSteps >= 0, "production must be >= 0 steps");
            InputException.require(interval >= 1, "interval must be at least 1 step, was " + interval);
            InputException.require(threads >= 1, "threads must be at least 1, was " + threads);
            InputException.require(dynamicsOrigins >= 0, "dynamics origins must be >= 0, was " + dynamicsOrigins);
            if (start != null) {
                InputException.require(start.size() == n, "the start configuration has " + start.size()
                        + " particles, expected " + n);
                InputException.require(Math.abs(start.size() / start.box().volume() - density) <= 1e-6 * density,
                        "the start configuration's density is " + start.size() / start.box().volume() + ", expected " + density);
            }
        }

        /** A run from a melted lattice, without log-spaced dynamics frames. */
        public Parameters(ParticleModel model, int n, double density, double temperature, double dt,
                          long equilibrationSteps, long productionSteps, long interval, long seed, int threads) {
            this(model, n, density, temperature, dt, equilibrationSteps, productionSteps, interval, seed, threads, null, 0);
        }
    }

    /**
     * Production steps (from 0) at which dynamics.xyz holds a frame: {@code origins} equally spaced origins, each
     * followed by lags 1, 2, ... growing by {@link #DYNAMICS_LAG_RATIO}, up to the end of the production.
     */
    public static long[] dynamicsSchedule(long production, int origins) {
        java.util.TreeSet<Long> steps = new java.util.TreeSet<>();
        if (production <= 0 || origins <= 0) {
            return new long[0];
        }
        long spacing = Math.max(1, production / origins);
        for (long origin = 0; origin < production && origin / spacing < origins; origin += spacing) {
            steps.add(origin);
            for (long lag = 1; origin + lag <= production; lag = Math.max(lag + 1, Math.round(lag * DYNAMICS_LAG_RATIO))) {
                steps.add(origin + lag);
            }
        }
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    /** The last configuration and thermodynamic summary of a run. */
    public record Result(Configuration configuration, double meanTemperature, double meanPotentialEnergyPerAtom,
                         double meanPressure, double equilibrationThirdQuarterPe, double equilibrationFourthQuarterPe,
                         double equilibrationPeStandardError, boolean energyStationary, int frames) {
    }

    /** Melts a lattice and equilibrates at the target temperature, without production or files. */
    public static Result prepare(ParticleModel model, int n, double density, double temperature, double dt,
                                 long equilibrationSteps, int threads, long seed, Progress progress) {
        return run(new Parameters(model, n, density, temperature, dt, equilibrationSteps, 0, 1, seed, threads),
                null, progress);
    }

    /**
     * Runs the whole protocol. With an output folder, writes {@code thermo.csv} (every 100 steps), production
     * frames to {@code trajectory.xyz} (extended XYZ with image counters; velocities only in final.data, to halve the file), {@code final.data}
     * (LAMMPS data) and {@code summary.csv}.
     */
    public static Result run(Parameters p, Path out, Progress progress) {
        boolean melt = p.start() == null;
        Configuration start = melt ? InitialConfigurations.lattice(p.model(), p.n(), p.density(), SKIN, p.seed())
                : restarted(p.start());
        ParticleState s = new ParticleState(start, p.model().masses());
        List<double[]> thermo = new ArrayList<>();
        long thermoEvery = 100;
        long meltSteps = melt ? MELT_STEPS : 0;
        double total = meltSteps + p.equilibrationSteps() + p.productionSteps();
        try (PairForces forces = new PairForces(p.model().potential(), s.types(), s.box(), SKIN, p.threads())) {
            VelocityVerlet vv = new VelocityVerlet(s, forces, p.dt());
            if (melt) {
                progress.status("melting at T = 5");
                s.assignVelocities(MELT_TEMPERATURE, Rng.stream(p.seed(), "melt velocities"));
                vv.thermostat(new BussiThermostat(MELT_TEMPERATURE, THERMOSTAT_TAU, Rng.stream(p.seed(), "bussi", 0)));
                vv.run(MELT_STEPS, thermoEvery, (st, o) -> thermo.add(row(0, st, o)), progress.range(0, MELT_STEPS / total));
            }

            progress.status(String.format(java.util.Locale.ROOT, "equilibrating at T = %.4g", p.temperature()));
            s.assignVelocities(p.temperature(), Rng.stream(p.seed(), "velocities"));
            vv.thermostat(new BussiThermostat(p.temperature(), THERMOSTAT_TAU, Rng.stream(p.seed(), "bussi", 1)));
            List<Double> eqPe = new ArrayList<>();
            List<Double> eqTotal = new ArrayList<>();
            vv.run(p.equilibrationSteps(), thermoEvery, (st, o) -> {
                thermo.add(row(1, st, o));
                eqPe.add(o.potentialEnergy() / st.size());
                eqTotal.add(o.totalEnergy());
            }, progress.range(meltSteps / total, (meltSteps + p.equilibrationSteps()) / total));

            progress.status("production (NVE)");
            vv.thermostat(null);
            startAtMeanEnergy(vv, eqTotal);
            double[] sums = new double[4];
            int[] frames = new int[1];
            Progress prodProgress = progress.range((meltSteps + p.equilibrationSteps()) / total, 1);
            long every = gcd(thermoEvery, p.interval());
            long productionStart = s.step();
            VelocityVerlet.Observer productionObserver = (st, o) -> {
                long since = st.step() - productionStart;
                if (since % thermoEvery == 0) {
                    thermo.add(row(2, st, o));
                    sums[0] += o.temperature();
                    sums[1] += o.potentialEnergy() / st.size();
                    sums[2] += o.pressure();
                    sums[3]++;
                }
            };
            if (out != null && p.productionSteps() > 0) {
                long[] schedule = dynamicsSchedule(p.productionSteps(), p.dynamicsOrigins());
                AtomicFiles.writeText(out.resolve("trajectory.xyz"), w -> {
                    ExtendedXyz.writeFrame(w, withoutVelocities(s.snapshot()));
                    frames[0]++;
                    VelocityVerlet.Observer withFrames = (st, o) -> {
                        productionObserver.observe(st, o);
                        if ((st.step() - productionStart) % p.interval() == 0) {
                            try {
                                ExtendedXyz.writeFrame(w, withoutVelocities(st.snapshot()));
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                            frames[0]++;
                        }
                    };
                    if (schedule.length == 0) {
                        vv.run(p.productionSteps(), every, withFrames, prodProgress);
                    } else {
                        AtomicFiles.writeText(out.resolve("dynamics.xyz"), d -> runWithDynamicsFrames(vv,
                                p.productionSteps(), every, withFrames, schedule, d, prodProgress));
                    }
                });
            } else {
                vv.run(p.productionSteps(), thermoEvery, productionObserver, prodProgress);
            }
            VelocityVerlet.Observation last = vv.observe();
            if (sums[3] == 0) {
                sums[0] = last.temperature();
                sums[1] = last.potentialEnergy() / s.size();
                sums[2] = last.pressure();
                sums[3] = 1;
            }
            double[] halves = lastQuarters(eqPe);
            Result result = new Result(s.snapshot(), sums[0] / sums[3], sums[1] / sums[3], sums[2] / sums[3],
                    halves[0], halves[1], halves[2], !(Math.abs(halves[1] - halves[0]) > 3 * halves[2]), frames[0]);
            if (out != null) {
                // reduced units: energies in eps, temperature in eps/k_B, pressure in eps/sigma^3
                CsvTable.write(out.resolve("thermo.csv"), List.of("step", "time_tau", "phase", "temperature_eps_per_kB",
                        "pe_per_atom_eps", "ke_per_atom_eps", "etot_per_atom_eps", "pressure_eps_per_sigma3"), thermo);
                LammpsData.write(out.resolve("final.data"), result.configuration(), p.model().masses());
                writeSummary(out.resolve("summary.csv"), p, result);
            }
            return result;
        }
    }

    /**
     * Production in segments that end at each observation step (multiples of {@code every}) and at each step of the
     * dynamics schedule, where a frame goes to {@code dynamics}. The arithmetic is that of one uninterrupted run.
     */
    private static void runWithDynamicsFrames(VelocityVerlet vv, long steps, long every, VelocityVerlet.Observer observer,
                                              long[] schedule, java.io.Writer dynamics, Progress progress)
            throws java.io.IOException {
        long done = 0;
        int next = 0;
        if (schedule[0] == 0) {
            ExtendedXyz.writeFrame(dynamics, withoutVelocities(vv.state().snapshot()));
            next = 1;
        }
        while (done < steps) {
            long nextObservation = (done / every + 1) * every;
            long nextFrame = next < schedule.length ? schedule[next] : Long.MAX_VALUE;
            long target = Math.min(steps, Math.min(nextObservation, nextFrame));
            long length = target - done;
            vv.run(length, length, target % every == 0 ? observer : null,
                    progress.range((double) done / steps, (double) target / steps));
            if (target == nextFrame) {
                ExtendedXyz.writeFrame(dynamics, withoutVelocities(vv.state().snapshot()));
                next++;
            }
            done = target;
        }
    }

    /** A start configuration as step 0 at time 0, its velocities dropped (fresh ones are drawn at the target T). */
    private static Configuration restarted(Configuration c) {
        return new Configuration(c.ids(), c.types(), c.positions(), null, c.images(), c.box(), 0, 0.0);
    }

    /**
     * Scales the velocities so that the NVE production runs at the mean total energy of the second half of the
     * equilibration: a small system otherwise keeps the kinetic energy fluctuation of the switching instant
     * (about T sqrt(2 / 3N), 4% at N = 500) as an offset of its production temperature.
     */
    private static void startAtMeanEnergy(VelocityVerlet vv, List<Double> equilibrationTotal) {
        int m = equilibrationTotal.size();
        if (m < 8) {
            return;
        }
        double mean = 0;
        for (int k = m / 2; k < m; k++) {
            mean += equilibrationTotal.get(k);
        }
        mean /= m - m / 2;
        VelocityVerlet.Observation now = vv.observe();
        double kinetic = mean - now.potentialEnergy();
        if (kinetic > 0 && now.kineticEnergy() > 0) {
            double scale = Math.sqrt(kinetic / now.kineticEnergy());
            double[] v = vv.state().velocities();
            for (int k = 0; k < v.length; k++) {
                v[k] *= scale;
            }
        }
    }

    private static Configuration withoutVelocities(Configuration c) {
        return new Configuration(c.ids(), c.types(), c.positions(), null, c.images(), c.box(), c.step(), c.time());
    }

    private static double[] row(int phase, ParticleState s, VelocityVerlet.Observation o) {
        int n = s.size();
        return new double[]{s.step(), s.time(), phase, o.temperature(), o.potentialEnergy() / n, o.kineticEnergy() / n,
                o.totalEnergy() / n, o.pressure()};
    }

    /**
     * Stationarity of the second half of the equilibration (the first half holds the quench transient): means of its
     * two quarters and the standard error of their difference from 4 blocks per quarter.
     */
    private static double[] lastQuarters(List<Double> all) {
        List<Double> pe = all.subList(all.size() / 2, all.size());
        int m = pe.size();
        if (m < 8) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
        int half = m / 2;
        double[] blocks = new double[8];
        for (int b = 0; b < 8; b++) {
            int from = b < 4 ? b * half / 4 : half + (b - 4) * (m - half) / 4;
            int to = b < 4 ? (b + 1) * half / 4 : half + (b - 3) * (m - half) / 4;
            double sum = 0;
            for (int k = from; k < to; k++) {
                sum += pe.get(k);
            }
            blocks[b] = sum / (to - from);
        }
        double first = (blocks[0] + blocks[1] + blocks[2] + blocks[3]) / 4;
        double second = (blocks[4] + blocks[5] + blocks[6] + blocks[7]) / 4;
        double var = 0;
        for (int b = 0; b < 8; b++) {
            double mean = b < 4 ? first : second;
            var += (blocks[b] - mean) * (blocks[b] - mean);
        }
        var /= 6; // pooled variance of block means, 2 x (4 - 1) degrees of freedom
        return new double[]{first, second, Math.sqrt(2 * var / 4)};
    }

    private static void writeSummary(Path file, Parameters p, Result r) {
        AtomicFiles.writeText(file, w -> {
            CsvTable.writeRow(w, List.of("quantity", "value"));
            StateParameter state = p.model().stateParameter();
            String[][] rows = {
                    {"n", Integer.toString(p.n())},
                    {"density_per_sigma3", CsvTable.format(p.density())},
                    {"temperature_target_eps_per_kB", CsvTable.format(p.temperature())},
                    // the model's state parameter (Gamma_eff for soft spheres); a model set by T has none beyond T
                    state == StateParameter.TEMPERATURE ? null
                            : new String[]{state.key(), CsvTable.format(state.value(p.temperature(), p.density()))},
                    {"dt_tau", CsvTable.format(p.dt())},
                    {"melt_steps", Long.toString(p.start() == null ? MELT_STEPS : 0)},
                    {"started_from", p.start() == null ? "melted lattice" : "given configuration"},
                    {"equilibration_steps", Long.toString(p.equilibrationSteps())},
                    {"production_steps", Long.toString(p.productionSteps())},
                    {"interval_steps", Long.toString(p.interval())},
                    {"frames", Integer.toString(r.frames())},
                    {"dynamics_origins", Integer.toString(p.dynamicsOrigins())},
                    {"equilibration_tau", CsvTable.format(p.equilibrationSteps() * p.dt())},
                    {"seed", Long.toString(p.seed())},
                    {"production_mean_temperature_eps_per_kB", CsvTable.format(r.meanTemperature())},
                    {"production_mean_pe_per_atom_eps", CsvTable.format(r.meanPotentialEnergyPerAtom())},
                    {"production_mean_pressure_eps_per_sigma3", CsvTable.format(r.meanPressure())},
                    {"equilibration_pe_per_atom_third_quarter_eps", CsvTable.format(r.equilibrationThirdQuarterPe())},
                    {"equilibration_pe_per_atom_fourth_quarter_eps", CsvTable.format(r.equilibrationFourthQuarterPe())},
                    {"equilibration_pe_per_atom_difference_stderr_eps", CsvTable.format(r.equilibrationPeStandardError())},
                    {"energy_stationary", r.energyStationary() ? "1" : "0"},
                    {"model", p.model().key()},
            };
            for (String[] row : rows) {
                if (row != null) {
                    CsvTable.writeRow(w, List.of(row));
                }
            }
        });
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}

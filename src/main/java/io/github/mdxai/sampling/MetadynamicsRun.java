package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.features.DistanceFeatures;
import io.github.mdxai.grid.GridCsv;
import io.github.mdxai.molecules.Constraints;
import io.github.mdxai.molecules.ForceField;
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

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A well-tempered metadynamics run with Langevin (BAOAB) dynamics, writing into a folder:
 * <ul>
 * <li>{@code colvar.csv}: every {@code interval} steps time_ps, each recorded CV (deg or nm), bias_kJmol (V(s,t)
 * under which the frame was sampled), ct_kJmol (Tiwary-Parrinello c(t)), weight = exp((V - c)/kT) and, if asked,
 * the non-bonded interatomic distances r(i)-(j)_nm (210 for alanine dipeptide);</li>
 * <li>{@code hills.csv}: time_ps, centre per biased CV, sigma per CV, height_kJmol, biasfactor;</li>
 * <li>{@code frames.gro}: the frame of every colvar row (row k = frame k);</li>
 * <li>{@code bias.csv}: the final bias on its grid (two CVs).</li>
 * </ul>
 * A cancelled run still writes all files, consistent up to the last recorded row, then throws
 * {@link CancelledException}. Random streams: velocities from (seed, "metad-velocities"), noise from
 * (seed, "metad-langevin").
 */
public final class MetadynamicsRun {

    /** Run settings; sigma in CV interface units (deg for dihedrals, nm for distances). */
    public record Settings(double temperature, double friction, double dt, long steps, long pace, double height,
                           double[] sigma, double biasFactor, long seed, long interval, boolean hBondConstraints,
                           boolean distances) {

        public Settings {
            InputException.require(temperature > 0 && Double.isFinite(temperature), "temperature: expected > 0 K, got " + temperature);
            InputException.require(friction > 0 && Double.isFinite(friction), "friction: expected > 0 1/ps, got " + friction);
            InputException.require(dt > 0 && dt <= 0.005, "dt: expected a time step in (0, 0.005] ps, got " + dt);
            InputException.require(steps >= 0, "steps: expected >= 0, got " + steps);
            InputException.require(pace >= 1, "pace: expected >= 1 step, got " + pace);
            InputException.require(interval >= 1, "interval: expected >= 1 step, got " + interval);
        }
    }

    /** What a run did: hills deposited, simulated time, wall time, and the bias it built. */
    public record Result(int hills, double timePs, double wallSeconds, Metadynamics bias) {
    }

    private MetadynamicsRun() {
    }

    /**
     * Runs metadynamics biasing {@code biased} from positions {@code x0} and records {@code recorded} (the biased
     * CVs are added to it if missing).
     */
    public static Result run(Topology top, double[] x0, CollectiveVariable[] biased, CollectiveVariable[] recorded,
                             Settings s, Path out, Progress progress) {
        InputException.require(x0.length == 3 * top.atomCount(), "structure has " + x0.length / 3 + " atoms, topology " + top.atomCount());
        InputException.require(s.sigma().length == biased.length, "sigma: expected one width per biased CV (" + biased.length + ")");
        double kT = FreeEnergy.kT(s.temperature());
        double[] sigma = new double[biased.length];
        double[][] ranges = new double[biased.length][];
        for (int d = 0; d < biased.length; d++) {
            sigma[d] = biased[d].fromInterface(s.sigma()[d]);
            // bond angles live on [0, pi]; a grid from 0 to 2 nm covers every distance inside a small molecule
            ranges[d] = biased[d].periodic() ? null : "rad".equals(biased[d].unit()) ? new double[]{0, Math.PI} : new double[]{0, 2};
        }
        Metadynamics metad = new Metadynamics(biased, sigma, s.height(), s.biasFactor(), kT, ranges, top.atomCount());
        List<CollectiveVariable> columns = new ArrayList<>(List.of(recorded));
        for (CollectiveVariable b : biased) {
            if (columns.stream().noneMatch(c -> c.name().equals(b.name()))) {
                columns.add(b);
            }
        }
        DistanceFeatures pairs = s.distances() ? new DistanceFeatures(top) : null;
        ForceField ff = ForceField.of(top).plus(metad);
        Constraints constraints = Constraints.of(top, s.hBondConstraints());
        LangevinBaoab md = new LangevinBaoab(ff, top.masses(), s.temperature(), s.friction(), s.dt(), constraints);
        State state = new State(x0, null);
        Velocities.maxwellBoltzmann(top.masses(), s.temperature(), Rng.stream(s.seed(), "metad-velocities"), state.v);
        md.prime(state);
        SplittableRandom noise = Rng.stream(s.seed(), "metad-langevin");

        long start = System.nanoTime();
        int[] hills = {0};
        boolean[] cancelled = {false};
        AtomicFiles.writeText(out.resolve("colvar.csv"), colvar -> AtomicFiles.writeText(out.resolve("hills.csv"), hillsOut ->
                AtomicFiles.writeText(out.resolve("frames.gro"), frames -> {
                    writeHeaders(colvar, hillsOut, columns, biased, pairs);
                    double[] row = new double[columns.size()];
                    double[] features = pairs == null ? null : new double[pairs.names().size()];
                    StringBuilder line = new StringBuilder(4096);
                    try {
                        for (long step = 0; step <= s.steps(); step++) {
                            if (step > 0) {
                                md.step(state, noise);
                            }
                            if (step % s.interval() == 0) {
                                for (int c = 0; c < row.length; c++) {
                                    row[c] = columns.get(c).toInterface(columns.get(c).value(state.x));
                                }
                                double v = metad.lastBias();
                                double ct = metad.ct();
                                writeColvarRow(colvar, line, state.time, row, v, ct, Math.exp((v - ct) / kT), pairs, features, state.x);
                                GroFile.writeFrame(frames, top, String.format(Locale.ROOT, "metadynamics t= %.3f ps step %d",
                                        state.time, step), state.x, null, null, 4);
                            }
                            if (step > 0 && step % s.pace() == 0) {
                                double[] at = metad.lastCvValues();
                                double h = metad.deposit(at);
                                hills[0]++;
                                writeHill(hillsOut, state.time, biased, at, sigma, h, s.biasFactor());
                            }
                            if ((step & 1023) == 0) {
                                progress.checkCancelled();
                                progress.fraction(s.steps() == 0 ? 1 : (double) step / s.steps());
                            }
                        }
                    } catch (CancelledException e) {
                        cancelled[0] = true;
                    }
                })));
        if (biased.length == 2) {
            GridCsv.write(metad.biasGrid(), out.resolve("bias.csv"));
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        if (cancelled[0]) {
            throw new CancelledException();
        }
        progress.fraction(1);
        return new Result(hills[0], state.time, wall, metad);
    }

    private static void writeHeaders(Writer colvar, Writer hills, List<CollectiveVariable> columns,
                                     CollectiveVariable[] biased, DistanceFeatures pairs) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("time_ps");
        for (CollectiveVariable c : columns) {
            header.add(c.column());
        }
        header.addAll(List.of("bias_kJmol", "ct_kJmol", "weight"));
        if (pairs != null) {
            header.addAll(pairs.names().subList(0, pairs.distanceCount()));
        }
        CsvTable.writeRow(colvar, header);
        List<String> hillHeader = new ArrayList<>();
        hillHeader.add("time_ps");
        for (CollectiveVariable b : biased) {
            hillHeader.add(b.column());
        }
        for (CollectiveVariable b : biased) {
            hillHeader.add("sigma_" + b.column());
        }
        hillHeader.addAll(List.of("height_kJmol", "biasfactor"));
        CsvTable.writeRow(hills, hillHeader);
    }

    private static void writeColvarRow(Writer w, StringBuilder line, double time, double[] cv, double bias, double ct,
                                       double weight, DistanceFeatures pairs, double[] features, double[] x) throws IOException {
        line.setLength(0);
        line.append(CsvTable.format(round(time, 1e6)));
        for (double v : cv) {
            line.append(',').append(CsvTable.format(round(v, 1e4)));
        }
        line.append(',').append(CsvTable.format(round(bias, 1e5)));
        line.append(',').append(CsvTable.format(round(ct, 1e5)));
        line.append(',').append(Double.toString(weight));
        if (pairs != null) {
            pairs.compute(x, features);
            for (int k = 0; k < pairs.distanceCount(); k++) {
                line.append(',').append(CsvTable.format(round(features[k], 1e5)));
            }
        }
        line.append('\n');
        w.append(line);
    }

    private static void writeHill(Writer w, double time, CollectiveVariable[] biased, double[] at, double[] sigma,
                                  double height, double biasFactor) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(CsvTable.format(round(time, 1e6)));
        for (int d = 0; d < biased.length; d++) {
            sb.append(',').append(CsvTable.format(round(biased[d].toInterface(at[d]), 1e4)));
        }
        for (int d = 0; d < biased.length; d++) {
            sb.append(',').append(CsvTable.format(round(biased[d].toInterface(sigma[d]), 1e6)));
        }
        sb.append(',').append(CsvTable.format(round(height, 1e6))).append(',').append(CsvTable.format(biasFactor)).append('\n');
        w.append(sb);
    }

    /** Rounds to 1/scale so that files stay compact (e.g. 1e4: 0.0001 deg). */
    private static double round(double v, double scale) {
        return Math.rint(v * scale) / scale;
    }
}

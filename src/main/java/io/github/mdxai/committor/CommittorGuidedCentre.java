package io.github.mdxai.committor;

import io.github.mdxai.learn.LogisticLine;
import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.sampling.FreeEnergy;
import io.github.mdxai.sampling.MinimumFreeEnergyPath;
import io.github.mdxai.sampling.TransitionRegionRun;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The centre of the transition-region sample where the committor is 1/2 along the minimum free-energy path, rather
 * than at the path's highest bin. The barrier top of a short metadynamics surface is a flat, noisy ridge: its highest
 * bin can lie well off p_B = 1/2 (Study A, quick preset, seed 1: the saddle bin (-15, -39) deg gave a sample of mean
 * p_B 0.06, so the committor network had little to learn). As in the committor-guided corrections of aimless shooting
 * (Peters and Trout 2006), the committor decides: probes at path points on the barrier top (F within
 * {@code window} of the highest point; more points toward the state the committor says lies ahead until p_B = 1/2 is
 * bracketed) each take a few restrained configurations and shoot from them, and a logistic fit of p_B against the
 * arc length along the path (maximum binomial likelihood over all shots) gives the point where p_B = 1/2.
 * The path is over two angles in degrees (what {@link TransitionRegionRun} searches), so steps between its points
 * are minimum-image differences.
 */
public final class CommittorGuidedCentre implements TransitionRegionRun.Recentring {

    /** Probes at most on the barrier top, and again at most while bracketing p_B = 1/2. */
    static final int MAX_PROBES = 7;

    /** One probe: its path point (index, arc length from A in degrees, CVs, F) and the shots' outcomes. */
    public record Probe(int pathIndex, double arc, double[] centre, double freeEnergy, int nA, int nB, int undecided) {

        /** nB / (nA + nB); NaN if no shot was decided. */
        public double pB() {
            return nA + nB == 0 ? Double.NaN : nB / (double) (nA + nB);
        }
    }

    /** The probes in path order, the arc length where the fit puts p_B = 1/2 and the centre there. */
    public record Search(List<Probe> probes, double arc, double[] centre) {
    }

    /** Shots from restrained configurations around a centre: {nA, nB, undecided}. */
    @FunctionalInterface
    public interface Committor {
        int[] outcomes(double[] centre, long probe);
    }

    private final Topology top;
    private final CommittorStates states;
    private final ShootingParameters shooting;
    private final int configurations;
    private final int threads;

    /**
     * @param shooting       how each probe's shots run; its seed is the run's, and the probe shots draw streams of
     *                       their own from it
     * @param configurations restrained configurations per probe
     */
    public CommittorGuidedCentre(Topology top, CommittorStates states, ShootingParameters shooting, int configurations,
                                 int threads) {
        InputException.require(configurations >= 1, "probe configurations: expected >= 1, got " + configurations);
        InputException.require(threads >= 1 && threads <= 1024, "threads: expected 1..1024, got " + threads);
        states.classifier(top); // a state CV that does not fit the topology fails now
        this.top = top;
        this.states = states;
        this.shooting = new ShootingParameters(shooting.shots(), shooting.tmax(), shooting.temperature(),
                Rng.mixSeed(shooting.seed(), "centre-probe-shots"), shooting.dynamics(), shooting.friction(), shooting.dt(),
                shooting.constraints(), shooting.checkEvery());
        this.configurations = configurations;
        this.threads = threads;
    }

    @Override
    public double[] centre(MinimumFreeEnergyPath.Path path, String[] columns, double temperature,
                           TransitionRegionRun.Prober prober, Path out, Progress progress) {
        ForceField forceField = ForceField.of(top);
        Search s = search(path, FreeEnergy.kT(temperature), (c, probe) -> {
            progress.checkCancelled();
            progress.status(String.format(Locale.ROOT, "Centre search: probe %d at %s", probe + 1, format(c)));
            return shoot(forceField, prober.configurations(c, configurations, probe), probe);
        });
        List<String> header = new ArrayList<>(List.of("path_index", "arc_deg", columns[0], columns[1], "F_kJmol", "nA", "nB",
                "undecided", "pB"));
        List<double[]> rows = new ArrayList<>();
        for (Probe p : s.probes()) {
            rows.add(new double[]{p.pathIndex(), p.arc(), p.centre()[0], p.centre()[1], p.freeEnergy(), p.nA(), p.nB(),
                    p.undecided(), p.pB()});
        }
        CsvTable.write(out.resolve("centre_search.csv"), header, rows);
        progress.status(String.format(Locale.ROOT, "Centre search: p_B = 1/2 at %s, %.1f deg along the path (saddle bin %s)",
                format(s.centre()), s.arc(), format(new double[]{path.saddleX(), path.saddleY()})));
        return s.centre();
    }

    /**
     * Probes the path with {@code committor} and returns where a logistic fit of p_B against arc length is 1/2:
     * first the barrier-top points (F >= F_saddle - {@code window}, at least three, at most {@link #MAX_PROBES} evenly
     * spread), then, while every probe is on one side of 1/2, points further toward the other state. If the fitted
     * p_B does not rise toward B (noise), the probe nearest 1/2 is the centre. The centre stays between the
     * outermost probes.
     */
    public static Search search(MinimumFreeEnergyPath.Path path, double window, Committor committor) {
        InputException.require(window >= 0 && Double.isFinite(window), "window: expected >= 0 kJ/mol, got " + window);
        int n = path.x().length;
        double[] arc = arcLength(path);
        int saddle = path.saddleIndex();
        double top = path.f()[saddle];
        int lo = saddle, hi = saddle;
        while (lo > 0 && path.f()[lo - 1] >= top - window) {
            lo--;
        }
        while (hi < n - 1 && path.f()[hi + 1] >= top - window) {
            hi++;
        }
        while (hi - lo < 2 && (lo > 0 || hi < n - 1)) {
            lo = Math.max(0, lo - 1);
            hi = Math.min(n - 1, hi + 1);
        }
        List<Probe> probes = new ArrayList<>();
        int count = Math.min(MAX_PROBES, hi - lo + 1);
        for (int j = 0; j < count; j++) {
            int index = count == 1 ? lo : (int) Math.round(lo + j * (hi - lo) / (double) (count - 1));
            probes.add(probe(path, arc, index, probes.size(), committor));
        }
        int spacing = Math.max(1, (hi - lo) / Math.max(1, count - 1));
        for (int extra = 0; extra < MAX_PROBES; extra++) {
            Probe first = probes.get(0), last = probes.get(probes.size() - 1);
            if (first.pB() > 0.5 && first.pathIndex() > 0) {
                probes.add(0, probe(path, arc, Math.max(0, first.pathIndex() - spacing), probes.size(), committor));
            } else if (last.pB() < 0.5 && last.pathIndex() < n - 1) {
                probes.add(probe(path, arc, Math.min(n - 1, last.pathIndex() + spacing), probes.size(), committor));
            } else {
                break;
            }
        }
        double s = halfPoint(probes);
        return new Search(List.copyOf(probes), s, pointAt(path, arc, s));
    }

    private static Probe probe(MinimumFreeEnergyPath.Path path, double[] arc, int index, long number, Committor committor) {
        double[] centre = {path.x()[index], path.y()[index]};
        int[] outcome = committor.outcomes(centre, number);
        return new Probe(index, arc[index], centre, path.f()[index], outcome[0], outcome[1], outcome[2]);
    }

    /** Arc length (p_B = 1/2) of the logistic fit over the probes, kept between the outermost probes. */
    static double halfPoint(List<Probe> probes) {
        double[][] x = new double[probes.size()][1];
        double[] y = new double[probes.size()];
        double[] trials = new double[probes.size()];
        for (int k = 0; k < probes.size(); k++) {
            Probe p = probes.get(k);
            x[k][0] = p.arc();
            trials[k] = p.nA() + p.nB();
            y[k] = trials[k] > 0 ? p.nB() / trials[k] : 0;
        }
        double from = probes.get(0).arc(), to = probes.get(probes.size() - 1).arc();
        double s = Double.NaN;
        // a slope needs decided shots at two points of the path at least
        if (probes.stream().filter(p -> p.nA() + p.nB() > 0).map(Probe::arc).distinct().count() >= 2) {
            LogisticLine fit = LogisticLine.fit(List.of("arc_deg"), x, y, trials);
            if (fit.slopes()[0] > 0) {
                s = -fit.intercept() / fit.slopes()[0];
            }
        }
        if (!Double.isFinite(s)) {
            s = probes.stream().filter(p -> !Double.isNaN(p.pB()))
                    .min(Comparator.comparingDouble(p -> Math.abs(p.pB() - 0.5))).map(Probe::arc).orElse(from);
        }
        return Math.max(from, Math.min(to, s));
    }

    /** Cumulative length along the path in degrees, minimum-image steps on both angles. */
    static double[] arcLength(MinimumFreeEnergyPath.Path path) {
        double[] arc = new double[path.x().length];
        for (int k = 1; k < arc.length; k++) {
            arc[k] = arc[k - 1] + Math.hypot(wrap(path.x()[k] - path.x()[k - 1]), wrap(path.y()[k] - path.y()[k - 1]));
        }
        return arc;
    }

    /** The point at arc length {@code s}, linear between path points, wrapped into [-180, 180). */
    static double[] pointAt(MinimumFreeEnergyPath.Path path, double[] arc, double s) {
        int k = 0;
        while (k < arc.length - 2 && arc[k + 1] < s) {
            k++;
        }
        if (arc.length == 1) {
            return new double[]{path.x()[0], path.y()[0]};
        }
        double t = arc[k + 1] > arc[k] ? Math.max(0, Math.min(1, (s - arc[k]) / (arc[k + 1] - arc[k]))) : 0;
        double x = path.x()[k] + t * wrap(path.x()[k + 1] - path.x()[k]);
        double y = path.y()[k] + t * wrap(path.y()[k + 1] - path.y()[k]);
        return new double[]{wrap(x), wrap(y)};
    }

    private static double wrap(double degrees) {
        return degrees - 360 * Math.floor((degrees + 180) / 360);
    }

    /** Every shot from every configuration: {nA, nB, undecided}; the outcomes depend on (seed, probe, configuration, shot) only. */
    private int[] shoot(ForceField forceField, List<double[]> configs, long probe) {
        int shots = shooting.shots();
        long tasks = (long) configs.size() * shots;
        AtomicLong next = new AtomicLong();
        AtomicInteger nA = new AtomicInteger(), nB = new AtomicInteger(), none = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(threads, tasks); w++) {
            Thread worker = new Thread(() -> {
                Shooter shooter = new Shooter(shooting, forceField, top, states);
                try {
                    for (long task = next.getAndIncrement(); task < tasks && failure.get() == null; task = next.getAndIncrement()) {
                        int config = (int) (task / shots);
                        shooter.shoot(configs.get(config), probe * configs.size() + config, (int) (task % shots));
                        (shooter.outcome() == CommittorStates.IN_A ? nA
                                : shooter.outcome() == CommittorStates.IN_B ? nB : none).incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "centre-probe-" + w);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while shooting", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new int[]{nA.get(), nB.get(), none.get()};
    }

    private static String format(double[] c) {
        return String.format(Locale.ROOT, "(%.1f, %.1f)", c[0], c[1]);
    }
}

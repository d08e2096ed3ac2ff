package io.github.mdxai.features.dynamics;

import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Structure and relaxation of a trajectory: partial g(r), S_AA(k) and its first peak k*, MSD per type,
 * F_s(k*, t) of type A and tau_alpha where F_s = 1/e. Stationarity: tau_alpha of the first and second half of the
 * trajectory are reported too; an equilibrated run gives the same value within noise.
 */
public final class RelaxationAnalysis {

    /** Most frames used for g(r) (spread evenly): enough for smooth curves at N ~ 1000. */
    public static final int RDF_FRAMES = 20;

    private RelaxationAnalysis() {
    }

    public record Result(PairCorrelation.Result rdf, double[] k, double[] sAA, double kPeak, SelfDynamics.Result dynamics,
                         double tauAlpha, double tauAlphaFirstHalf, double tauAlphaSecondHalf, double frameTime,
                         int frames, int typeCount) {
    }

    /** Bins per decade of lag time for trajectories whose frames are not equally spaced (log-spaced sampling). */
    public static final int BINS_PER_DECADE = 20;

    /** Frame times: the frames' own times when all have one, else steps x {@code timestep}; they must increase. */
    public static double[] frameTimes(List<Configuration> frames, double timestep) {
        InputException.require(frames.size() >= 2, "the trajectory needs at least 2 frames, has " + frames.size());
        boolean times = frames.stream().noneMatch(c -> Double.isNaN(c.time()));
        if (!times) {
            InputException.require(timestep > 0, "frames carry no time: give the MD time step (timestep > 0)");
        }
        double[] t = new double[frames.size()];
        for (int m = 0; m < t.length; m++) {
            t[m] = times ? frames.get(m).time() : frames.get(m).step() * timestep;
            if (m > 0 && !(t[m] > t[m - 1])) {
                throw new InputException("frame times must increase: frame " + (m + 1) + " is at " + t[m]
                        + ", after " + t[m - 1]);
            }
        }
        return t;
    }

    /** True when consecutive frames are the same time apart (to 1e-6 of the spacing). */
    static boolean equallySpaced(double[] t) {
        return firstUnequal(t) < 0;
    }

    /** Index of the first frame not one spacing after its predecessor, or -1. */
    private static int firstUnequal(double[] t) {
        double dt = t[1] - t[0];
        for (int m = 2; m < t.length; m++) {
            if (Math.abs(t[m] - t[m - 1] - dt) > 1e-6 * dt) {
                return m;
            }
        }
        return -1;
    }

    /**
     * Time between frames: from the frames' times when all have one, else step differences x {@code timestep}.
     * Frames must be equally spaced.
     */
    public static double frameTime(List<Configuration> frames, double timestep) {
        double[] t = frameTimes(frames, timestep);
        int m = firstUnequal(t);
        if (m >= 0) {
            throw new InputException("frames are not equally spaced in time: frame " + (m + 1) + " is at " + t[m]
                    + ", expected " + (t[m - 1] + t[1] - t[0]));
        }
        return t[1] - t[0];
    }

    /**
     * @param k    wave number for F_s; 0 = first peak of S_AA(k) in [3, 12] sigma^-1
     * @param rMax g(r) range; 0 = half the box edge
     */
    public static Result analyse(List<Configuration> frames, double timestep, double k, double rMax, int bins,
                                 Progress progress) {
        double[] times = frameTimes(frames, timestep);
        boolean equal = equallySpaced(times);
        double frameTime = equal ? times[1] - times[0] : smallestGap(times);
        int typeCount = 0;
        for (Configuration c : frames) {
            typeCount = Math.max(typeCount, c.typeCount());
        }
        double range = rMax > 0 ? rMax : 0.5 * frames.get(0).box().minLength();
        List<Configuration> sample = new ArrayList<>();
        int stride = Math.max(1, frames.size() / RDF_FRAMES);
        for (int m = 0; m < frames.size() && sample.size() < RDF_FRAMES; m += stride) {
            sample.add(frames.get(m));
        }
        progress.status("g(r)");
        PairCorrelation.Result rdf = PairCorrelation.compute(sample, typeCount, range, bins);
        progress.fraction(0.2);
        double[] ks = new double[400];
        for (int q = 0; q < ks.length; q++) {
            ks[q] = 0.5 + 0.05 * q;
        }
        double[] s = StructureFactor.partial(rdf, 0, ks);
        double kPeak = StructureFactor.firstPeak(rdf, 0, 3, 12);
        double kUsed = k > 0 ? k : kPeak;
        progress.status("MSD and F_s(k,t)");
        int f = frames.size();
        SelfDynamics.Result dyn;
        double first = Double.NaN;
        double second = Double.NaN;
        if (equal) {
            dyn = SelfDynamics.compute(frames, frameTime, typeCount, 0, kUsed, f - 1, progress.range(0.2, 0.8));
            if (f >= 8) {
                first = SelfDynamics.compute(frames.subList(0, f / 2), frameTime, typeCount, 0, kUsed, f / 2, progress.range(0.8, 0.9)).tauAlpha();
                second = SelfDynamics.compute(frames.subList(f / 2, f), frameTime, typeCount, 0, kUsed, f / 2, progress.range(0.9, 1)).tauAlpha();
            }
        } else {
            // log-spaced frames: all frame pairs, pooled by lag; the halves split the run at its middle time
            dyn = SelfDynamics.computeAtTimes(frames, times, typeCount, 0, kUsed, BINS_PER_DECADE, progress.range(0.2, 0.8));
            int half = 0;
            while (half < f && times[half] < 0.5 * (times[0] + times[f - 1])) {
                half++;
            }
            if (half >= 4 && f - half >= 4) {
                first = SelfDynamics.computeAtTimes(frames.subList(0, half), java.util.Arrays.copyOfRange(times, 0, half),
                        typeCount, 0, kUsed, BINS_PER_DECADE, progress.range(0.8, 0.9)).tauAlpha();
                second = SelfDynamics.computeAtTimes(frames.subList(half, f), java.util.Arrays.copyOfRange(times, half, f),
                        typeCount, 0, kUsed, BINS_PER_DECADE, progress.range(0.9, 1)).tauAlpha();
            }
        }
        return new Result(rdf, ks, s, kPeak, dyn, dyn.tauAlpha(), first, second, frameTime, f, typeCount);
    }

    private static double smallestGap(double[] t) {
        double gap = Double.POSITIVE_INFINITY;
        for (int m = 1; m < t.length; m++) {
            gap = Math.min(gap, t[m] - t[m - 1]);
        }
        return gap;
    }

    /** Writes gr.csv, sk.csv, msd.csv, fs.csv and tau_alpha.csv into a folder. */
    public static void write(Result r, Path folder) {
        String[] names = {"A", "B", "C", "D"};
        List<String> grHeader = new ArrayList<>(List.of("r_sigma"));
        for (int a = 0; a < r.typeCount(); a++) {
            for (int b = a; b < r.typeCount(); b++) {
                grHeader.add("g_" + name(names, a) + name(names, b));
            }
        }
        grHeader.add("g_total");
        List<double[]> rows = new ArrayList<>();
        for (int q = 0; q < r.rdf().r().length; q++) {
            double[] row = new double[grHeader.size()];
            row[0] = r.rdf().r()[q];
            for (int p = 0; p < r.rdf().g().length; p++) {
                row[1 + p] = r.rdf().g()[p][q];
            }
            row[row.length - 1] = r.rdf().total()[q];
            rows.add(row);
        }
        CsvTable.write(folder.resolve("gr.csv"), grHeader, rows);

        rows = new ArrayList<>();
        for (int q = 0; q < r.k().length; q++) {
            rows.add(new double[]{r.k()[q], r.sAA()[q]});
        }
        CsvTable.write(folder.resolve("sk.csv"), List.of("k_inv_sigma", "S_AA"), rows);

        SelfDynamics.Result d = r.dynamics();
        List<String> msdHeader = new ArrayList<>(List.of("t_tau"));
        for (int a = 0; a < r.typeCount(); a++) {
            msdHeader.add("msd_" + name(names, a) + "_sigma2");
        }
        rows = new ArrayList<>();
        List<double[]> fsRows = new ArrayList<>();
        for (int q = 0; q < d.time().length; q++) {
            double[] row = new double[1 + r.typeCount()];
            row[0] = d.time()[q];
            for (int a = 0; a < r.typeCount(); a++) {
                row[1 + a] = d.msd()[a][q];
            }
            rows.add(row);
            fsRows.add(new double[]{d.time()[q], d.fs()[q]});
        }
        CsvTable.write(folder.resolve("msd.csv"), msdHeader, rows);
        CsvTable.write(folder.resolve("fs.csv"), List.of("t_tau", "Fs_A"), fsRows);
        CsvTable.write(folder.resolve("tau_alpha.csv"), List.of("k_inv_sigma", "k_peak_SAA_inv_sigma", "tau_alpha_tau",
                        "tau_alpha_first_half_tau", "tau_alpha_second_half_tau", "frame_time_tau", "frames"),
                List.of(new double[]{d.k(), r.kPeak(), r.tauAlpha(), r.tauAlphaFirstHalf(), r.tauAlphaSecondHalf(),
                        r.frameTime(), r.frames()}));
    }

    private static String name(String[] names, int type) {
        return type < names.length ? names[type] : Integer.toString(type + 1);
    }
}

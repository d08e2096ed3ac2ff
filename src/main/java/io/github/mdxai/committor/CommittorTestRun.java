package io.github.mdxai.committor;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.Dihedral;
import io.github.mdxai.figures.HistogramPanels;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.sampling.FlatBottomRestraint;
import io.github.mdxai.sampling.HarmonicRestraint;
import io.github.mdxai.sampling.TransitionRegionSampler;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.Json;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The committor test of a coordinate (Geissler, Dellago and Chandler 1999; Peters 2006): Langevin MD restrained
 * harmonically to the coordinate's dividing surface s(x) = s*, a configuration kept every {@code stride} steps,
 * then shooting from each with {@link CommittorRun} (deterministic, resumable, shardable), then the p_B histogram
 * against the binomial spread a true reaction coordinate would give. The restrained MD starts from the given
 * configuration whose coordinate lies closest to s* (inside the region, when one is given). A learned surface is
 * defined everywhere but trained only near the saddle: restrained alone, a run can follow it into a basin (seen for
 * the network's q = 0 in Study A: into C7ax), so flat-bottom walls can keep the run inside the trained region.
 *
 * <p>Files in the output folder: {@code surface_configs.gro/.csv} (the restrained configurations; the CSV has the
 * coordinate and phi, psi for alanine dipeptide), {@code surface_run.txt} (what produced them: a rerun with the same
 * description reuses them, so an interrupted shooting resumes), {@code committors.csv} (or a shard), and once all
 * configurations are shot {@code committor_test.csv} (histogram), {@code committor_test.json} (numbers, including
 * each recorded CV's integrated autocorrelation time along the restrained run) and {@code committor_test.png}.
 */
public final class CommittorTestRun {

    public static final String CONFIGS = "surface_configs";

    /** The test's outcome; the histogram is null while shards are missing. */
    public record Result(Path folder, CommittorRun.Summary shooting, CommittorHistogram histogram, Map<String, Object> summary) {
    }

    private CommittorTestRun() {
    }

    /**
     * @param coordinate  the restrained CV; {@code description} tells apart coordinates of one name (e.g. the model file)
     * @param sampling    restrained MD settings; its centre is the dividing value in interface units (deg, nm, q)
     * @param region      walls that keep the restrained MD inside a box of CV space (e.g. where a network was
     *                    trained, so that its surface is not followed into a basin where it extrapolates); or null
     */
    public static Result run(Topology top, List<double[]> starts, CollectiveVariable coordinate, String description,
                             TransitionRegionSampler.Settings sampling, FlatBottomRestraint region, ShootingParameters shooting,
                             CommittorStates states, ShardSpec shard, int threads, Path out, Progress progress) {
        InputException.require(!starts.isEmpty(), "configs: no starting configurations");
        InputException.require(sampling.centre().length == 1, "committor test: one dividing value, got " + sampling.centre().length);
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        double target = sampling.centre()[0];
        List<CollectiveVariable> recorded = new ArrayList<>(List.of(coordinate));
        if (top.atomCount() == 22) {
            for (CollectiveVariable d : List.of(Dihedral.phi(), Dihedral.psi())) {
                if (!d.name().equals(coordinate.name())) {
                    recorded.add(d);
                }
            }
        }
        int start = nearest(starts, coordinate, target, region);
        String run = describe(top, coordinate, description, sampling, starts.get(start))
                + "region=" + (region == null ? "none" : region.describe()) + "\n";
        Path configs = out.resolve(CONFIGS + ".gro");
        Path runFile = out.resolve("surface_run.txt");
        if (!(Files.isRegularFile(configs) && Files.isRegularFile(runFile) && read(runFile).equals(run))) {
            progress.status(String.format(Locale.ROOT, "Committor test: restrained MD on %s = %.4g", coordinate.name(), target));
            TransitionRegionSampler.sample(top, starts.get(start), new CollectiveVariable[]{coordinate},
                    recorded.toArray(new CollectiveVariable[0]), sampling, region, out, CONFIGS, progress);
            AtomicFiles.writeString(runFile, run);
        }
        // shoot from the configurations as written, so that a rerun shoots from identical numbers
        List<double[]> surface = Configurations.read(configs, top);
        CommittorRun committors = new CommittorRun(top, surface, states, shooting, shard, threads, out);
        CommittorRun.Summary summary = committors.process(progress);
        if (!CommittorFile.read(summary.results(), false).header().shard().equals(ShardSpec.WHOLE)) {
            return new Result(out, summary, null, null);
        }
        CommittorHistogram histogram = CommittorHistogram.read(coordinate.name(), summary.results(), shooting.shots());
        Map<String, Object> numbers = new LinkedHashMap<>(histogram.summary());
        numbers.put("coordinate", coordinate.name());
        numbers.put("coordinate_description", description);
        numbers.put("dividing_value", target);
        numbers.put("unit", coordinate.interfaceUnit());
        numbers.put("kappa", sampling.kappa());
        numbers.put("thermal_width", coordinate.toInterface(HarmonicRestraint.thermalWidth(sampling.kappa(), sampling.temperature())));
        numbers.put("start_configuration", start);
        numbers.put("region", region == null ? "none" : region.describe());
        numbers.putAll(samplingStatistics(out.resolve(CONFIGS + ".csv"), recorded, sampling));
        histogram.writeCsv(out.resolve("committor_test.csv"));
        writeJson(out.resolve("committor_test.json"), numbers);
        figure(List.of(histogram), List.of(coordinate.name() + " = " + CsvTable.format(target))).writePng(out.resolve("committor_test.png"));
        return new Result(out, summary, histogram, numbers);
    }

    /** Histograms side by side on one scale, each with its numbers, against the binomial reference. */
    public static HistogramPanels figure(List<CommittorHistogram> histograms, List<String> titles) {
        int shots = histograms.get(0).shots();
        boolean sameShots = histograms.stream().allMatch(h -> h.shots() == shots);
        HistogramPanels panels = new HistogramPanels("committor p_B (dimensionless)", "fraction of configurations", 0, 1,
                "measured p_B", "if every p_B were 1/2 (binomial noise" + (sameShots ? ", " + shots + " shots)" : ")"));
        for (int k = 0; k < histograms.size(); k++) {
            CommittorHistogram h = histograms.get(k);
            panels.panel(titles.get(k), h.fractions(), h.binomialFraction(), List.of(
                    String.format(Locale.ROOT, "n = %d, %d shots each", h.n(), h.shots()),
                    String.format(Locale.ROOT, "mean %.3f, std %.3f", h.mean(), h.std()),
                    String.format(Locale.ROOT, "binomial std %.3f", h.binomialStd()),
                    String.format(Locale.ROOT, "fraction in [0.4, 0.6]: %.2f", h.fractionInMiddle())));
        }
        return panels;
    }

    /**
     * Index of the configuration whose coordinate is closest to the target (interface units; angles wrap), among
     * those inside the region if any is.
     */
    static int nearest(List<double[]> starts, CollectiveVariable coordinate, double target, FlatBottomRestraint region) {
        boolean[] inside = new boolean[starts.size()];
        boolean any = false;
        for (int k = 0; k < inside.length; k++) {
            inside[k] = region == null || region.addForces(starts.get(k), new double[starts.get(k).length]) == 0;
            any |= inside[k];
        }
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < starts.size(); k++) {
            if (any && !inside[k]) {
                continue;
            }
            double d = coordinate.toInterface(coordinate.value(starts.get(k))) - target;
            if (coordinate.periodic()) {
                d -= 360 * Math.rint(d / 360);
            }
            if (Math.abs(d) < bestD) {
                bestD = Math.abs(d);
                best = k;
            }
        }
        return best;
    }

    private static String describe(Topology top, CollectiveVariable coordinate, String description,
                                   TransitionRegionSampler.Settings s, double[] start) {
        return "coordinate=" + coordinate.name() + " description=" + description + " value=" + CsvTable.format(s.centre()[0])
                + " kappa=" + CsvTable.format(s.kappa()) + " count=" + s.count() + " stride=" + s.stride()
                + " equilibration=" + s.equilibration() + " temperature=" + CsvTable.format(s.temperature())
                + " friction=" + CsvTable.format(s.friction()) + " dt=" + CsvTable.format(s.dt()) + " seed=" + s.seed()
                + " h_bond_constraints=" + s.hBondConstraints() + " topology_sha256=" + Fingerprints.topology(top)
                + " start_sha256=" + Fingerprints.configurations(List.of(start)) + "\n";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /**
     * Per recorded CV: mean and standard deviation over the kept configurations and the integrated autocorrelation
     * time (in kept samples and in ps): how far apart the configurations are in effect.
     */
    static Map<String, Object> samplingStatistics(Path csv, List<CollectiveVariable> recorded, TransitionRegionSampler.Settings s) {
        CsvTable table = CsvTable.read(csv);
        double[][] rows = new double[table.rowCount()][recorded.size()];
        for (int c = 0; c < recorded.size(); c++) {
            double[] column = table.column(recorded.get(c).column());
            for (int r = 0; r < rows.length; r++) {
                rows[r][c] = column[r];
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int c = 0; c < recorded.size(); c++) {
            CollectiveVariable cv = recorded.get(c);
            double[] centred = TransitionRegionSampler.centred(rows, c, cv.periodic());
            double tau = TransitionRegionSampler.integratedAutocorrelationTime(centred);
            double var = 0;
            for (double v : centred) {
                var += v * v / Math.max(1, centred.length - 1);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("std", Math.sqrt(var));
            m.put("autocorrelation_time_samples", tau);
            m.put("autocorrelation_time_ps", tau * s.stride() * s.dt());
            out.put("restrained_md_" + cv.name(), m);
        }
        out.put("sample_interval_ps", s.stride() * s.dt());
        return out;
    }

    private static void writeJson(Path file, Map<String, Object> numbers) {
        AtomicFiles.writeString(file, Json.pretty(numbers));
    }
}

package io.github.mdxai.features.structure;

import io.github.mdxai.figures.ScatterPlot;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a {@link StructureAnalysis}: one row per particle and frame ({@value #TABLE}), the mean coordination
 * per species pair, the first-shell cut-offs with the smoothed partial g(r) they came from, and a histogram of each
 * descriptor (CSV and PNG), with a one-line summary.
 */
public final class StructureDescriptorFiles {

    public static final String TABLE = "structure_descriptors.csv";
    /** The per-particle descriptors, in table and histogram order. */
    public static final List<String> DESCRIPTORS = List.of("coordination", "q4", "q6", "q4_avg", "q6_avg",
            "voronoi_volume_sigma3");
    private static final Color BAR = new Color(70, 110, 180);

    /** What was written: each descriptor's values over all frames, the histogram images, the summary line. */
    public record Written(double[][] values, List<BufferedImage> histograms, String summary) {
    }

    private StructureDescriptorFiles() {
    }

    /** Radii by type for radical Voronoi from text such as "0.5, 0.6"; null for blank text (plain Voronoi). */
    public static double[] parseRadii(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        double[] r = new double[parts.length];
        for (int t = 0; t < parts.length; t++) {
            try {
                r[t] = Double.parseDouble(parts[t].trim());
            } catch (NumberFormatException e) {
                throw new InputException("radii: '" + parts[t].trim() + "' is not a number (expected e.g. 0.5,0.6)");
            }
            if (!(r[t] >= 0) || Double.isInfinite(r[t])) {
                throw new InputException("radii: radius of type " + (t + 1) + " must be a finite number >= 0");
            }
        }
        return r;
    }

    /** Writes every file into {@code dir} (created if needed); histograms have {@code bins} bins (q_l, volumes). */
    public static Written write(Path dir, StructureAnalysis.Result result, StructureAnalysis.Options options, int bins) {
        InputException.require(bins >= 2, "bins: expected at least 2, got " + bins);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException("out: cannot create folder " + dir + ": " + e.getMessage());
        }
        double[][] values = writeTable(dir.resolve(TABLE), result);
        writeCoordination(dir.resolve("coordination_pairs.csv"), result, options);
        if (result.shells() != null) {
            writeShells(dir, result.shells());
        }
        List<BufferedImage> histograms = writeHistograms(dir, values, bins);
        return new Written(values, histograms, summarize(result, values));
    }

    /** Writes the per-particle table and returns each descriptor's values over all frames. */
    private static double[][] writeTable(Path file, StructureAnalysis.Result result) {
        List<double[]> rows = new ArrayList<>();
        for (int f = 0; f < result.frames().size(); f++) {
            StructureAnalysis.FrameDescriptors d = result.frames().get(f);
            Configuration c = d.configuration();
            for (int i = 0; i < c.size(); i++) {
                rows.add(new double[] {f, c.ids()[i], c.types()[i] + 1, c.positions()[3 * i],
                        c.positions()[3 * i + 1], c.positions()[3 * i + 2], d.coordination()[i], d.q4()[i],
                        d.q6()[i], d.q4Averaged()[i], d.q6Averaged()[i], d.voronoiVolume()[i]});
            }
        }
        List<String> header = new ArrayList<>(List.of("frame", "id", "type", "x_sigma", "y_sigma", "z_sigma"));
        header.addAll(DESCRIPTORS);
        CsvTable.write(file, header, rows);
        double[][] values = new double[DESCRIPTORS.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int v = 0; v < DESCRIPTORS.size(); v++) {
                values[v][r] = rows.get(r)[6 + v];
            }
        }
        return values;
    }

    private static void writeCoordination(Path file, StructureAnalysis.Result result,
                                          StructureAnalysis.Options options) {
        List<double[]> rows = new ArrayList<>();
        for (int a = 0; a < result.species(); a++) {
            for (int b = 0; b < result.species(); b++) {
                double cut = switch (options.neighbors()) {
                    case SHELL -> result.shells().cutoff(a, b);
                    case CUTOFF -> options.cutoff();
                    case NEAREST -> Double.NaN;
                };
                rows.add(new double[] {a + 1, b + 1, cut, result.meanCoordination()[a][b]});
            }
        }
        CsvTable.write(file, List.of("type_center", "type_neighbor", "cutoff_sigma", "mean_neighbors"), rows);
    }

    private static void writeShells(Path dir, ShellCutoffs shells) {
        List<double[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("r_sigma"));
        int s = shells.species();
        for (int a = 0; a < s; a++) {
            for (int b = a; b < s; b++) {
                rows.add(new double[] {a + 1, b + 1, shells.peak(a, b), shells.cutoff(a, b),
                        shells.measured(a, b) ? 1 : 0});
                header.add("g_" + (a + 1) + "-" + (b + 1) + "_smoothed");
            }
        }
        CsvTable.write(dir.resolve("shell_cutoffs.csv"),
                List.of("type_a", "type_b", "peak_r_sigma", "cutoff_sigma", "measured"), rows);
        double[] r = shells.r();
        List<double[]> curves = new ArrayList<>();
        for (int k = 0; k < r.length; k++) {
            double[] row = new double[header.size()];
            row[0] = r[k];
            int col = 1;
            for (int a = 0; a < s; a++) {
                for (int b = a; b < s; b++) {
                    row[col++] = shells.smoothed(a, b)[k];
                }
            }
            curves.add(row);
        }
        CsvTable.write(dir.resolve("partial_gr.csv"), header, curves);
    }

    /** One histogram per descriptor (coordination by integer), as histograms.csv and histogram_NAME.png. */
    private static List<BufferedImage> writeHistograms(Path dir, double[][] values, int bins) {
        List<String[]> rows = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (int v = 0; v < DESCRIPTORS.size(); v++) {
            String name = DESCRIPTORS.get(v);
            Histogram h = v == 0 ? Histogram.ofIntegers(toInts(values[0])) : Histogram.of(values[v], bins);
            double[] counts = new double[h.counts().length];
            double highest = 1;
            for (int b = 0; b < counts.length; b++) {
                counts[b] = h.counts()[b];
                highest = Math.max(highest, counts[b]);
                rows.add(new String[] {name, CsvTable.format(h.lower()[b]), CsvTable.format(h.lower()[b] + h.width()),
                        CsvTable.format(counts[b])});
            }
            ScatterPlot plot = new ScatterPlot("Histogram of " + name, name, "particles")
                    .note(String.format(Locale.ROOT, "%s, %d values", name, values[v].length));
            if (counts.length > 0) {
                plot.bars(h.lower(), h.width(), counts, BAR)
                        .range(h.lower()[0], h.lower()[counts.length - 1] + h.width(), 0, 1.08 * highest);
            }
            BufferedImage image = plot.render(600, 400);
            AtomicFiles.write(dir.resolve("histogram_" + name + ".png"), o -> ImageIO.write(image, "png", o));
            images.add(image);
        }
        AtomicFiles.writeText(dir.resolve("histograms.csv"), w -> {
            CsvTable.writeRow(w, List.of("descriptor", "bin_lower", "bin_upper", "count"));
            for (String[] row : rows) {
                CsvTable.writeRow(w, List.of(row));
            }
        });
        return images;
    }

    private static int[] toInts(double[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) values[i];
        }
        return ints;
    }

    private static String summarize(StructureAnalysis.Result result, double[][] values) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d frame(s), %d particle rows; mean "
                        + "coordination %.3f, q6 %.4f, q6_avg %.4f, Voronoi volume %.5g", result.frames().size(),
                values[0].length, mean(values[0]), mean(values[2]), mean(values[4]), mean(values[5])));
        if (result.shells() != null) {
            sb.append("; shell cut-offs: ");
            for (int a = 0; a < result.species(); a++) {
                for (int b = a; b < result.species(); b++) {
                    if (result.shells().measured(a, b)) {
                        sb.append(String.format(Locale.ROOT, "%d-%d %.4g ", a + 1, b + 1, result.shells().cutoff(a, b)));
                    }
                }
            }
        }
        return sb.toString().trim();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}

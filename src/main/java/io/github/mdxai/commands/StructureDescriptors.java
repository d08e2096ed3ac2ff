package io.github.mdxai.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Plot;
import io.github.mdxai.features.structure.Histogram;
import io.github.mdxai.features.structure.ShellCutoffs;
import io.github.mdxai.features.structure.StructureAnalysis;
import io.github.mdxai.io.ExtendedXyz;
import io.github.mdxai.io.LammpsData;
import io.github.mdxai.io.LammpsDump;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-particle local structure of a configuration or trajectory: coordination, q4, q6 and their neighbour
 * averages, Voronoi cell volume; one CSV row per particle and frame, histograms as images.
 */
@Plugin(type = Command.class, menuPath = "Plugins>MD XAI>Particles & Glasses>Structure Descriptors")
public class StructureDescriptors implements Command {

    static final String TABLE = "structure_descriptors.csv";
    private static final String[] DESCRIPTORS = {"coordination", "q4", "q6", "q4_avg", "q6_avg", "voronoi_volume"};

    @Parameter(label = "Configuration or trajectory", style = "file", persist = false,
            description = "LAMMPS data file, LAMMPS dump (one or more frames) or extended XYZ, recognised by content;"
                    + " orthorhombic periodic box")
    private File input;

    @Parameter(label = "Neighbours", choices = {"shell", "cutoff", "nearest"}, persist = false,
            description = "shell: inside the first minimum of each partial g(r) (found from all frames); "
                    + "cutoff: inside a fixed distance; nearest: the k nearest")
    private String neighbors = "shell";

    @Parameter(label = "Cut-off (length unit of the input)", persist = false, min = "0",
            description = "Neighbour distance for 'cutoff'")
    private double cutoff = 1.5;

    @Parameter(label = "Nearest neighbours k", persist = false, min = "1", description = "Neighbours for 'nearest'")
    private int k = 12;

    @Parameter(label = "Radii by type for radical Voronoi (comma-separated)", persist = false, required = false,
            description = "e.g. 0.5,0.6 for types 1 and 2; empty for plain Voronoi")
    private String radii = "";

    @Parameter(label = "Histogram bins", persist = false, min = "2", max = "10000")
    private int bins = 50;

    @Parameter(label = "Threads", persist = false, min = "1", description = "Threads for neighbours, q_l and Voronoi cells (results do not depend on it)")
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        InputException.require(input != null, "input: a configuration or trajectory file is required");
        InputException.require(out != null, "out: an output folder is required");
        InputException.require(bins >= 2, "bins: expected at least 2, got " + bins);
        StructureAnalysis.Options options = new StructureAnalysis.Options(StructureAnalysis.Neighbors.parse(neighbors),
                cutoff, k, parseRadii(radii), threads);
        Progress p = HostProgress.of(statusService);
        p.status("Reading " + input.getName());
        List<Configuration> frames = read(input.toPath());
        StructureAnalysis.Result result = StructureAnalysis.compute(frames, options, p.range(0, 0.9));
        Path dir = out.toPath();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new InputException("out: cannot create folder " + dir + ": " + e.getMessage());
        }
        p.status("Writing " + TABLE);
        double[][] values = writeTable(dir.resolve(TABLE), result);
        writeCoordination(dir.resolve("coordination_pairs.csv"), result, options);
        if (result.shells() != null) {
            writeShells(dir, result.shells());
        }
        // The host shows histograms.csv as live plots; the PNGs are for reports.
        writeHistograms(dir, values);
        summary = summarize(result, values);
        p.status(summary);
        p.fraction(1);
    }

    static double[] parseRadii(String text) {
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

    /**
     * Reads a LAMMPS data file, a LAMMPS dump or an extended XYZ file, recognised by content (LAMMPS's own names
     * such as data.lj or dump.melt carry no extension): a dump starts with "ITEM:", extended XYZ with a particle
     * count and a comment line holding Lattice=, a data file has an "atoms" count in its header.
     */
    static List<Configuration> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("input: " + file + " is not a readable file");
        }
        List<String> head = new ArrayList<>();
        try (java.io.BufferedReader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String line;
            while (head.size() < 40 && (line = r.readLine()) != null) {
                head.add(line.trim());
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw InputException.at(file, 0, "cannot read: " + e.getMessage());
        }
        List<String> nonBlank = head.stream().filter(l -> !l.isEmpty()).toList();
        if (!nonBlank.isEmpty() && nonBlank.get(0).startsWith("ITEM:")) {
            return LammpsDump.read(file);
        }
        if (head.size() >= 2 && head.get(0).matches("\\d+") && head.get(1).contains("Lattice=")) {
            return ExtendedXyz.read(file);
        }
        for (int i = 1; i < head.size(); i++) {
            if (head.get(i).matches("\\d+\\s+atoms(\\s.*)?")) {
                return List.of(LammpsData.read(file));
            }
        }
        throw InputException.at(file, 1, "unknown format: expected a LAMMPS data file (header with 'N atoms'), "
                + "a LAMMPS dump (starting with ITEM: TIMESTEP) or extended XYZ (count, then a line with Lattice=)");
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
        List<String> header = new ArrayList<>(List.of("frame", "id", "type", "x", "y", "z"));
        header.addAll(List.of(DESCRIPTORS));
        CsvTable.write(file, header, rows);
        double[][] values = new double[DESCRIPTORS.length][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int v = 0; v < DESCRIPTORS.length; v++) {
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
        CsvTable.write(file, List.of("type_center", "type_neighbor", "cutoff", "mean_neighbors"), rows);
    }

    private static void writeShells(Path dir, ShellCutoffs shells) {
        List<double[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("r"));
        int s = shells.species();
        for (int a = 0; a < s; a++) {
            for (int b = a; b < s; b++) {
                rows.add(new double[] {a + 1, b + 1, shells.peak(a, b), shells.cutoff(a, b),
                        shells.measured(a, b) ? 1 : 0});
                header.add("g_" + (a + 1) + "-" + (b + 1) + "_smoothed");
            }
        }
        CsvTable.write(dir.resolve("shell_cutoffs.csv"),
                List.of("type_a", "type_b", "peak_r", "cutoff", "measured"), rows);
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

    private ImageStack writeHistograms(Path dir, double[][] values) {
        List<double[]> rows = new ArrayList<>();
        ImageStack stack = null;
        for (int v = 0; v < DESCRIPTORS.length; v++) {
            String name = DESCRIPTORS[v];
            Histogram h;
            if (v == 0) {
                int[] ints = new int[values[0].length];
                for (int i = 0; i < ints.length; i++) {
                    ints[i] = (int) values[0][i];
                }
                h = Histogram.ofIntegers(ints);
            } else {
                h = Histogram.of(values[v], bins);
            }
            double[] counts = new double[h.counts().length];
            double highest = 1;
            for (int b = 0; b < counts.length; b++) {
                counts[b] = h.counts()[b];
                highest = Math.max(highest, counts[b]);
                rows.add(new double[] {v, h.lower()[b], h.lower()[b] + h.width(), h.counts()[b]});
            }
            Plot plot = new Plot("Histogram of " + name, name, "particles");
            plot.add("bar", h.centres(), counts);
            if (counts.length > 0) {
                plot.setLimits(h.lower()[0], h.lower()[counts.length - 1] + h.width(), 0, 1.08 * highest);
            }
            plot.addLabel(0.02, 0.06, String.format(Locale.ROOT, "%s, %d values", name, values[v].length));
            ImagePlus image = plot.getImagePlus();
            AtomicFiles.write(dir.resolve("histogram_" + name + ".png"),
                    o -> ImageIO.write(image.getBufferedImage(), "png", o));
            if (stack == null) {
                stack = new ImageStack(image.getWidth(), image.getHeight());
            }
            stack.addSlice(name, image.getProcessor());
        }
        AtomicFiles.writeText(dir.resolve("histograms.csv"), w -> {
            CsvTable.writeRow(w, List.of("descriptor", "bin_lower", "bin_upper", "count"));
            for (double[] row : rows) {
                CsvTable.writeRow(w, List.of(DESCRIPTORS[(int) row[0]], CsvTable.format(row[1]),
                        CsvTable.format(row[2]), CsvTable.format(row[3])));
            }
        });
        return stack;
    }

    private static String summarize(StructureAnalysis.Result result, double[][] values) {
        int particles = values[0].length;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d frame(s), %d particle rows; mean "
                        + "coordination %.3f, q6 %.4f, q6_avg %.4f, Voronoi volume %.5g", result.frames().size(),
                particles, mean(values[0]), mean(values[2]), mean(values[4]), mean(values[5])));
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

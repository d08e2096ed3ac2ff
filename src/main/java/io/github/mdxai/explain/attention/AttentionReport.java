package io.github.mdxai.explain.attention;

import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.learn.graph.GatModel;
import io.github.mdxai.learn.graph.GraphDataset;
import io.github.mdxai.learn.graph.ParticleGraph;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Percentiles;
import io.github.mdxai.util.Progress;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the attention analysis over the snapshots of a data set and writes {@code particles.csv},
 * {@code heterogeneity.csv}, {@code correlations.csv} and, for the first snapshot of each class,
 * {@code attention_slab_<label>.png}; returns the maps for the host to show and save as images.
 */
public final class AttentionReport {

    private AttentionReport() {
    }

    /** Maps of one snapshot per class, and the attention-q6 histogram over all analysed particles. */
    public record Result(List<AttentionAnalysis.FrameResult> frames, List<AttentionAnalysis.Heterogeneity> heterogeneity,
                         List<AttentionAnalysis.Correlation> correlations, List<AttentionMaps.VoxelStack> voxels,
                         List<BufferedImage> slabs, Grid2D attentionVsQ6) {
    }

    /**
     * @param split     which snapshots to analyse, or null for all
     * @param radius    disc radius per type for the slab (sigma)
     */
    public static Result run(GatModel model, GraphDataset data, ParticleGraph.Split split, boolean allLayers,
                             double voxel, double slabThickness, double[] radius, int threads, Path outDir,
                             Progress progress) {
        InputException.require(model.numTypes() == data.numTypes(), "the model knows " + model.numTypes()
                + " particle types, the data set has " + data.numTypes());
        List<ParticleGraph> graphs = split == null ? data.graphs() : data.split(split);
        InputException.require(!graphs.isEmpty(), "no snapshots to analyse");
        List<AttentionAnalysis.FrameResult> frames = new ArrayList<>();
        for (int k = 0; k < graphs.size(); k++) {
            progress.checkCancelled();
            progress.status("attention of snapshot " + (k + 1) + "/" + graphs.size());
            frames.add(AttentionAnalysis.analyse(model, graphs.get(k), allLayers, threads));
            progress.fraction(0.9 * (k + 1) / graphs.size());
        }
        List<AttentionAnalysis.Heterogeneity> het = AttentionAnalysis.heterogeneity(frames);
        List<AttentionAnalysis.Correlation> corr = AttentionAnalysis.correlations(frames);
        AttentionAnalysis.writeParticles(outDir.resolve("particles.csv"), frames);
        AttentionAnalysis.writeHeterogeneity(outDir.resolve("heterogeneity.csv"), het);
        AttentionAnalysis.writeCorrelations(outDir.resolve("correlations.csv"), corr);

        int particles = 0;
        for (AttentionAnalysis.FrameResult f : frames) {
            particles += f.attention().length;
        }
        double[] att = new double[particles];
        double[] q6 = new double[particles];
        int k = 0;
        for (AttentionAnalysis.FrameResult f : frames) {
            System.arraycopy(f.attention(), 0, att, k, f.attention().length);
            System.arraycopy(f.q6(), 0, q6, k, f.q6().length);
            k += f.attention().length;
        }
        // one colour scale for every slab; a few particles with very high attention would leave the rest in the
        // bottom of a min-max scale, so the scale spans the 1st to 99th percentile and clips beyond
        double[] sorted = att.clone();
        Arrays.sort(sorted);
        double vmin = Percentiles.ofSorted(sorted, 1);
        double vmax = Percentiles.ofSorted(sorted, 99);
        Grid2D hist = AttentionMaps.histogram(att, q6, "attention", "q6", 64);
        List<AttentionMaps.VoxelStack> voxels = new ArrayList<>();
        List<BufferedImage> slabs = new ArrayList<>();
        for (int label : frames.stream().mapToInt(f -> f.graph().label()).distinct().sorted().toArray()) {
            AttentionAnalysis.FrameResult f = frames.stream().filter(x -> x.graph().label() == label).findFirst()
                    .orElseThrow();
            ParticleGraph g = f.graph();
            voxels.add(AttentionMaps.voxels(g, f.attention(), voxel, 1.0));
            BufferedImage slab = AttentionMaps.slab(g, f.attention(), g.box()[2] / 2, slabThickness, radius, 40,
                    vmin, vmax, "summed attention, 1st-99th percentile");
            slabs.add(slab);
            AtomicFiles.write(outDir.resolve("attention_slab_" + label + ".png"), out -> ImageIO.write(slab, "png",
                    out));
        }
        progress.fraction(1);
        return new Result(frames, het, corr, voxels, slabs, hist);
    }
}

package io.github.mdxai.features.structure;

import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The descriptors of every particle of every frame: coordination, q4, q6, their Lechner-Dellago averages and the
 * Voronoi cell volume, with one neighbour definition for all frames. For first-shell neighbours the partial g(r)
 * are accumulated over all frames before the cut-offs are taken from them.
 */
public final class StructureAnalysis {

    /** How neighbours are chosen. */
    public enum Neighbors {
        /** Per species pair, inside the first minimum of the partial g(r). */
        SHELL,
        /** Inside a fixed distance. */
        CUTOFF,
        /** The k nearest. */
        NEAREST;

        /** Parses {@code shell}, {@code cutoff} or {@code nearest} (case-insensitive). */
        public static Neighbors parse(String text) {
            for (Neighbors n : values()) {
                if (n.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return n;
                }
            }
            throw new InputException("neighbors: expected shell, cutoff or nearest, got '" + text + "'");
        }
    }

    /**
     * @param neighbors   neighbour definition
     * @param cutoff      distance for {@link Neighbors#CUTOFF}
     * @param k           count for {@link Neighbors#NEAREST}
     * @param radiiByType radius of each (0-based) type for radical Voronoi, or null for plain Voronoi
     * @param threads     threads (results do not depend on it)
     */
    public record Options(Neighbors neighbors, double cutoff, int k, double[] radiiByType, int threads) {
        public Options {
            if (neighbors == null) {
                throw new InputException("neighbors: expected shell, cutoff or nearest");
            }
            if (neighbors == Neighbors.CUTOFF && (!(cutoff > 0) || Double.isInfinite(cutoff))) {
                throw new InputException("cutoff: expected a positive distance, got " + cutoff);
            }
            if (neighbors == Neighbors.NEAREST && k < 1) {
                throw new InputException("k: expected at least 1 nearest neighbour, got " + k);
            }
            if (threads < 1) {
                throw new InputException("threads: expected at least 1, got " + threads);
            }
        }
    }

    /**
     * Per-particle descriptors of one frame, in the configuration's particle order (the neighbour list is not
     * kept, so long trajectories fit in memory).
     */
    public record FrameDescriptors(Configuration configuration, int[] coordination,
                                   double[] q4, double[] q6, double[] q4Averaged, double[] q6Averaged,
                                   double[] voronoiVolume) {
    }

    /**
     * @param frames             descriptors per frame
     * @param shells             the first-shell cut-offs (null unless {@link Neighbors#SHELL})
     * @param meanCoordination   mean number of neighbours of species b around species a, over all frames
     * @param species            number of species
     */
    public record Result(List<FrameDescriptors> frames, ShellCutoffs shells, double[][] meanCoordination,
                         int species) {
    }

    private StructureAnalysis() {
    }

    public static Result compute(List<Configuration> frames, Options options, Progress progress) {
        if (frames.isEmpty()) {
            throw new InputException("input: no frames to analyse");
        }
        int species = 0;
        for (Configuration c : frames) {
            species = Math.max(species, c.typeCount());
        }
        double[] radii = null;
        if (options.radiiByType() != null) {
            if (options.radiiByType().length < species) {
                throw new InputException("radii: expected a radius for each of the " + species + " types, got "
                        + options.radiiByType().length);
            }
            radii = options.radiiByType();
        }
        ShellCutoffs shells = null;
        Progress work = progress;
        if (options.neighbors() == Neighbors.SHELL) {
            progress.status("Partial g(r) for the first-shell cut-offs");
            double[] smallest = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            int fewest = Integer.MAX_VALUE;
            for (Configuration c : frames) {
                double[] b = box(c);
                for (int d = 0; d < 3; d++) {
                    smallest[d] = Math.min(smallest[d], b[d]);
                }
                fewest = Math.min(fewest, c.size());
            }
            PartialRdf rdf = PartialRdf.forFirstShell(species, smallest, fewest);
            Progress rdfProgress = progress.range(0, 0.2);
            for (int f = 0; f < frames.size(); f++) {
                Configuration c = frames.get(f);
                rdf.add(c.positions(), box(c), c.types(), rdfProgress.range(f / (double) frames.size(),
                        (f + 1) / (double) frames.size()));
            }
            shells = ShellCutoffs.find(rdf);
            work = progress.range(0.2, 1);
        }
        Steinhardt steinhardt = new Steinhardt(new int[] {4, 6}, false);
        List<FrameDescriptors> out = new ArrayList<>();
        double[][] coordinationSum = new double[species][species];
        int[] members = new int[species];
        for (int f = 0; f < frames.size(); f++) {
            Configuration c = frames.get(f);
            Progress fp = work.range(f / (double) frames.size(), (f + 1) / (double) frames.size());
            progress.status(String.format(Locale.ROOT, "Frame %d of %d: neighbours, q4/q6, Voronoi", f + 1,
                    frames.size()));
            double[] b = box(c);
            double[] pos = c.positions();
            NeighborList list = switch (options.neighbors()) {
                case SHELL -> NeighborList.withinCutoffs(pos, b, c.types(), shells.cutoffs(), options.threads(),
                        fp.range(0, 0.2));
                case CUTOFF -> NeighborList.withinCutoff(pos, b, options.cutoff(), options.threads(),
                        fp.range(0, 0.2));
                case NEAREST -> NeighborList.nearest(pos, b, options.k(), options.threads(), fp.range(0, 0.2));
            };
            OrderParameters op = steinhardt.compute(list, options.threads(), fp.range(0.2, 0.4));
            double[] particleRadii = null;
            if (radii != null) {
                particleRadii = new double[c.size()];
                for (int i = 0; i < c.size(); i++) {
                    particleRadii[i] = radii[c.types()[i]];
                }
            }
            double[] volumes = Voronoi.volumes(pos, b, particleRadii, options.threads(), fp.range(0.4, 1));
            int[] bySpecies = Coordination.bySpecies(list, c.types(), species);
            for (int i = 0; i < c.size(); i++) {
                int a = c.types()[i];
                members[a]++;
                for (int s = 0; s < species; s++) {
                    coordinationSum[a][s] += bySpecies[i * species + s];
                }
            }
            out.add(new FrameDescriptors(c, Coordination.total(list), op.q(4), op.q(6), op.qAveraged(4),
                    op.qAveraged(6), volumes));
        }
        for (int a = 0; a < species; a++) {
            for (int s = 0; s < species; s++) {
                coordinationSum[a][s] = members[a] == 0 ? Double.NaN : coordinationSum[a][s] / members[a];
            }
        }
        progress.fraction(1);
        return new Result(out, shells, coordinationSum, species);
    }

    static double[] box(Configuration c) {
        return new double[] {c.box().lx(), c.box().ly(), c.box().lz()};
    }
}

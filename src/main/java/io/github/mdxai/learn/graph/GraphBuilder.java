package io.github.mdxai.learn.graph;

import io.github.mdxai.features.structure.NeighborList;
import io.github.mdxai.particles.Box;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;

/**
 * Builds the first-shell graph of a periodic configuration: j is an incoming neighbour of i when their
 * minimum-image distance is below the shell radius of their species pair (the first minimum of the partial g(r)).
 * Edges and their vectors are exactly those of {@link NeighborList#withinCutoffs}.
 */
public final class GraphBuilder {

    private final double[][] shellRadius;

    /** @param shellRadius symmetric matrix [type][type] of first-shell radii (length unit of the positions) */
    public GraphBuilder(double[][] shellRadius) {
        int t = shellRadius.length;
        for (int a = 0; a < t; a++) {
            InputException.require(shellRadius[a].length == t, "shell radii must be a square matrix");
            for (int b = 0; b < t; b++) {
                InputException.require(shellRadius[a][b] > 0 && Double.isFinite(shellRadius[a][b]),
                        "shell radius for types " + (a + 1) + "-" + (b + 1) + " must be positive");
                InputException.require(shellRadius[a][b] == shellRadius[b][a], "shell radii must be symmetric");
            }
        }
        this.shellRadius = shellRadius;
    }

    public double[][] shellRadius() {
        return shellRadius;
    }

    /** The first-shell neighbour list of a configuration (positions relative to the box's lower corner). */
    public NeighborList neighbours(Configuration c) {
        Box box = c.box();
        double[] lengths = {box.lx(), box.ly(), box.lz()};
        double maxR = 0;
        for (double[] row : shellRadius) {
            for (double r : row) {
                maxR = Math.max(maxR, r);
            }
        }
        InputException.require(2 * maxR < box.minLength(), "box edge " + box.minLength()
                + " must exceed twice the largest shell radius " + maxR);
        for (int t : c.types()) {
            InputException.require(t < shellRadius.length, "particle type " + (t + 1) + " has no shell radius ("
                    + shellRadius.length + " types configured)");
        }
        return NeighborList.withinCutoffs(relativePositions(c), lengths, c.types(), shellRadius, Progress.NONE);
    }

    /** The graph of a configuration; its positions are wrapped into [0, L) from the box's lower corner. */
    public ParticleGraph build(Configuration c, int frame, int label, double temperature,
                               ParticleGraph.Split split) {
        NeighborList list = neighbours(c);
        double[] d = list.displacements();
        float[] vectors = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            vectors[k] = (float) d[k];
        }
        Box box = c.box();
        double[] p = relativePositions(c);
        float[] positions = new float[p.length];
        for (int k = 0; k < p.length; k++) {
            double length = box.length(k % 3);
            double u = p[k] - length * Math.floor(p[k] / length);
            positions[k] = (float) (u >= length ? 0 : u);
        }
        return new ParticleGraph(frame, label, temperature, split, shellRadius.length, c.ids().clone(),
                c.types().clone(), new double[]{box.lx(), box.ly(), box.lz()}, positions, list.offsets().clone(),
                list.neighbors().clone(), vectors);
    }

    private static double[] relativePositions(Configuration c) {
        double[] p = c.positions().clone();
        for (int i = 0; i < p.length; i++) {
            p[i] -= c.box().lo(i % 3);
        }
        return p;
    }
}

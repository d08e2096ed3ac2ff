package io.github.mdxai.molecules;

/** Fixed distances between atom pairs (GROMACS [ constraints ]), lengths in nm. Arrays are shared: read only. */
public record DistanceConstraints(int[] i, int[] j, double[] length) {

    public static final DistanceConstraints NONE = new DistanceConstraints(new int[0], new int[0], new double[0]);

    public int size() {
        return i.length;
    }
}

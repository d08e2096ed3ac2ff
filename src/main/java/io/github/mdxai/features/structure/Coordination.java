package io.github.mdxai.features.structure;

/** Coordination numbers from a neighbour list. */
public final class Coordination {

    private Coordination() {
    }

    /** Total number of neighbours of each particle. */
    public static int[] total(NeighborList list) {
        int[] counts = new int[list.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = list.count(i);
        }
        return counts;
    }

    /**
     * Neighbours of each species: entry {@code [i * species + b]} counts the neighbours of particle i of species b.
     */
    public static int[] bySpecies(NeighborList list, int[] types, int species) {
        int n = list.size();
        NeighborList.checkTypes(types, n, species);
        int[] counts = new int[n * species];
        int[] offsets = list.offsets();
        int[] neighbors = list.neighbors();
        for (int i = 0; i < n; i++) {
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                counts[i * species + types[neighbors[e]]]++;
            }
        }
        return counts;
    }

    /** Mean coordination of species a by species b, as a species x species matrix (NaN where a is absent). */
    public static double[][] meanBySpeciesPair(NeighborList list, int[] types, int species) {
        int[] counts = bySpecies(list, types, species);
        double[][] mean = new double[species][species];
        int[] members = new int[species];
        for (int i = 0; i < types.length; i++) {
            members[types[i]]++;
            for (int b = 0; b < species; b++) {
                mean[types[i]][b] += counts[i * species + b];
            }
        }
        for (int a = 0; a < species; a++) {
            for (int b = 0; b < species; b++) {
                mean[a][b] = members[a] == 0 ? Double.NaN : mean[a][b] / members[a];
            }
        }
        return mean;
    }
}

package io.github.mdxai.particles;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Rng;

import java.util.Locale;
import java.util.SplittableRandom;

/** Starting configurations: a simple-cubic lattice at the wanted density with species placed at random. */
public final class InitialConfigurations {

    private InitialConfigurations() {
    }

    /** Cubic box edge for n particles at number density {@code density}. */
    public static double boxLength(int n, double density) {
        return Math.cbrt(n / density);
    }

    /**
     * n particles on the first n sites of an m^3 simple-cubic lattice (m = ceil(n^(1/3))) filling a cubic box at
     * the density, species counts from the model's fractions shuffled with (seed, "species").
     * Refuses a density that gives a box too small for the cutoff plus skin.
     */
    public static Configuration lattice(ParticleModel model, int n, double density, double skin, long seed) {
        InputException.require(n >= 2, "n must be at least 2, was " + n);
        InputException.require(density > 0 && Double.isFinite(density), "density must be positive, was " + density);
        double length = boxLength(n, density);
        double needed = 2 * (model.potential().maxCutoff() + skin);
        if (length <= needed) {
            throw new InputException(String.format(Locale.ROOT,
                    "n = %d at density %.4g gives a box edge of %.4g sigma, which must exceed twice the largest cutoff"
                            + " plus skin (%.4g sigma): use at least %d particles or a lower density",
                    n, density, length, needed, (int) Math.ceil(density * Math.pow(needed, 3)) + 1));
        }
        int m = (int) Math.ceil(Math.cbrt(n) - 1e-9);
        double a = length / m;
        double[] pos = new double[3 * n];
        for (int i = 0; i < n; i++) {
            int ix = i % m;
            int iy = (i / m) % m;
            int iz = i / (m * m);
            pos[3 * i] = (ix + 0.5) * a;
            pos[3 * i + 1] = (iy + 0.5) * a;
            pos[3 * i + 2] = (iz + 0.5) * a;
        }
        int[] counts = model.counts(n);
        int[] types = new int[n];
        int k = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int c = 0; c < counts[t]; c++) {
                types[k++] = t;
            }
        }
        SplittableRandom r = Rng.stream(seed, "species");
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = types[i];
            types[i] = types[j];
            types[j] = tmp;
        }
        return Configuration.of(types, pos, null, Box.cubic(length));
    }
}

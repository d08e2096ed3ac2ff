package io.github.mdxai.util;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Every random stream derives from (seed, purpose, index...), e.g. (seed, "shot", config 17, shot 42), so results
 * do not depend on thread count or order. Streams are {@link SplittableRandom}s seeded by mixing the parts
 * with the SplitMix64 finalizer.
 */
public final class Rng {

    private Rng() {
    }

    /** A fresh random stream for (seed, purpose, indices). */
    public static SplittableRandom stream(long seed, String purpose, long... indices) {
        return new SplittableRandom(mixSeed(seed, purpose, indices));
    }

    /** The 64-bit seed of the stream for (seed, purpose, indices). */
    public static long mixSeed(long seed, String purpose, long... indices) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff));
        }
        for (long i : indices) {
            h = mix(h + 0x9E3779B97F4A7C15L ^ i);
        }
        return h;
    }

    /** A standard normal deviate (Box-Muller, no cached second value, so a stream is a pure function of draws). */
    public static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

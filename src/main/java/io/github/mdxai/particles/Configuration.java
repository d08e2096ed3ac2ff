package io.github.mdxai.particles;

import java.util.Arrays;

/**
 * A snapshot of a periodic particle system. Arrays are interleaved xyz ({@code positions[3*i + axis]}), indexed
 * by particle in ascending id order as the readers produce them. Types are 0-based species (0 = A, 1 = B).
 * {@code velocities} and {@code images} (periodic image counters, so that unwrapped = position + image * length)
 * may be null. Arrays are not copied: treat a Configuration as immutable and copy before changing anything.
 */
public record Configuration(int[] ids, int[] types, double[] positions, double[] velocities, int[] images,
                            Box box, long step, double time) {

    public Configuration {
        int n = ids.length;
        if (types.length != n || positions.length != 3 * n) {
            throw new IllegalArgumentException("ids, types and positions disagree on the particle count");
        }
        if (velocities != null && velocities.length != 3 * n) {
            throw new IllegalArgumentException("velocities must have 3 values per particle");
        }
        if (images != null && images.length != 3 * n) {
            throw new IllegalArgumentException("images must have 3 values per particle");
        }
        if (box == null) {
            throw new IllegalArgumentException("a configuration needs a box");
        }
        for (int t : types) {
            if (t < 0) {
                throw new IllegalArgumentException("types are 0-based and non-negative");
            }
        }
    }

    /** A configuration with ids 1..n, no images, step 0 and time 0. */
    public static Configuration of(int[] types, double[] positions, double[] velocities, Box box) {
        int[] ids = new int[types.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i + 1;
        }
        return new Configuration(ids, types, positions, velocities, null, box, 0, 0);
    }

    public int size() {
        return ids.length;
    }

    /** One more than the largest type present. */
    public int typeCount() {
        int max = -1;
        for (int t : types) {
            max = Math.max(max, t);
        }
        return max + 1;
    }

    /** Number of particles of each type, for {@code typeCount} types. */
    public int[] countByType(int typeCount) {
        int[] counts = new int[typeCount];
        for (int t : types) {
            counts[t]++;
        }
        return counts;
    }

    /** Positions with image counters applied (a copy); equal to the positions when there are no images. */
    public double[] unwrappedPositions() {
        double[] u = positions.clone();
        if (images != null) {
            for (int i = 0; i < u.length; i++) {
                u[i] += images[i] * box.length(i % 3);
            }
        }
        return u;
    }

    /** A deep copy, safe to change. */
    public Configuration copy() {
        return new Configuration(ids.clone(), types.clone(), positions.clone(),
                velocities == null ? null : velocities.clone(), images == null ? null : images.clone(), box, step, time);
    }

    /**
     * This configuration repeated {@code nx x ny x nz} times in a box that many times larger (same origin): copy
     * (a, b, c) holds particles {@code n * ((a * ny + b) * nz + c) ...} in this configuration's order, positions
     * wrapped first; velocities are copied when present.
     */
    public Configuration replicated(int nx, int ny, int nz) {
        Configuration w = wrapped();
        int n = size();
        int total = n * nx * ny * nz;
        int[] t = new int[total];
        double[] p = new double[3 * total];
        double[] v = velocities == null ? null : new double[3 * total];
        int k = 0;
        for (int a = 0; a < nx; a++) {
            for (int b = 0; b < ny; b++) {
                for (int c = 0; c < nz; c++) {
                    for (int i = 0; i < n; i++, k++) {
                        t[k] = types[i];
                        p[3 * k] = w.positions[3 * i] + a * box.lx();
                        p[3 * k + 1] = w.positions[3 * i + 1] + b * box.ly();
                        p[3 * k + 2] = w.positions[3 * i + 2] + c * box.lz();
                        if (v != null) {
                            System.arraycopy(velocities, 3 * i, v, 3 * k, 3);
                        }
                    }
                }
            }
        }
        return of(t, p, v, new Box(box.xlo(), box.ylo(), box.zlo(), nx * box.lx(), ny * box.ly(), nz * box.lz()));
    }

    /** The same particles with positions wrapped into the box and the wrapping recorded in the image counters. */
    public Configuration wrapped() {
        double[] p = positions.clone();
        int[] img = images == null ? new int[p.length] : images.clone();
        for (int k = 0; k < p.length; k++) {
            int axis = k % 3;
            int shift = box.image(p[k], axis);
            if (shift != 0) {
                img[k] += shift;
                p[k] = box.wrap(p[k], axis);
            } else if (p[k] >= box.lo(axis) + box.length(axis)) {
                p[k] = box.wrap(p[k], axis);
            }
        }
        return new Configuration(ids, types, p, velocities, img, box, step, time);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && Arrays.equals(ids, c.ids) && Arrays.equals(types, c.types)
                && Arrays.equals(positions, c.positions) && Arrays.equals(velocities, c.velocities)
                && Arrays.equals(images, c.images) && box.equals(c.box) && step == c.step
                && Double.compare(time, c.time) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids) * 31 + Arrays.hashCode(positions);
    }

    @Override
    public String toString() {
        return "Configuration[" + size() + " particles, box " + box + ", step " + step + "]";
    }
}

package io.github.mdxai.particles;

/**
 * An orthorhombic periodic box: lower corner (lo) and edge lengths, in the length unit of the system
 * (sigma_AA for soft spheres). Minimum image and wrapping work axis by axis.
 */
public record Box(double xlo, double ylo, double zlo, double lx, double ly, double lz) {

    public Box {
        if (!(lx > 0 && ly > 0 && lz > 0) || !Double.isFinite(lx) || !Double.isFinite(ly) || !Double.isFinite(lz)) {
            throw new IllegalArgumentException("box lengths must be positive and finite: " + lx + ", " + ly + ", " + lz);
        }
        if (!Double.isFinite(xlo) || !Double.isFinite(ylo) || !Double.isFinite(zlo)) {
            throw new IllegalArgumentException("box origin must be finite");
        }
    }

    /** A cube [0, length)^3. */
    public static Box cubic(double length) {
        return new Box(0, 0, 0, length, length, length);
    }

    /** Edge length along axis 0, 1 or 2. */
    public double length(int axis) {
        return axis == 0 ? lx : axis == 1 ? ly : lz;
    }

    /** Lower bound along axis 0, 1 or 2. */
    public double lo(int axis) {
        return axis == 0 ? xlo : axis == 1 ? ylo : zlo;
    }

    public double volume() {
        return lx * ly * lz;
    }

    /** The shortest edge; pair cutoffs must stay below half of it for the minimum image to be unique. */
    public double minLength() {
        return Math.min(lx, Math.min(ly, lz));
    }

    public boolean isCubic() {
        return lx == ly && ly == lz;
    }

    /** The periodic image of a displacement along an axis that is closest to zero. */
    public double minimumImage(double d, int axis) {
        double l = length(axis);
        return d - l * Math.rint(d / l);
    }

    /** The image index of a coordinate: how many box lengths it lies above the primary cell. */
    public int image(double x, int axis) {
        return (int) Math.floor((x - lo(axis)) / length(axis));
    }

    /** The coordinate moved into [lo, lo + length). */
    public double wrap(double x, int axis) {
        double l = length(axis);
        double lo = lo(axis);
        double w = x - l * Math.floor((x - lo) / l);
        // rounding can put x - l*floor(..) exactly on the upper face
        return w >= lo + l ? w - l : w;
    }
}

package io.github.mdxai.grid;

/**
 * A float grid over two named axes with a value unit (e.g. free energy in kJ/mol over phi, psi in degrees).
 * Storage is row-major with x fastest and, like an image, top-down: the first stored row holds the highest y bin, so
 * an ImageJ FloatProcessor over the same array shows y increasing upwards as in a plot.
 * {@link #get(int, int)} and {@link #set(int, int, float)} take bin indices (iy = 0 is the lowest y). NaN marks
 * bins without data.
 */
public final class Grid2D {

    private final Axis x;
    private final Axis y;
    private final String valueName;
    private final String valueUnit;
    private final float[] values;

    public Grid2D(Axis x, Axis y, String valueName, String valueUnit, float[] values) {
        if (values.length != x.bins() * y.bins()) {
            throw new IllegalArgumentException("grid has " + values.length + " values, axes need " + x.bins() * y.bins());
        }
        this.x = x;
        this.y = y;
        this.valueName = valueName;
        this.valueUnit = valueUnit;
        this.values = values;
    }

    public Axis x() {
        return x;
    }

    public Axis y() {
        return y;
    }

    public String valueName() {
        return valueName;
    }

    public String valueUnit() {
        return valueUnit;
    }

    /** The backing array (x fastest); shared, not copied. */
    public float[] values() {
        return values;
    }

    public float get(int ix, int iy) {
        return values[offset(ix, iy)];
    }

    public void set(int ix, int iy, float v) {
        values[offset(ix, iy)] = v;
    }

    private int offset(int ix, int iy) {
        return (y.bins() - 1 - iy) * x.bins() + ix;
    }

    /** Smallest finite value, NaN if none. */
    public double finiteMin() {
        double min = Double.NaN;
        for (float v : values) {
            if (Float.isFinite(v) && !(v >= min)) {
                min = v;
            }
        }
        return min;
    }

    /** Largest finite value, NaN if none. */
    public double finiteMax() {
        double max = Double.NaN;
        for (float v : values) {
            if (Float.isFinite(v) && !(v <= max)) {
                max = v;
            }
        }
        return max;
    }
}

package io.github.mdxai.grid;

/** A regular axis: bin i covers [origin + i step, origin + (i+1) step); name and unit label it (e.g. "phi", "deg"). */
public record Axis(String name, String unit, double origin, double step, int bins) {

    public Axis {
        if (bins < 1 || !(step > 0) || !Double.isFinite(origin)) {
            throw new IllegalArgumentException("axis " + name + ": need bins >= 1, step > 0, finite origin");
        }
    }

    /** An axis of {@code bins} bins spanning [min, max). */
    public static Axis spanning(String name, String unit, double min, double max, int bins) {
        return new Axis(name, unit, min, (max - min) / bins, bins);
    }

    public double max() {
        return origin + step * bins;
    }

    /** Centre of bin i. */
    public double center(int i) {
        return origin + (i + 0.5) * step;
    }

    /** The bin holding x, or -1 outside the axis. */
    public int bin(double x) {
        double f = (x - origin) / step;
        if (!(f >= 0) || f >= bins) {
            return -1;
        }
        return (int) f;
    }
}

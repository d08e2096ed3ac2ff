package io.github.mdxai.sampling;

import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.molecules.Units;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;

/**
 * Free energy from (weighted) samples: F = -kT ln P on a 2D histogram, in kJ/mol, shifted so that the minimum is 0,
 * NaN where no sample fell. Weights are the unbiasing factors of a biased run (or 1 for plain sampling).
 */
public final class FreeEnergy {

    private FreeEnergy() {
    }

    /** kT in kJ/mol at {@code temperature} kelvin. */
    public static double kT(double temperature) {
        return Units.BOLTZMANN * temperature;
    }

    /**
     * The free-energy surface of samples (x[i], y[i]) with optional weights (null: all 1) on the given axes.
     * Samples outside the axes are ignored; see {@link #countInside}.
     */
    public static Grid2D surface(double[] x, double[] y, double[] weights, Axis ax, Axis ay, double temperature) {
        InputException.require(x.length == y.length && (weights == null || weights.length == x.length),
                "x, y and weights must have the same number of samples");
        InputException.require(temperature > 0 && Double.isFinite(temperature), "temperature must be > 0 K, was " + temperature);
        double[] histogram = new double[ax.bins() * ay.bins()];
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            int ix = ax.bin(x[i]);
            int iy = ay.bin(y[i]);
            if (ix < 0 || iy < 0) {
                continue;
            }
            double w = weights == null ? 1.0 : weights[i];
            InputException.require(w >= 0 && Double.isFinite(w), "weight of sample " + (i + 1) + " is " + w + ", expected a finite number >= 0");
            histogram[iy * ax.bins() + ix] += w;
            total += w;
        }
        InputException.require(total > 0, "no sample (with positive weight) falls inside the histogram ranges");
        Grid2D grid = new Grid2D(ax, ay, "F", "kJ/mol", new float[histogram.length]);
        double kT = kT(temperature);
        double minimum = Double.POSITIVE_INFINITY;
        for (double h : histogram) {
            if (h > 0) {
                minimum = Math.min(minimum, -kT * Math.log(h / total));
            }
        }
        for (int iy = 0; iy < ay.bins(); iy++) {
            for (int ix = 0; ix < ax.bins(); ix++) {
                double h = histogram[iy * ax.bins() + ix];
                grid.set(ix, iy, h > 0 ? (float) (-kT * Math.log(h / total) - minimum) : Float.NaN);
            }
        }
        return grid;
    }

    /** How many samples lie inside both axes. */
    public static int countInside(double[] x, double[] y, Axis ax, Axis ay) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (ax.bin(x[i]) >= 0 && ay.bin(y[i]) >= 0) {
                n++;
            }
        }
        return n;
    }

    /** An axis of {@code bins} bins covering all finite values (the maximum falls inside the last bin). */
    public static Axis axisCovering(String name, String unit, double[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        InputException.require(min <= max, "column " + name + " has no values");
        double span = max - min;
        double pad = span > 0 ? span * 1e-9 : Math.max(Math.abs(min) * 1e-9, 1e-9);
        return Axis.spanning(name, unit, min, max + pad, bins);
    }

    /**
     * The histogram axis for a table column: name and unit from its header (phi_deg -> phi in deg), range from
     * {@code range} ("min max"), or when that is empty the full circle for angles and the data range otherwise.
     */
    public static Axis axisFor(String column, String range, double[] values, int bins) {
        String name = CsvTable.nameOf(column);
        String unit = CsvTable.unitOf(column);
        if (range == null || range.isBlank()) {
            return unit.equals("deg") ? Axis.spanning(name, unit, -180, 180, bins) : axisCovering(name, unit, values, bins);
        }
        String[] parts = range.strip().split("[\\s,;]+");
        try {
            double min = Double.parseDouble(parts[0]);
            double max = Double.parseDouble(parts[1]);
            if (parts.length == 2 && max > min && Double.isFinite(min) && Double.isFinite(max)) {
                return Axis.spanning(name, unit, min, max, bins);
            }
        } catch (RuntimeException e) {
            // reported below, with what was expected
        }
        throw new InputException("range for " + column + " is '" + range + "', expected two numbers 'min max' with min < max");
    }
}

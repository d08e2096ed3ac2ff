package io.github.mdxai.sampling;

import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;

import java.util.List;

/**
 * Unbiased statistics from a metadynamics COLVAR. Each row carries weight = exp((V(s,t) - c(t))/kT)
 * (Tiwary-Parrinello): V is the bias under which the frame was sampled and c(t) the time-dependent offset, so frames
 * from the whole run (also the early, fast-changing bias) count, unlike final-bias reweighting, which assumes a
 * quasi-static bias and must discard the filling phase. Because the weights only depend on the biased CVs, the
 * same weights give the free energy over any other recorded column (theta, interatomic distances).
 */
public final class Reweighting {

    private Reweighting() {
    }

    /** The rows of a COLVAR from {@code fromPs} on (the first part of a run may be dropped as a transient). */
    public static int[] rowsFrom(CsvTable colvar, double fromPs) {
        return rowsFrom(colvar, fromPs, true);
    }

    /** As {@link #rowsFrom(CsvTable, double)}; without a time column ({@code timed} false) every row. */
    public static int[] rowsFrom(CsvTable colvar, double fromPs, boolean timed) {
        if (!timed) {
            int[] all = new int[colvar.rowCount()];
            for (int k = 0; k < all.length; k++) {
                all[k] = k;
            }
            return all;
        }
        double[] t = colvar.column("time_ps");
        int first = 0;
        while (first < t.length && t[first] < fromPs) {
            first++;
        }
        InputException.require(first < t.length, "no COLVAR rows at or after " + fromPs + " ps (last is "
                + (t.length == 0 ? "none" : t[t.length - 1] + " ps") + ")");
        int[] rows = new int[t.length - first];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = first + k;
        }
        return rows;
    }

    /** Values of the given rows. */
    public static double[] select(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return out;
    }

    /** F over two columns of a COLVAR with its weights (column "weight"), rows from {@code fromPs} on. */
    public static Grid2D surface(CsvTable colvar, String xColumn, String yColumn, Axis ax, Axis ay, double temperature,
                                 double fromPs) {
        int[] rows = rowsFrom(colvar, fromPs);
        return FreeEnergy.surface(select(colvar.column(xColumn), rows), select(colvar.column(yColumn), rows),
                select(colvar.column("weight"), rows), ax, ay, temperature);
    }

    /** Delta F(B - A) = -kT ln(P_B / P_A) and its standard error from {@code blocks} consecutive time blocks. */
    public record StateFreeEnergy(double deltaF, double standardError, double populationA, double populationB) {
    }

    /**
     * Free-energy difference between two state regions from weighted samples: values[k] holds, for sample k, the
     * CVs in {@code cvOrder}. The error is the standard error of the mean over {@code blocks} consecutive blocks
     * (blocks longer than the correlation time make them independent).
     */
    public static StateFreeEnergy deltaF(double[][] values, double[] weights, List<String> cvOrder, StateRegion a,
                                         StateRegion b, double temperature, int blocks) {
        InputException.require(blocks >= 2, "need at least 2 blocks for an error estimate");
        InputException.require(values.length >= blocks, "fewer samples than blocks");
        StateRegion.Membership inA = a.in(cvOrder);
        StateRegion.Membership inB = b.in(cvOrder);
        double kT = FreeEnergy.kT(temperature);
        double totalA = 0, totalB = 0, total = 0;
        double[] blockDf = new double[blocks];
        int n = values.length;
        for (int blk = 0; blk < blocks; blk++) {
            double pa = 0, pb = 0;
            for (int k = blk * n / blocks; k < (blk + 1) * n / blocks; k++) {
                double w = weights[k];
                total += w;
                if (inA.contains(values[k])) {
                    pa += w;
                } else if (inB.contains(values[k])) {
                    pb += w;
                }
            }
            InputException.require(pa > 0 && pb > 0, "block " + (blk + 1) + " of " + blocks + " never visits both "
                    + a.name() + " and " + b.name() + ": run longer or use fewer blocks");
            blockDf[blk] = -kT * Math.log(pb / pa);
            totalA += pa;
            totalB += pb;
        }
        double mean = 0;
        for (double d : blockDf) {
            mean += d / blocks;
        }
        double var = 0;
        for (double d : blockDf) {
            var += (d - mean) * (d - mean) / (blocks - 1);
        }
        return new StateFreeEnergy(-kT * Math.log(totalB / totalA), Math.sqrt(var / blocks), totalA / total, totalB / total);
    }
}

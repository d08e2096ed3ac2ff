package io.github.mdxai.features.dynamics;

import io.github.mdxai.figures.ScatterPlot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The figures of a relaxation analysis, in reduced units: partial g(r) (gr.png), F_s(k, t) of species A on a log time
 * axis with the 1/e level and tau_alpha marked (fs.png), and the MSD per species on log-log axes with a slope-1
 * (diffusive) guide (msd.png).
 */
public final class RelaxationFigures {

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};
    private static final Color GUIDE = new Color(120, 120, 120);
    private static final String[] TYPES = {"A", "B", "C", "D"};

    private RelaxationFigures() {
    }

    /** Writes gr.png, fs.png and msd.png into a folder. */
    public static void write(RelaxationAnalysis.Result r, Path folder) {
        pairCorrelation(r).writePng(folder.resolve("gr.png"), 640, 520);
        selfScattering(r).writePng(folder.resolve("fs.png"), 640, 520);
        meanSquaredDisplacement(r).writePng(folder.resolve("msd.png"), 640, 520);
    }

    static ScatterPlot pairCorrelation(RelaxationAnalysis.Result r) {
        PairCorrelation.Result rdf = r.rdf();
        ScatterPlot plot = new ScatterPlot("Partial pair correlation functions", "r / σ", "g(r) (dimensionless)");
        double top = 1;
        int pair = 0;
        for (int a = 0; a < r.typeCount(); a++) {
            for (int b = a; b < r.typeCount(); b++, pair++) {
                plot.curve("g_" + type(a) + type(b), rdf.r(), rdf.g()[pair], COLOURS[pair % COLOURS.length]);
                for (double v : rdf.g()[pair]) {
                    top = Double.isFinite(v) ? Math.max(top, v) : top;
                }
            }
        }
        double rMax = rdf.r()[rdf.r().length - 1];
        return plot.line(0, 1, rMax, 1, GUIDE, "g = 1 (no correlation)").range(0, rMax, 0, 1.05 * top);
    }

    static ScatterPlot selfScattering(RelaxationAnalysis.Result r) {
        SelfDynamics.Result d = r.dynamics();
        double[] t = d.time();
        ScatterPlot plot = new ScatterPlot("Self-intermediate scattering function of species " + type(d.fsType()),
                "t / τ", "F_s(k, t) (dimensionless)").logX()
                .curve(String.format(Locale.ROOT, "F_s at k = %.3g / σ", d.k()), t, d.fs(), COLOURS[0]);
        double[] span = positiveSpan(t);
        plot.line(span[0], Math.exp(-1), span[1], Math.exp(-1), GUIDE, "1/e");
        double tau = r.tauAlpha();
        if (Double.isFinite(tau) && tau > 0) {
            plot.line(tau, -0.05, tau, 1.05, COLOURS[1], String.format(Locale.ROOT, "τ_α = %.3g τ", tau));
        } else {
            plot.note("τ_α not reached: F_s stays above 1/e over the run");
        }
        return plot.range(span[0], span[1], -0.05, 1.05);
    }

    static ScatterPlot meanSquaredDisplacement(RelaxationAnalysis.Result r) {
        SelfDynamics.Result d = r.dynamics();
        double[] t = d.time();
        ScatterPlot plot = new ScatterPlot("Mean-squared displacement", "t / τ", "MSD / σ²").logX().logY();
        for (int a = 0; a < d.msd().length; a++) {
            plot.curve("species " + type(a), t, d.msd()[a], COLOURS[a % COLOURS.length]);
        }
        // a slope-1 line through the last point of species A: where the MSD runs parallel to it, motion is diffusive
        int last = t.length - 1;
        double[] span = positiveSpan(t);
        double msdEnd = d.msd().length > 0 ? d.msd()[0][last] : Double.NaN;
        if (Double.isFinite(msdEnd) && msdEnd > 0) {
            double from = Math.max(span[0], t[last] / 100);
            plot.line(from, msdEnd * from / t[last], t[last], msdEnd, GUIDE, "slope 1 (diffusive)");
        }
        return plot;
    }

    /** The smallest positive and the largest time (a log axis starts after t = 0). */
    private static double[] positiveSpan(double[] t) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : t) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > lo ? new double[]{lo, hi} : new double[]{1, 10};
    }

    private static String type(int index) {
        return index < TYPES.length ? TYPES[index] : Integer.toString(index + 1);
    }
}

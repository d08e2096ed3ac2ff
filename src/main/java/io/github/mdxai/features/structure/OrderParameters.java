package io.github.mdxai.features.structure;

import java.util.Arrays;

/** Per-particle Steinhardt order parameters for a set of degrees l; arrays indexed [degree slot][particle]. */
public final class OrderParameters {

    private final int[] degrees;
    final double[][] q;
    final double[][] qAveraged;
    final double[][] w;
    final double[][] wHat;
    final double[][] wHatAveraged;

    OrderParameters(int[] degrees, int n, boolean thirdOrder) {
        this.degrees = degrees.clone();
        q = new double[degrees.length][n];
        qAveraged = new double[degrees.length][n];
        w = thirdOrder ? new double[degrees.length][n] : null;
        wHat = thirdOrder ? new double[degrees.length][n] : null;
        wHatAveraged = thirdOrder ? new double[degrees.length][n] : null;
    }

    public int[] degrees() {
        return degrees.clone();
    }

    /** q_l of every particle. */
    public double[] q(int l) {
        return q[slot(l)];
    }

    /** Lechner-Dellago neighbour-averaged qbar_l of every particle. */
    public double[] qAveraged(int l) {
        return qAveraged[slot(l)];
    }

    /** w_l (unnormalized, as LAMMPS's {@code wl yes}); requires third-order invariants. */
    public double[] w(int l) {
        return third(w)[slot(l)];
    }

    /** Normalized w_l hat (as LAMMPS's {@code wl/hat yes}). */
    public double[] wHat(int l) {
        return third(wHat)[slot(l)];
    }

    /** w_l hat of the neighbour-averaged qbar_lm. */
    public double[] wHatAveraged(int l) {
        return third(wHatAveraged)[slot(l)];
    }

    private static double[][] third(double[][] values) {
        if (values == null) {
            throw new IllegalStateException("third-order invariants were not computed");
        }
        return values;
    }

    private int slot(int l) {
        for (int d = 0; d < degrees.length; d++) {
            if (degrees[d] == l) {
                return d;
            }
        }
        throw new IllegalArgumentException("degree l = " + l + " not computed; have " + Arrays.toString(degrees));
    }
}

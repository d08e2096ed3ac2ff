package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.molecules.ForceTerm;
import io.github.mdxai.util.InputException;

/**
 * A harmonic restraint U = kappa/2 sum_k d_k^2 on collective variables, d_k = s_k(x) - centre_k (the minimum-image
 * difference for periodic CVs), in each CV's own unit (rad, nm, or dimensionless for a model's q): kappa is in
 * kJ/mol per unit^2. Any {@link CollectiveVariable} works, including a linear combination or a network's q, so one
 * class serves the transition-region cloud (phi, psi around the saddle) and a dividing surface (one CV at its
 * dividing value). Holds gradient scratch arrays: one instance per integrator thread.
 */
public final class HarmonicRestraint implements ForceTerm {

    private final CollectiveVariable[] cvs;
    private final double[] centre;
    private final double kappa;
    private final double[][] gradient;

    public HarmonicRestraint(CollectiveVariable[] cvs, double[] centre, double kappa, int atoms) {
        InputException.require(cvs.length == centre.length, "restraint: " + cvs.length + " CVs but " + centre.length + " centre values");
        InputException.require(kappa > 0 && Double.isFinite(kappa), "kappa: expected > 0, got " + kappa);
        this.cvs = cvs.clone();
        this.centre = centre.clone();
        this.kappa = kappa;
        this.gradient = new double[cvs.length][3 * atoms];
    }

    /** One CV held at {@code centre}. */
    public HarmonicRestraint(CollectiveVariable cv, double centre, double kappa, int atoms) {
        this(new CollectiveVariable[]{cv}, new double[]{centre}, kappa, atoms);
    }

    /** Thermal width sqrt(kT / kappa) of a restrained CV whose own free energy is flat on that scale (CV units). */
    public static double thermalWidth(double kappa, double kelvin) {
        return Math.sqrt(io.github.mdxai.molecules.Units.BOLTZMANN * kelvin / kappa);
    }

    public double kappa() {
        return kappa;
    }

    @Override
    public double addForces(double[] x, double[] f) {
        double energy = 0;
        for (int k = 0; k < cvs.length; k++) {
            double d = cvs[k].valueAndGradient(x, gradient[k]) - centre[k];
            if (cvs[k].periodic()) {
                d -= 2 * Math.PI * Math.rint(d / (2 * Math.PI));
            }
            energy += 0.5 * kappa * d * d;
            double[] g = gradient[k];
            for (int a : cvs[k].atoms()) {
                f[3 * a] -= kappa * d * g[3 * a];
                f[3 * a + 1] -= kappa * d * g[3 * a + 1];
                f[3 * a + 2] -= kappa * d * g[3 * a + 2];
            }
        }
        return energy;
    }
}

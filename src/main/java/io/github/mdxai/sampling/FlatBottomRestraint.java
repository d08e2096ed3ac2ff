package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.molecules.ForceTerm;
import io.github.mdxai.util.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flat-bottom walls that keep CVs inside intervals: zero inside [min, max], kappa/2 (distance outside)^2 beyond
 * (dihedrals by the minimum-image distance from the interval's centre). Unlike a harmonic restraint it leaves the
 * ensemble inside the box untouched: e.g. configurations on a learned dividing surface kept within the region of
 * CV space where the network was trained. kappa in kJ/mol per rad^2 or nm^2. One instance per integrator thread.
 */
public final class FlatBottomRestraint implements ForceTerm {

    private final CollectiveVariable[] cvs;
    private final double[] centre;
    private final double[] halfWidth;
    private final double kappa;
    private final double[] gradient;

    /** Bounds in interface units (deg, nm); for a dihedral, min < max and the interval does not wrap. */
    public FlatBottomRestraint(CollectiveVariable[] cvs, double[] min, double[] max, double kappa, int atoms) {
        InputException.require(kappa > 0 && Double.isFinite(kappa), "wall kappa: expected > 0, got " + kappa);
        this.cvs = cvs.clone();
        this.centre = new double[cvs.length];
        this.halfWidth = new double[cvs.length];
        for (int k = 0; k < cvs.length; k++) {
            InputException.require(min[k] < max[k], "region: bounds of " + cvs[k].name() + " are " + min[k] + ".." + max[k]
                    + ", expected min < max");
            double lo = cvs[k].fromInterface(min[k]);
            double hi = cvs[k].fromInterface(max[k]);
            InputException.require(!cvs[k].periodic() || hi - lo < 2 * Math.PI, "region: " + cvs[k].name() + " spans a full turn");
            centre[k] = 0.5 * (lo + hi);
            halfWidth[k] = 0.5 * (hi - lo);
        }
        this.kappa = kappa;
        this.gradient = new double[3 * atoms];
    }

    /** Parses "cv min max ..." triples, e.g. {@code phi -40 20 psi -80 0} (deg, nm). */
    public static FlatBottomRestraint parse(String spec, double kappa, int atoms) {
        String[] parts = spec.strip().split("[\\s,;]+");
        InputException.require(parts.length % 3 == 0 && parts.length > 0, "region: expected 'cv min max' triples such as "
                + "'phi -40 20 psi -80 0', got '" + spec + "'");
        List<CollectiveVariable> cvs = new ArrayList<>();
        double[] min = new double[parts.length / 3];
        double[] max = new double[parts.length / 3];
        for (int k = 0; k < min.length; k++) {
            cvs.add(CollectiveVariables.parseAtLeastOne(parts[3 * k], atoms)[0]);
            try {
                min[k] = Double.parseDouble(parts[3 * k + 1]);
                max[k] = Double.parseDouble(parts[3 * k + 2]);
            } catch (NumberFormatException e) {
                throw new InputException("region: bounds of " + parts[3 * k] + " must be numbers, got '" + parts[3 * k + 1]
                        + "' and '" + parts[3 * k + 2] + "'");
            }
        }
        return new FlatBottomRestraint(cvs.toArray(new CollectiveVariable[0]), min, max, kappa, atoms);
    }

    /** The box as text, e.g. "phi -40..20 deg". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cvs.length; k++) {
            sb.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%s %.4g..%.4g %s", cvs[k].name(),
                    cvs[k].toInterface(centre[k] - halfWidth[k]), cvs[k].toInterface(centre[k] + halfWidth[k]),
                    cvs[k].interfaceUnit()));
        }
        return sb.append(String.format(Locale.ROOT, " (walls %.4g kJ/mol per unit^2)", kappa)).toString();
    }

    @Override
    public double addForces(double[] x, double[] f) {
        double energy = 0;
        for (int k = 0; k < cvs.length; k++) {
            double d = cvs[k].value(x) - centre[k];
            if (cvs[k].periodic()) {
                d -= 2 * Math.PI * Math.rint(d / (2 * Math.PI));
            }
            double excess = Math.abs(d) - halfWidth[k];
            if (excess <= 0) {
                continue;
            }
            cvs[k].valueAndGradient(x, gradient);
            double dUds = kappa * excess * Math.signum(d);
            energy += 0.5 * kappa * excess * excess;
            for (int a : cvs[k].atoms()) {
                f[3 * a] -= dUds * gradient[3 * a];
                f[3 * a + 1] -= dUds * gradient[3 * a + 1];
                f[3 * a + 2] -= dUds * gradient[3 * a + 2];
            }
        }
        return energy;
    }
}

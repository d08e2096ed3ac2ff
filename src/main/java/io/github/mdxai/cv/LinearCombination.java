package io.github.mdxai.cv;

import io.github.mdxai.util.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * s(x) = sum_k c_k s_k(x) over CVs of one unit (all distances, or all angles in radians), e.g. the p_B = 1/2 line
 * of a logistic model in two distances. Not periodic: dihedrals enter with their values on (-pi, pi], so a
 * combination is smooth only away from their +-180 deg seam.
 */
public final class LinearCombination implements CollectiveVariable {

    private static final Pattern TERM = Pattern.compile(
            "\\s*([+-])?\\s*(?:(\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)\\s*\\*?\\s*)?"
                    + "(phi|psi|theta|r\\d+-\\d+|angle\\d+-\\d+-\\d+|dihedral\\d+-\\d+-\\d+-\\d+)\\s*");

    private final String name;
    private final String unit;
    private final CollectiveVariable[] terms;
    private final double[] coefficients;
    private final int[] atoms;
    /** Per-thread gradient scratch, so that the CV stays thread-safe without allocating per MD step. */
    private final ThreadLocal<double[]> scratch = ThreadLocal.withInitial(() -> new double[0]);

    /** A combination in the terms' unit. */
    public LinearCombination(String name, CollectiveVariable[] terms, double[] coefficients) {
        this(name, terms.length > 0 ? terms[0].unit() : "", terms, coefficients);
    }

    /** A combination whose value has its own unit (e.g. "" for a logit built from distances times 1/nm). */
    public LinearCombination(String name, String unit, CollectiveVariable[] terms, double[] coefficients) {
        InputException.require(terms.length >= 1 && terms.length == coefficients.length,
                "linear combination: expected one coefficient per CV");
        for (CollectiveVariable t : terms) {
            InputException.require(t.unit().equals(terms[0].unit()), "linear combination " + name + " mixes units "
                    + terms[0].unit() + " and " + t.unit() + "; expected CVs of one kind (all distances or all angles)");
        }
        this.name = name;
        this.unit = unit;
        this.terms = terms.clone();
        this.coefficients = coefficients.clone();
        this.atoms = java.util.Arrays.stream(terms).flatMapToInt(t -> java.util.Arrays.stream(t.atoms())).distinct().toArray();
    }

    /**
     * Parses "c1*cv1 + c2*cv2 ..." (coefficients optional, '*' optional), e.g. {@code 0.8*r6-10 - 1.2*r6-11}; a
     * single CV with coefficient 1 is returned as itself (keeping its periodicity).
     */
    public static CollectiveVariable parse(String spec, int atomCount) {
        String text = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        Matcher m = TERM.matcher(text);
        List<CollectiveVariable> cvs = new ArrayList<>();
        List<Double> coefficients = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at || (at > 0 && m.group(1) == null)) {
                throw new InputException("coordinate: cannot read '" + spec + "' at position " + (at + 1)
                        + "; expected a CV (phi, psi, theta, rI-J, angleI-J-K, dihedralI-J-K-L) or a sum such as '0.8*r6-10 - 1.2*r6-11'");
            }
            double c = m.group(2) == null ? 1 : Double.parseDouble(m.group(2));
            coefficients.add("-".equals(m.group(1)) ? -c : c);
            cvs.add(CollectiveVariables.parse(m.group(3), atomCount).get(0));
            at = m.end();
        }
        InputException.require(!cvs.isEmpty(), "coordinate: expected a CV or a linear combination of CVs, got nothing");
        if (cvs.size() == 1 && coefficients.get(0) == 1) {
            return cvs.get(0);
        }
        return new LinearCombination(text.replaceAll("\\s+", ""), cvs.toArray(new CollectiveVariable[0]),
                coefficients.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The text form {@code c1*name1+c2*name2...} that {@link #parse} reads back. */
    public static String format(String[] names, double[] coefficients) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < names.length; k++) {
            double c = coefficients[k];
            sb.append(c < 0 ? "-" : k > 0 ? "+" : "").append(String.format(Locale.ROOT, "%.6g", Math.abs(c))).append('*').append(names[k]);
        }
        return sb.toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public double value(double[] x) {
        double s = 0;
        for (int k = 0; k < terms.length; k++) {
            s += coefficients[k] * terms[k].value(x);
        }
        return s;
    }

    @Override
    public double valueAndGradient(double[] x, double[] grad) {
        java.util.Arrays.fill(grad, 0.0);
        double[] g = scratch.get();
        if (g.length != grad.length) {
            g = new double[grad.length];
            scratch.set(g);
        }
        double s = 0;
        for (int k = 0; k < terms.length; k++) {
            s += coefficients[k] * terms[k].valueAndGradient(x, g);
            for (int a : terms[k].atoms()) {
                for (int d = 0; d < 3; d++) {
                    grad[3 * a + d] += coefficients[k] * g[3 * a + d];
                }
            }
        }
        return s;
    }

    @Override
    public int[] atoms() {
        return atoms.clone();
    }
}

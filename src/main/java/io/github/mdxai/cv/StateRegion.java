package io.github.mdxai.cv;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A named box in CV space, e.g. state A (C7eq) of alanine dipeptide: per collective variable a closed interval
 * [min, max] in interface units (degrees for dihedrals, nm for distances). Angles in degrees are periodic: an
 * interval with min &gt; max wraps through +-180, so {@code min 150, max -150} holds 170 and -170.
 *
 * <p>File format (CSV, one row per state and CV, '#' comments allowed):
 * <pre>
 * state,cv,unit,min,max
 * C7eq,phi,deg,-180,-50
 * C7eq,psi,deg,-15,-165
 * </pre>
 * {@code unit} is {@code deg} (periodic, values in (-180, 180] after wrapping) or {@code nm}.
 *
 * <p>The default states of alanine dipeptide (C7eq, C7ax) are a file in this format: {@link StatePair#alanineDipeptide()}.
 */
public final class StateRegion {

    /** One interval of a region: CV name, unit ("deg" periodic, "nm"), bounds in that unit. */
    public record Bound(String cv, String unit, double min, double max) {

        public Bound {
            if (!cv.matches("[A-Za-z][A-Za-z0-9_\\-]*")) {
                throw new InputException("CV name '" + cv + "' must start with a letter and hold only letters, digits, '_' or '-'");
            }
            if (!unit.equals("deg") && !unit.equals("nm")) {
                throw new InputException("unit of CV " + cv + " is '" + unit + "', expected deg or nm");
            }
            if (!Double.isFinite(min) || !Double.isFinite(max)) {
                throw new InputException("bounds of CV " + cv + " must be finite numbers");
            }
            if (periodicUnit(unit)) {
                if (min < -180 || min > 180 || max < -180 || max > 180) {
                    throw new InputException("bounds of CV " + cv + " are " + min + ".." + max + " deg, expected values in [-180, 180]");
                }
            } else if (min > max) {
                throw new InputException("bounds of CV " + cv + " are " + min + ".." + max + " nm, expected min <= max");
            }
        }

        public boolean periodic() {
            return periodicUnit(unit);
        }

        /** Whether the interval wraps through +-180 deg. */
        public boolean wraps() {
            return periodic() && min > max;
        }

        public boolean contains(double value) {
            if (!periodic()) {
                return value >= min && value <= max;
            }
            double v = wrapDegrees(value);
            // -180 and 180 are one angle
            return inPeriodic(v) || (v == 180 && inPeriodic(-180));
        }

        private boolean inPeriodic(double v) {
            return min <= max ? v >= min && v <= max : v >= min || v <= max;
        }

        /** The interval as one or two non-wrapping pieces {min, max}. */
        double[][] pieces() {
            if (!wraps()) {
                return new double[][]{{min, max}};
            }
            return new double[][]{{min, 180}, {-180, max}};
        }

        boolean overlaps(Bound other) {
            for (double[] p : pieces()) {
                for (double[] q : other.pieces()) {
                    if (p[0] <= q[1] && q[0] <= p[1]) {
                        return true;
                    }
                }
            }
            // -180 and 180 are one angle
            return periodic() && contains(180) && other.contains(180);
        }
    }

    private final String name;
    private final List<Bound> bounds;

    public StateRegion(String name, List<Bound> bounds) {
        InputException.require(name != null && name.matches("[A-Za-z0-9_\\-]+"),
                "state name '" + name + "' must hold only letters, digits, '_' or '-'");
        InputException.require(!bounds.isEmpty(), "state " + name + " has no CV bounds");
        Map<String, Bound> seen = new LinkedHashMap<>();
        for (Bound b : bounds) {
            InputException.require(seen.put(b.cv(), b) == null, "state " + name + " bounds CV " + b.cv() + " twice");
        }
        this.name = name;
        this.bounds = List.copyOf(bounds);
    }

    public String name() {
        return name;
    }

    public List<Bound> bounds() {
        return bounds;
    }

    /** The CV names this region bounds, in its order. */
    public List<String> cvNames() {
        List<String> names = new ArrayList<>();
        for (Bound b : bounds) {
            names.add(b.cv());
        }
        return names;
    }

    /** Whether values (one per bound, in {@link #cvNames()} order, deg or nm) lie inside every interval. */
    public boolean contains(double[] cvValues) {
        if (cvValues.length != bounds.size()) {
            throw new IllegalArgumentException(cvValues.length + " values for " + bounds.size() + " CVs of state " + name);
        }
        for (int k = 0; k < cvValues.length; k++) {
            if (!bounds.get(k).contains(cvValues[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A membership test for values recorded in another CV order, e.g. the columns of a COLVAR: the result's
     * {@code contains} takes one value per name in {@code cvOrder}. Every CV of this region must be in the list; CVs
     * in the list that the region does not bound are unconstrained.
     */
    public Membership in(List<String> cvOrder) {
        int[] column = new int[bounds.size()];
        for (int k = 0; k < bounds.size(); k++) {
            column[k] = cvOrder.indexOf(bounds.get(k).cv());
            if (column[k] < 0) {
                throw new InputException("state " + name + " needs CV " + bounds.get(k).cv() + ", which is not among " + cvOrder);
            }
        }
        int width = cvOrder.size();
        return values -> {
            if (values.length != width) {
                throw new IllegalArgumentException(values.length + " values for " + width + " CVs");
            }
            for (int k = 0; k < column.length; k++) {
                if (!bounds.get(k).contains(values[column[k]])) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Membership over values in a fixed CV order. */
    @FunctionalInterface
    public interface Membership {
        boolean contains(double[] values);
    }

    /**
     * Whether some point lies in both regions. A CV bounded by only one region is unconstrained in the other, so
     * regions over different CVs overlap unless a shared CV separates them. Units of a shared CV must agree.
     */
    public boolean overlaps(StateRegion other) {
        for (Bound b : bounds) {
            for (Bound o : other.bounds) {
                if (b.cv().equals(o.cv())) {
                    InputException.require(b.unit().equals(o.unit()), "CV " + b.cv() + " is in " + b.unit() + " in state "
                            + name + " but in " + o.unit() + " in state " + other.name);
                    if (!b.overlaps(o)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Reads every region of a state file, in file order. */
    public static List<StateRegion> read(Path file) {
        CsvTable t = CsvTable.read(file);
        for (String col : List.of("state", "cv", "unit", "min", "max")) {
            if (!t.hasColumn(col)) {
                throw InputException.at(file, 1, "expected the header state,cv,unit,min,max; missing column '" + col + "'");
            }
        }
        int cState = t.columnIndex("state"), cCv = t.columnIndex("cv"), cUnit = t.columnIndex("unit");
        int cMin = t.columnIndex("min"), cMax = t.columnIndex("max");
        Map<String, List<Bound>> byState = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String state = t.text(r, cState);
            try {
                Bound b = new Bound(t.text(r, cCv), t.text(r, cUnit), t.number(r, cMin), t.number(r, cMax));
                List<Bound> list = byState.computeIfAbsent(state, s -> new ArrayList<>());
                for (Bound prior : list) {
                    if (prior.cv().equals(b.cv())) {
                        throw InputException.at(file, t.lineOf(r), "state " + state + " bounds CV " + b.cv() + " twice");
                    }
                }
                list.add(b);
            } catch (InputException e) {
                if (e.getMessage().startsWith(file.toString())) {
                    throw e;
                }
                throw InputException.at(file, t.lineOf(r), e.getMessage());
            }
        }
        if (byState.isEmpty()) {
            throw InputException.at(file, 0, "no states: expected rows state,cv,unit,min,max after the header");
        }
        List<StateRegion> regions = new ArrayList<>();
        for (Map.Entry<String, List<Bound>> e : byState.entrySet()) {
            try {
                regions.add(new StateRegion(e.getKey(), e.getValue()));
            } catch (InputException ex) {
                throw InputException.at(file, 0, ex.getMessage());
            }
        }
        return regions;
    }

    /** The region called {@code name} in a state file; the error lists the names there are. */
    public static StateRegion read(Path file, String name) {
        List<StateRegion> all = read(file);
        List<String> names = new ArrayList<>();
        for (StateRegion r : all) {
            if (r.name().equals(name)) {
                return r;
            }
            names.add(r.name());
        }
        throw InputException.at(file, 0, "no state '" + name + "'; states are: " + String.join(", ", names));
    }

    /** Writes regions atomically in the format {@link #read(Path)} reads. */
    public static void write(Path file, List<StateRegion> regions) {
        AtomicFiles.writeText(file, w -> {
            w.write("# state regions: unit deg is periodic; min > max wraps through +-180\n");
            CsvTable.writeRow(w, List.of("state", "cv", "unit", "min", "max"));
            for (StateRegion r : regions) {
                for (Bound b : r.bounds) {
                    CsvTable.writeRow(w, List.of(r.name, b.cv(), b.unit(), CsvTable.format(b.min()), CsvTable.format(b.max())));
                }
            }
        });
    }

    /** An angle in degrees mapped to (-180, 180]. */
    public static double wrapDegrees(double deg) {
        double v = deg % 360.0;
        if (v > 180) {
            v -= 360;
        } else if (v <= -180) {
            v += 360;
        }
        return v;
    }

    private static boolean periodicUnit(String unit) {
        return unit.equals("deg");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(':');
        for (Bound b : bounds) {
            sb.append(String.format(Locale.ROOT, " %s in [%s, %s] %s", b.cv(), CsvTable.format(b.min()), CsvTable.format(b.max()), b.unit()));
        }
        return sb.toString();
    }
}

package io.github.mdxai.committor;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.cv.StatePair;
import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The two states of a committor: A and B as disjoint regions in CV space. Deciding where a configuration is costs
 * one evaluation of each CV the regions bound. Immutable; each worker thread makes its own {@link Classifier}.
 */
public final class CommittorStates {

    public static final int NONE = 0, IN_A = 1, IN_B = 2;

    private final StateRegion a;
    private final StateRegion b;

    /** The pair's checks hold (different names, disjoint regions). */
    public CommittorStates(StatePair states) {
        this.a = states.a();
        this.b = states.b();
    }

    public CommittorStates(StateRegion a, StateRegion b) {
        this(new StatePair(a, b));
    }

    /** Alanine dipeptide in vacuum: A = C7eq, B = C7ax ({@link StatePair#alanineDipeptide()}). */
    public static CommittorStates alanineDipeptide() {
        return new CommittorStates(StatePair.alanineDipeptide());
    }

    /** A state file with exactly two states ({@link StatePair#read(Path)}): the first is A, the second B. */
    public static CommittorStates read(Path file) {
        return new CommittorStates(StatePair.read(file));
    }

    /** The states of {@code file}, or alanine dipeptide's C7eq/C7ax when it is null. */
    public static CommittorStates readOrDefault(Path file) {
        return new CommittorStates(StatePair.readOrDefault(file));
    }

    public StateRegion a() {
        return a;
    }

    public StateRegion b() {
        return b;
    }

    /** The states as text, for run headers: "A=C7eq: phi in [...] deg ... B=...". */
    public String describe() {
        return new StatePair(a, b).describe();
    }

    /** Checks that every CV of the states exists for the topology and has the unit its bounds use. */
    public Classifier classifier(Topology top) {
        return new Classifier(top.atomCount());
    }

    /** Where a configuration is; holds scratch arrays, so one per thread. */
    public final class Classifier {

        private final CollectiveVariable[] variables;
        private final double[] values;
        private final StateRegion.Membership inA;
        private final StateRegion.Membership inB;

        private Classifier(int atomCount) {
            Set<String> names = new LinkedHashSet<>(a.cvNames());
            names.addAll(b.cvNames());
            List<String> order = new ArrayList<>(names);
            variables = new CollectiveVariable[order.size()];
            for (int k = 0; k < variables.length; k++) {
                List<CollectiveVariable> parsed = CollectiveVariables.parse(order.get(k), atomCount);
                variables[k] = parsed.get(0);
                String unit = unitOf(order.get(k));
                boolean angle = variables[k].unit().equals("rad");
                if (angle != unit.equals("deg")) {
                    throw new InputException("states: CV " + order.get(k) + " is " + (angle ? "an angle (unit deg)" : "a distance (unit nm)")
                            + " but its bounds are in " + unit);
                }
            }
            values = new double[variables.length];
            inA = a.in(order);
            inB = b.in(order);
        }

        private String unitOf(String cv) {
            for (StateRegion r : List.of(a, b)) {
                for (StateRegion.Bound bound : r.bounds()) {
                    if (bound.cv().equals(cv)) {
                        return bound.unit();
                    }
                }
            }
            throw new IllegalStateException(cv);
        }

        /** {@link #IN_A}, {@link #IN_B} or {@link #NONE} for positions x (nm). */
        public int classify(double[] x) {
            for (int k = 0; k < variables.length; k++) {
                values[k] = variables[k].toInterface(variables[k].value(x));
            }
            if (inA.contains(values)) {
                return IN_A;
            }
            return inB.contains(values) ? IN_B : NONE;
        }
    }
}

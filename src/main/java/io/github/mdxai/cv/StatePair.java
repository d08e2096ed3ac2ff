package io.github.mdxai.cv;

import io.github.mdxai.io.AlanineDipeptide;
import io.github.mdxai.util.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two states of a transition, A and B: differently named, disjoint regions in CV space ({@link StateRegion}).
 * Every command that takes a {@code states} file reads it here, with one rule (exactly two states, the first is A),
 * and falls back to the one default: C7eq and C7ax of alanine dipeptide from the bundled {@code states.csv}
 * (test-data/ala2/states.csv, which says how the boxes were found).
 */
public record StatePair(StateRegion a, StateRegion b) {

    public StatePair {
        if (a.name().equals(b.name())) {
            throw new InputException("states: A and B are both called " + a.name() + "; expected two different states");
        }
        if (a.overlaps(b)) {
            throw new InputException("states: " + a + " and " + b
                    + " overlap; a configuration could be in A and in B at once, expected disjoint regions");
        }
    }

    /** Alanine dipeptide in vacuum: A = C7eq, B = C7ax. */
    public static StatePair alanineDipeptide() {
        return AlanineDipeptide.resource("states.csv", StatePair::read);
    }

    /** The states of {@code file}, or {@link #alanineDipeptide()} when it is null. */
    public static StatePair readOrDefault(Path file) {
        return file == null ? alanineDipeptide() : read(file);
    }

    /** A state file ({@link StateRegion#read(Path)} format) with exactly two states: the first is A, the second B. */
    public static StatePair read(Path file) {
        List<StateRegion> regions = StateRegion.read(file);
        if (regions.size() != 2) {
            List<String> names = new ArrayList<>();
            regions.forEach(r -> names.add(r.name()));
            throw InputException.at(file, 0, "expected two states (the first is A, the second B), found "
                    + regions.size() + ": " + String.join(", ", names));
        }
        try {
            return new StatePair(regions.get(0), regions.get(1));
        } catch (InputException e) {
            throw InputException.at(file, 0, e.getMessage());
        }
    }

    /** Whether both states bound only CVs among {@code names}, e.g. the two axes of a surface. */
    public boolean boundOnly(List<String> names) {
        return names.containsAll(a.cvNames()) && names.containsAll(b.cvNames());
    }

    /** The states as text, for run headers: "A=C7eq: phi in [...] deg ... B=...". */
    public String describe() {
        return "A=" + a + " B=" + b;
    }
}

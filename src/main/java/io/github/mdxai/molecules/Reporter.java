package io.github.mdxai.molecules;

import java.io.IOException;

/** Receives the state at the report interval of a {@link Simulation} (step 0 included). */
@FunctionalInterface
public interface Reporter {

    void report(State state, Integrator integrator) throws IOException;
}

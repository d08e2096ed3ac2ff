package io.github.mdxai.util;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A speed (or validation) measurement that prints its own table, e.g. {@code mdxai bench md}. Implementations are
 * listed in {@code META-INF/services/io.github.mdxai.util.Benchmark} and found by {@link #all()}: adding one is one
 * class plus one line there.
 */
public interface Benchmark {

    /** Short name on the command line, e.g. {@code md}. */
    String name();

    /** One line: what is measured and against which reference. */
    String description();

    /**
     * Runs with command-line arguments (empty: the documented defaults, paths relative to the repository root) and
     * prints the table to {@code out}.
     */
    void run(List<String> args, PrintStream out) throws Exception;

    /** Every registered benchmark, in registration order. */
    static List<Benchmark> all() {
        List<Benchmark> list = new ArrayList<>();
        ServiceLoader.load(Benchmark.class, Benchmark.class.getClassLoader()).forEach(list::add);
        return list;
    }
}

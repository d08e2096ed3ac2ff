package io.github.mdxai.util;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A speed (or validation) measurement that prints its own table, e.g. {@code mdxai bench md}. Implementations have a
 * public no-argument constructor, are listed in {@code META-INF/services/io.github.mdxai.util.Benchmark} and are
 * found by {@link #all()}: adding one is one class plus one line there.
 */
public abstract class Benchmark {

    private final String name;
    private final String description;

    /** Where the running benchmark prints its table. */
    protected PrintStream out;

    protected Benchmark(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** Short name on the command line, e.g. {@code md}. */
    public final String name() {
        return name;
    }

    /** One line: what is measured and against which reference. */
    public final String description() {
        return description;
    }

    /**
     * Runs with command-line arguments (empty: the documented defaults, paths relative to the repository root) and
     * prints the table to {@code out}.
     */
    public final void run(List<String> args, PrintStream out) throws Exception {
        this.out = out;
        run(args.toArray(new String[0]));
    }

    /** The measurement; prints to {@link #out}. */
    protected abstract void run(String[] args) throws Exception;

    /** Every registered benchmark, in registration order. */
    public static List<Benchmark> all() {
        List<Benchmark> list = new ArrayList<>();
        ServiceLoader.load(Benchmark.class, Benchmark.class.getClassLoader()).forEach(list::add);
        return list;
    }
}

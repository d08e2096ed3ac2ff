package io.github.mdxai.commands.cli;

import io.github.mdxai.util.Benchmark;
import io.github.mdxai.util.InputException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mdxai bench}: the speed tables of the engines and analyses ({@link Benchmark#all()}). No argument runs every
 * benchmark with its defaults, names run those, and one name followed by other words passes them to it as arguments.
 * Run from the repository root (bin/mdxai does): the benchmarks read the bundled and reference inputs by relative path.
 */
final class Benchmarks {

    private Benchmarks() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        for (Benchmark b : Benchmark.all()) {
            byName.put(b.name(), b);
        }
        if (!args.isEmpty() && !byName.containsKey(args.get(0))) {
            err.println("mdxai: unknown benchmark '" + args.get(0) + "'; choose from " + byName.keySet());
            return Mdxai.USAGE;
        }
        List<Benchmark> chosen = new ArrayList<>();
        List<String> arguments = List.of();
        if (args.isEmpty()) {
            chosen.addAll(byName.values());
        } else if (byName.keySet().containsAll(args)) {
            args.forEach(name -> chosen.add(byName.get(name)));
        } else {
            chosen.add(byName.get(args.get(0)));
            arguments = args.subList(1, args.size());
        }
        for (Benchmark b : chosen) {
            out.println("# benchmark " + b.name() + ": " + b.description());
            try {
                b.run(arguments, out);
            } catch (InputException e) {
                err.println("mdxai: benchmark " + b.name() + ": " + e.getMessage());
                return Mdxai.USAGE;
            } catch (Exception e) {
                err.println("mdxai: benchmark " + b.name() + " failed: " + e);
                return Mdxai.FAILURE;
            }
        }
        return Mdxai.OK;
    }
}

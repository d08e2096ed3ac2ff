package io.github.mdxai.commands.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mdxai bench}: the speed tables of the engines and analyses, each printed as case,threads,metric,value,unit.
 * Run from the repository root (bin/mdxai does): the benchmarks read the bundled and reference inputs by relative path.
 */
final class Benchmarks {

    /** Name -> benchmark main class with its default (short) arguments. */
    static final Map<String, String[]> ALL = new LinkedHashMap<>();

    static {
        ALL.put("md", new String[] {"io.github.mdxai.molecules.MdBenchmark"});
        ALL.put("softsphere", new String[] {"io.github.mdxai.particles.SoftSphereBenchmark"});
        ALL.put("descriptors", new String[] {"io.github.mdxai.features.structure.DescriptorBenchmark"});
        ALL.put("gat", new String[] {"io.github.mdxai.learn.graph.GatBenchmark"});
        // the paper-scale committor run: 2000 configurations x 100 shots x 1 ps on 2 threads
        ALL.put("committor", new String[] {"io.github.mdxai.committor.CommittorBenchmark",
                "test-data/ala2/processed.top",
                "test-data/ala2/conformations.gro", "target/bench-committor", "2000", "100", "1", "2"});
    }

    private Benchmarks() {
    }

    static int run(List<String> names, PrintStream out, PrintStream err) {
        List<String> chosen = names.isEmpty() ? List.copyOf(ALL.keySet()) : names;
        for (String name : chosen) {
            String[] entry = ALL.get(name);
            if (entry == null) {
                err.println("mdxai: unknown benchmark '" + name + "'; choose from " + ALL.keySet());
                return Mdxai.USAGE;
            }
            out.println("# benchmark " + name);
            try {
                Class.forName(entry[0]).getMethod("main", String[].class)
                        .invoke(null, (Object) java.util.Arrays.copyOfRange(entry, 1, entry.length));
            } catch (InvocationTargetException e) {
                err.println("mdxai: benchmark " + name + " failed: " + e.getCause());
                return Mdxai.FAILURE;
            } catch (ReflectiveOperationException e) {
                err.println("mdxai: benchmark " + name + " is not available: " + e);
                return Mdxai.FAILURE;
            }
        }
        return Mdxai.OK;
    }
}

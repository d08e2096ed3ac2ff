package io.github.mdxai.features.structure;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.Benchmark;
import io.github.mdxai.util.Progress;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Speed of the structure descriptors: particles per second for neighbour lists, q4/q6 (with averages) and Voronoi
 * volumes. Reads a LAMMPS data file and replicates it periodically (default: the N = 1000 soft-sphere liquid of the
 * test resources, 2 x 2 x 2 = 8000 particles). Optionally writes the replicated configuration, so that LAMMPS can
 * time compute orientorder/atom and voronoi/atom on the same particles (test-data/structure/bench.lmp).
 *
 * <pre>bin/mdxai bench descriptors [data] [replicas] [repeats] [write.data]</pre>
 */
public final class DescriptorBenchmark extends Benchmark {

    public DescriptorBenchmark() {
        super("descriptors", "neighbour lists, Steinhardt q4/q6 and Voronoi volumes, particles per second");
    }

    @Override
    protected void run(String[] args) throws Exception {
        Path input = Path.of(args.length > 0 ? args[0] : "test-data/softsphere/config_N1000.data");
        int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Configuration base = LammpsData.read(input);
        Configuration c = base.replicated(replicas, replicas, replicas);
        if (args.length > 3) {
            LammpsData.write(Path.of(args[3]), c, new double[] {1, 2});
        }
        double[] box = {c.box().lx(), c.box().ly(), c.box().lz()};
        double[] pos = c.positions();
        int n = c.size();
        out.printf(Locale.ROOT, "N = %d, box %.4f x %.4f x %.4f, %d cores, best of %d%n", n, box[0], box[1],
                box[2], Runtime.getRuntime().availableProcessors(), repeats);
        out.printf("%-48s %10s %12s %10s %12s%n", "what", "wall ms", "particles/s", "cpu ms",
                "per cpu-s");
        Steinhardt q46 = new Steinhardt(new int[] {4, 6}, false);
        NeighborList nearest = NeighborList.nearest(pos, box, 12, Progress.NONE);
        NeighborList cut = NeighborList.withinCutoff(pos, box, 1.5, Progress.NONE);
        report("neighbour list, 12 nearest", n, repeats, () -> NeighborList.nearest(pos, box, 12, Progress.NONE));
        report("neighbour list, cutoff 1.5", n, repeats, () -> NeighborList.withinCutoff(pos, box, 1.5,
                Progress.NONE));
        report("q4, q6, averages from 12-nearest list", n, repeats, () -> q46.compute(nearest, Progress.NONE));
        report("q4, q6, averages from cutoff list", n, repeats, () -> q46.compute(cut, Progress.NONE));
        report("q6 end to end (12 nearest + q4/q6)", n, repeats,
                () -> q46.compute(NeighborList.nearest(pos, box, 12, Progress.NONE), Progress.NONE));
        report("q6 end to end (cutoff 1.5 + q4/q6)", n, repeats,
                () -> q46.compute(NeighborList.withinCutoff(pos, box, 1.5, Progress.NONE), Progress.NONE));
        report("q6 end to end (12 nearest + q4/q6), 2 threads", n, repeats,
                () -> q46.compute(NeighborList.nearest(pos, box, 12, 2, Progress.NONE), 2, Progress.NONE));
        report("Voronoi volumes, 1 thread", n, repeats, () -> Voronoi.volumes(pos, box, null, 1, Progress.NONE));
        report("Voronoi volumes, 2 threads", n, repeats, () -> Voronoi.volumes(pos, box, null, 2, Progress.NONE));
        double[] radii = new double[n];
        for (int i = 0; i < n; i++) {
            radii[i] = c.types()[i] == 0 ? 0.5 : 0.6;
        }
        report("radical Voronoi volumes, 1 thread", n, repeats,
                () -> Voronoi.volumes(pos, box, radii, 1, Progress.NONE));
        report("partial g(r) + shell cut-offs", n, repeats, () -> {
            PartialRdf rdf = PartialRdf.forFirstShell(2, box, n);
            rdf.add(pos, box, c.types(), Progress.NONE);
            return ShellCutoffs.find(rdf);
        });
    }

    /**
     * Best wall time and best CPU time of this thread (the latter steadier on a busy machine; it misses the work of
     * helper threads, so it is shown only for one-thread runs).
     */
    private void report(String what, int n, int repeats, java.util.function.Supplier<Object> work) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 2; w++) {
            work.get();
        }
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long c0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            work.get();
            bestWall = Math.min(bestWall, System.nanoTime() - t0);
            bestCpu = Math.min(bestCpu, bean.getCurrentThreadCpuTime() - c0);
        }
        double wallMs = bestWall / 1e6;
        double cpuMs = bestCpu / 1e6;
        boolean threaded = what.contains("2 threads");
        out.printf(Locale.ROOT, "%-48s %10.2f %12.0f %10s %12s%n", what, wallMs, n / (wallMs / 1000),
                threaded ? "-" : String.format(Locale.ROOT, "%.2f", cpuMs),
                threaded ? "-" : String.format(Locale.ROOT, "%.0f", n / (cpuMs / 1000)));
    }
}

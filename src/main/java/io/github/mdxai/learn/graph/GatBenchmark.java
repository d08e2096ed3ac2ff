package io.github.mdxai.learn.graph;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.Benchmark;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Time per epoch and peak memory of the classifier at paper scale: graphs of an N-particle soft-sphere
 * configuration (jittered copies of a LAMMPS data file), several batch sizes and depths.
 * <pre>bin/mdxai bench gat config.data [graphs=64] [epochs=2] [copy.graphs]
 *      [settings=3 (first k of: 2x16x2 batch 8 (the default), 1x16x2 batch 8, 3x32x2 batch 8)]</pre>
 * Prints one row per setting: layers, width, heads, batch, N, mean edges, wall s/epoch, process CPU s/epoch (all
 * threads; robust to other load on the machine), wall ms per graph, peak RSS MB. An epoch = the training graphs
 * (batches built with rotations) plus evaluation of 8 validation graphs.
 */
public final class GatBenchmark extends Benchmark {

    public GatBenchmark() {
        super("gat", "graph attention classifier: time per epoch and peak memory at N = 1000");
    }

    @Override
    protected void run(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "test-data/softsphere/config_N1000.data");
        int graphs = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Configuration base = LammpsData.read(file);
        GraphBuilder builder = new GraphBuilder(GraphDatasetBuilder.softSphereShells());
        List<ParticleGraph> train = new ArrayList<>();
        List<ParticleGraph> val = new ArrayList<>();
        long edges = 0;
        for (int k = 0; k < graphs + 8; k++) {
            SplittableRandom rnd = Rng.stream(1, "bench-jitter", k);
            double[] p = base.positions().clone();
            for (int i = 0; i < p.length; i++) {
                p[i] += 0.05 * Rng.gaussian(rnd);
            }
            Configuration c = new Configuration(base.ids(), base.types(), p, null, null, base.box(), 0, 0).wrapped();
            ParticleGraph g = builder.build(c, k, k % 2, 1.0, k < graphs ? ParticleGraph.Split.TRAIN
                    : ParticleGraph.Split.VALIDATION);
            edges += g.edgeCount();
            (k < graphs ? train : val).add(g);
        }
        if (args.length > 3) {
            // the same graphs for the PyTorch twin (src/test/resources/learn/graph/gat_torch_bench.py)
            List<ParticleGraph> all = new ArrayList<>(train);
            all.addAll(val);
            new GraphDataset(GraphDatasetBuilder.softSphereShells(), List.of("a", "b"), new double[]{1, 1}, all)
                    .write(Path.of(args[3]));
        }
        out.printf(Locale.ROOT, "%-6s %-5s %-5s %-5s %-6s %-7s %-8s %-9s %-8s %-8s%n", "layers", "width",
                "heads", "batch", "N", "edges", "s/epoch", "cpus/epoch", "ms/graph", "peakMB");
        int[][] all = {{2, 16, 2, 8}, {1, 16, 2, 8}, {3, 32, 2, 8}};
        int settingCount = args.length > 4 ? Integer.parseInt(args[4]) : all.length;
        int[][] settings = java.util.Arrays.copyOf(all, Math.min(all.length, settingCount));
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int[] s : settings) {
            GatConfig cfg = new GatConfig(s[0], s[1], s[2], "mean", 2e-3, epochs, epochs, s[3], true, 1);
            GatModel model = GatModel.create(cfg, 2, DataType.FLOAT);
            long cpuStart = os.getProcessCpuTime();
            GatTrainer.Result r = GatTrainer.train(model, train, val, Progress.NONE);
            double cpuPerEpoch = (os.getProcessCpuTime() - cpuStart) * 1e-9 / r.epochs().size();
            // the first epoch includes SameDiff's graph setup; report the later ones when there are any
            double seconds = r.epochs().stream().skip(r.epochs().size() > 1 ? 1 : 0)
                    .mapToDouble(GatTrainer.Epoch::seconds).average().orElse(Double.NaN);
            out.printf(Locale.ROOT, "%-6d %-5d %-5d %-5d %-6d %-7d %-8.2f %-9.2f %-8.1f %-8.0f%n", s[0], s[1],
                    s[2], s[3], base.size(), edges / (graphs + 8), seconds, cpuPerEpoch, 1000 * seconds / (graphs + 8),
                    Pointer.physicalBytes() / 1048576.0);
        }
    }
}

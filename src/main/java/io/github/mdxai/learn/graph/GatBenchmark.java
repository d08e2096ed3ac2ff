package io.github.mdxai.learn.graph;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.particles.LiquidProtocol;
import io.github.mdxai.particles.SoftSphereMixture;
import io.github.mdxai.util.Benchmark;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code mdxai bench gat}: cost of the graph attention classifier at paper scale, and of its PyTorch twin
 * ({@code src/test/resources/learn/graph/gat_torch_bench.py}, same model on the same graphs) where Debian's
 * python3-torch is installed. Both run on one thread (ND4J's and OpenBLAS's pools set to 1) and report CPU time, so
 * other load on a shared machine inflates neither much: the thread's CPU time (all of the model's arithmetic runs
 * on it) and the process's (adds the garbage collector and the JIT compiler). Both time the same work: build the
 * batch (rotated), forward, backward, Adam step, after {@value #WARM_UP} untimed steps; this engine computes in
 * double precision, the twin in single. A table of the main numbers follows the rows.
 * <pre>bin/mdxai bench gat [sizes=500,1000,4000,8000] [graphs=16] [epochs=2]
 *      [iterations=8] [layers=2] [width=16] [heads=2] [batch=8] [out=target/bench-gat]</pre>
 * Graphs: N = 1000 is the LAMMPS configuration of test-data, 4000 and 8000 its periodic 2x2x1 and 2x2x2 copies,
 * other sizes a melted and quenched liquid of this engine (T = 1, rho = 0.8); each graph is a copy with positions
 * jittered by 0.05 sigma. Rows: case,threads,metric,value,unit. Peak resident memory is the process's high-water
 * mark after each size (sizes run in increasing order, so it includes the smaller ones).
 */
public final class GatBenchmark extends Benchmark {

    private static final Path TWIN = Path.of("src/test/resources/learn/graph/gat_torch_bench.py");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Training steps before the timed ones, on both sides (the twin reads it as its warm-up count). */
    private static final int WARM_UP = 5;

    public GatBenchmark() {
        super("gat", "graph attention classifier: CPU time per training iteration and peak memory, N = 500 ... 8000,"
                + " beside its PyTorch twin where python3-torch is installed");
    }

    @Override
    protected void run(String[] args) throws IOException, InterruptedException {
        String[] sizes = (args.length > 0 ? args[0] : "500,1000,4000,8000").split(",");
        int graphs = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        GatConfig defaults = GatConfig.defaults(1);
        int layers = args.length > 4 ? Integer.parseInt(args[4]) : defaults.layers();
        int width = args.length > 5 ? Integer.parseInt(args[5]) : defaults.width();
        int heads = args.length > 6 ? Integer.parseInt(args[6]) : defaults.heads();
        int batch = args.length > 7 ? Integer.parseInt(args[7]) : defaults.batchGraphs();
        Path folder = Path.of(args.length > 8 ? args[8] : "target/bench-gat");
        Files.createDirectories(folder);
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1); // OpenBLAS's own pool would run matrix products off this thread
        boolean twin = Files.isRegularFile(TWIN) && Files.isExecutable(PYTHON) && torchInstalled();
        if (!twin) {
            System.err.println("no /usr/bin/python3 with torch (Debian python3-torch) or no " + TWIN
                    + ": rows of this engine only");
        }
        Configuration base = LammpsData.read(Path.of("test-data/softsphere/config_N1000.data"));
        GatConfig cfg = new GatConfig(layers, width, heads, defaults.readout(), defaults.learningRate(), epochs,
                epochs, batch, defaults.rotate(), 1);
        String arch = layers + "x" + width + "x" + heads + "_b" + batch;
        out.println("case,threads,metric,value,unit");
        Map<Integer, Double> perGraph = new HashMap<>();
        List<String> table = new ArrayList<>();
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        for (String size : sizes) {
            int n = Integer.parseInt(size.trim());
            Configuration c = configuration(base, n);
            List<ParticleGraph> train = new ArrayList<>();
            List<ParticleGraph> val = new ArrayList<>();
            long edges = graphs(c, graphs, train, val);
            String name = "gat_" + arch + "_N" + c.size();
            row(name, "edges_per_graph", edges / (double) (train.size() + val.size()), "edges");

            GatModel model = GatModel.create(cfg, 2, DataType.FLOAT);
            for (int k = 0; k < WARM_UP; k++) { // the JIT compiles the edge loops during the first steps
                GatTrainer.step(model, train.subList(0, Math.min(batch, train.size())), k);
            }
            double threadMs = 0;
            double processMs = 0;
            long t0;
            long p0;
            for (int k = 0; k < iterations; k++) {
                List<ParticleGraph> chunk = new ArrayList<>();
                for (int j = 0; j < batch; j++) {
                    chunk.add(train.get((k * batch + j) % train.size()));
                }
                t0 = threadBean.getCurrentThreadCpuTime();
                p0 = os.getProcessCpuTime();
                GatTrainer.step(model, chunk, k);
                threadMs += (threadBean.getCurrentThreadCpuTime() - t0) * 1e-6 / iterations;
                processMs += (os.getProcessCpuTime() - p0) * 1e-6 / iterations;
            }
            row(name, "iteration_cpu_thread", threadMs, "ms");
            row(name, "iteration_cpu_process", processMs, "ms");
            t0 = threadBean.getCurrentThreadCpuTime();
            p0 = os.getProcessCpuTime();
            GatTrainer.Result r = GatTrainer.train(model, train, val, Progress.NONE);
            int done = r.epochs().size();
            double epochSeconds = (threadBean.getCurrentThreadCpuTime() - t0) * 1e-9 / done;
            row(name, "epoch_cpu_thread", epochSeconds, "s");
            row(name, "epoch_cpu_process", (os.getProcessCpuTime() - p0) * 1e-9 / done, "s");
            row(name, "epoch_graphs", train.size(), "graphs");
            row(name, "peak_rss", peakResidentMb(), "MB");
            perGraph.put(c.size(), threadMs / batch);
            String ours = String.format(Locale.ROOT, "%6d %9.0f %10.1f %9.2f %8.0f", c.size(),
                    edges / (double) (train.size() + val.size()), threadMs, epochSeconds, peakResidentMb());
            table.add(ours + String.format("%11s %10s %9s %7s", "-", "-", "-", "-"));
            if (twin) {
                Path file = folder.resolve("N" + c.size() + ".graphs");
                List<ParticleGraph> all = new ArrayList<>(train);
                all.addAll(val);
                new GraphDataset(GraphDatasetBuilder.softSphereShells(), List.of("a", "b"), new double[]{1, 1}, all)
                        .write(file);
                Map<String, String> torch = runTwin(file, layers, width, heads, batch, epochs, iterations);
                String tname = "torch_" + arch + "_N" + c.size();
                if (torch.isEmpty()) {
                    System.err.println("the PyTorch twin failed for N = " + c.size());
                    continue;
                }
                double torchMs = Double.parseDouble(torch.get("iteration_ms_thread"));
                row(tname, "iteration_cpu_thread", torchMs, "ms");
                row(tname, "iteration_cpu_process", Double.parseDouble(torch.get("iteration_ms_process")), "ms");
                row(tname, "epoch_cpu_thread", Double.parseDouble(torch.get("epoch_s_thread")), "s");
                row(tname, "epoch_cpu_process", Double.parseDouble(torch.get("epoch_s_process")), "s");
                row(tname, "peak_rss", Double.parseDouble(torch.get("peak_rss_mb")), "MB");
                row(name, "iteration_ratio_to_torch", threadMs / torchMs, "x");
                table.set(table.size() - 1, ours + String.format(Locale.ROOT, "%11.1f %10.2f %9.0f %7.2f", torchMs,
                        Double.parseDouble(torch.get("epoch_s_thread")),
                        Double.parseDouble(torch.get("peak_rss_mb")), threadMs / torchMs));
            }
        }
        Double reference = perGraph.get(1000);
        if (reference != null) {
            perGraph.forEach((size, ms) -> {
                if (size != 1000) {
                    row("gat_" + arch + "_N" + size, "per_graph_cost_vs_N1000", ms / reference, "x");
                }
            });
        }
        out.println("# " + arch + ": thread CPU time per training iteration (" + batch + " graphs) and per epoch ("
                + graphs + " graphs + evaluation), peak resident memory; torch = the PyTorch twin, same graphs");
        out.println("#      N edges/gr    iter_ms   epoch_s   rss_MB   torch_ms  torch_ep_s torch_rss   ratio"
                + "  per_graph_vs_N1000");
        for (String line : table) {
            int n = Integer.parseInt(line.substring(0, 6).trim());
            Double ms = perGraph.get(n);
            out.println("# " + line + (reference == null || ms == null ? "" : String.format(Locale.ROOT, " %8.2f",
                    ms / reference)));
        }
    }

    /** The N = 1000 reference liquid, its periodic copies (4000, 8000, ...), or a freshly melted liquid. */
    static Configuration configuration(Configuration base, int n) {
        if (n == base.size()) {
            return base;
        }
        for (int[] copies : new int[][]{{2, 1, 1}, {2, 2, 1}, {2, 2, 2}, {3, 3, 3}}) {
            if (n == base.size() * copies[0] * copies[1] * copies[2]) {
                return base.replicated(copies[0], copies[1], copies[2]);
            }
        }
        return LiquidProtocol.prepare(SoftSphereMixture.BERNU_HANSEN, n, SoftSphereMixture.BERNU_HANSEN.density(), 1.0, 0.005, 2000, 1, 1,
                Progress.NONE).configuration();
    }

    /** Jittered copies of the configuration as graphs; returns the total number of edges. */
    private static long graphs(Configuration base, int count, List<ParticleGraph> train, List<ParticleGraph> val) {
        GraphBuilder builder = new GraphBuilder(GraphDatasetBuilder.softSphereShells());
        long edges = 0;
        int validation = Math.max(2, count / 2);
        for (int k = 0; k < count + validation; k++) {
            SplittableRandom rnd = Rng.stream(1, "bench-jitter", k);
            double[] p = base.positions().clone();
            for (int i = 0; i < p.length; i++) {
                p[i] += 0.05 * Rng.gaussian(rnd);
            }
            Configuration c = new Configuration(base.ids(), base.types(), p, null, null, base.box(), 0, 0).wrapped();
            boolean training = k < count;
            ParticleGraph g = builder.build(c, k, k % 2, 1.0, training ? ParticleGraph.Split.TRAIN
                    : ParticleGraph.Split.VALIDATION);
            edges += g.edgeCount();
            (training ? train : val).add(g);
        }
        return edges;
    }

    private static boolean torchInstalled() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs the twin on one thread and parses its key=value line (empty when it fails). */
    private static Map<String, String> runTwin(Path graphs, int layers, int width, int heads, int batch, int epochs,
                                               int iterations) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), TWIN.toString(), graphs.toString(),
                String.valueOf(layers), String.valueOf(width), String.valueOf(heads), String.valueOf(batch),
                String.valueOf(epochs), "1", String.valueOf(iterations), String.valueOf(WARM_UP)).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        Map<String, String> values = new HashMap<>();
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                log.append(line).append('\n');
                for (String token : line.trim().split("\\s+")) {
                    int eq = token.indexOf('=');
                    if (eq > 0) {
                        values.put(token.substring(0, eq), token.substring(eq + 1));
                    }
                }
            }
        }
        if (p.waitFor() != 0 || !values.containsKey("iteration_ms_thread")) {
            System.err.print(log);
            return Map.of();
        }
        return values;
    }

    /** VmHWM of /proc/self/status (Linux), the process's peak resident memory in MB; NaN elsewhere. */
    static double peakResidentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private void row(String name, String metric, double value, String unit) {
        out.printf(Locale.ROOT, "%s,1,%s,%.6g,%s%n", name, metric, value, unit);
    }
}

package io.github.mdxai.learn.graph;

import io.github.mdxai.fuzz.Fuzz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutated graph data sets (the gzip stream and its content) and GAT model folders: one-line errors only. */
class GraphFilesFuzzTest {

    static final int CASES = 120;

    @TempDir
    Path dir;

    private static void check(Fuzz.Outcome outcome, String name) {
        System.out.println(outcome.report(name).lines().findFirst().orElse(""));
        assertTrue(outcome.failures().isEmpty(), outcome.report(name));
    }

    private Path validDataset() {
        List<ParticleGraph> graphs = SyntheticGraphs.set(4, 3, 5, ParticleGraph.Split.TRAIN, 0);
        Path file = dir.resolve("valid.graphs");
        new GraphDataset(new double[][] {{1.5, 1.5}, {1.5, 1.5}}, List.of("cold", "hot"), new double[] {0.47, 1.35}, graphs)
                .write(file);
        return file;
    }

    @Test
    void graphDataSetFiles() throws Exception {
        byte[] valid = Files.readAllBytes(validDataset());
        check(Fuzz.run("graphs (gzip)", valid, dir.resolve("pair.graphs"), CASES, 14, GraphDataset::read), "graphs (gzip)");
        // the same mutations on the uncompressed content, so that counts and sizes reach the parser intact
        byte[] content = gunzip(valid);
        Path raw = dir.resolve("content.bin");
        Path target = dir.resolve("content.graphs");
        check(Fuzz.run("graphs (content)", content, raw, target.getFileName().toString(), CASES, 15, file -> {
            Files.write(target, gzip(Files.readAllBytes(file)));
            GraphDataset.read(target);
        }), "graphs (content)");
    }

    @Test
    void gatModelFolders() throws Exception {
        GatModel model = GatModel.create(new GatConfig(1, 4, 2, "mean", 1e-3, 1, 1, 4, false, 7), 2, DataType.FLOAT);
        Path valid = dir.resolve("valid_model");
        model.save(valid);
        for (String file : List.of(GatModel.METADATA_FILE, GatModel.MODEL_FILE)) {
            Path folder = dir.resolve("model_" + file.replace('.', '_'));
            Files.createDirectories(folder);
            for (String other : List.of(GatModel.METADATA_FILE, GatModel.MODEL_FILE)) {
                Files.copy(valid.resolve(other), folder.resolve(other));
            }
            String name = "gat model folder (" + file + ")";
            check(Fuzz.run(name, Files.readAllBytes(valid.resolve(file)), folder.resolve(file), CASES / 4, 16,
                    f -> GatModel.load(f.getParent())), name);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}

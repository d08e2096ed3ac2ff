package io.github.mdxai.commands;

import io.github.mdxai.explain.Explainers;
import io.github.mdxai.learn.SyntheticCommittorData;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three committor commands run headless on a synthetic dataset whose p_B depends on r6-10 and r6-11 only. */
class CommittorNetworkCommandsTest {

    @TempDir
    static Path dir;
    static Context context;
    static Path dataset;
    static Path trained;

    @BeforeAll
    static void trainOnce() throws Exception {
        context = new Context();
        dataset = SyntheticCommittorData.write(dir.resolve("synthetic.csv"), 500, 24, 100, 21);
        trained = dir.resolve("train");
        Map<String, Object> in = new HashMap<>();
        in.put("dataset", dataset.toFile());
        in.put("target", "pB");
        in.put("features", "all pair distances");
        in.put("hidden", "32 16");
        in.put("activation", "relu");
        in.put("loss", "mse");
        in.put("epochs", 80);
        in.put("batch", 32);
        in.put("rate", 3e-3);
        in.put("l2", 1e-5);
        in.put("patience", 20);
        in.put("seed", 5L);
        in.put("blasthreads", 1);
        in.put("out", trained.toFile());
        run(TrainCommittorNetwork.class, in);
    }

    @AfterAll
    static void close() {
        context.dispose();
    }

    private static Map<String, Object> run(Class<? extends org.scijava.command.Command> command, Map<String, Object> in)
            throws Exception {
        // through ModuleService: CommandService.run returns null for a DynamicCommand (SciJava's own note)
        CommandInfo info = context.service(CommandService.class).getCommand(command);
        return context.service(ModuleService.class).run(info, true, in).get().getOutputs();
    }

    @Test
    void trainingWritesModelMetricsCurvesAndFigure() throws Exception {
        for (String f : List.of("committor-model.zip", "metrics.json", "loss.csv", "predictions.csv", "regression.png")) {
            assertTrue(Files.size(trained.resolve(f)) > 0, f);
        }
        String metrics = Files.readString(trained.resolve("metrics.json"));
        for (String part : List.of("train", "validation", "test", "all")) {
            assertTrue(metrics.contains("\"" + part + "\": {\"rows\""), metrics);
        }
        CsvTable predictions = CsvTable.read(trained.resolve("predictions.csv"));
        double[] p = predictions.column("pB_predicted");
        double[] m = predictions.column("pB_measured");
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sq += (p[i] - m[i]) * (p[i] - m[i]);
        }
        assertTrue(Math.sqrt(sq / p.length) < 0.12, "rmse " + Math.sqrt(sq / p.length));
        BufferedImage png = ImageIO.read(trained.resolve("regression.png").toFile());
        assertNotNull(png);
        assertEquals(640, png.getWidth());
        assertTrue(CsvTable.read(trained.resolve("loss.csv")).rowCount() >= 1);
    }

    @Test
    void everyMethodRanksTheTwoInformativeColumnsFirstAndReproduces() throws Exception {
        Path out1 = dir.resolve("explain1");
        Path out2 = dir.resolve("explain2");
        for (Path out : List.of(out1, out2)) {
            Map<String, Object> in = new HashMap<>();
            in.put("model", trained.resolve("committor-model.zip").toFile());
            in.put("dataset", dataset.toFile());
            in.put("method", "all");
            in.put("samples", 1000);
            in.put("select", "0.2 < pB < 0.8");
            in.put("discretize", false);
            in.put("repeats", 2);
            in.put("seed", 3L);
            in.put("threads", out == out1 ? 1 : 2);
            in.put("out", out.toFile());
            run(ExplainCommittorNetwork.class, in);
        }
        List<String> methods = Explainers.discover().names();
        for (String method : methods) {
            CsvTable t = CsvTable.read(out1.resolve("importance_" + method + ".csv"));
            List<String> top2 = List.of(t.text(0, 0), t.text(1, 0));
            assertTrue(top2.contains(SyntheticCommittorData.FIRST) && top2.contains(SyntheticCommittorData.SECOND),
                    method + " ranked " + top2);
            assertEquals(Files.readString(out1.resolve("importance_" + method + ".csv")),
                    Files.readString(out2.resolve("importance_" + method + ".csv")), method + " not reproducible");
            assertNotNull(ImageIO.read(out1.resolve("importance_" + method + ".png").toFile()));
        }
        CsvTable agreement = CsvTable.read(out1.resolve("agreement.csv"));
        assertEquals(methods.size() * (methods.size() - 1) / 2, agreement.rowCount());
        CsvTable lime = CsvTable.read(out1.resolve("lime_weights.csv"));
        for (double r2 : lime.column("local_r2")) {
            assertTrue(r2 > 0 && r2 <= 1, "local R2 " + r2);
        }
    }

    @Test
    void methodChoicesComeFromTheExplainerRegistryAndUnknownMethodsAreRejected() throws Exception {
        CommandInfo info = context.service(CommandService.class).getCommand(ExplainCommittorNetwork.class);
        org.scijava.module.Module module = context.service(ModuleService.class).createModule(info);
        module.initialize();
        assertEquals(Explainers.discover().choices(), module.getInfo().getInput("method").getChoices());
        Map<String, Object> in = new HashMap<>();
        in.put("model", trained.resolve("committor-model.zip").toFile());
        in.put("dataset", dataset.toFile());
        in.put("method", "lime,anchors");
        in.put("out", dir.resolve("unknown-method").toFile());
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(ExplainCommittorNetwork.class, in));
        Throwable cause = e;
        while (cause != null && !(cause instanceof InputException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, "expected an InputException, got " + e);
        assertTrue(cause.getMessage().contains("'anchors'") && cause.getMessage().contains("lime, gradient"),
                cause.getMessage());
    }

    @Test
    void predictionReproducesTrainingPredictions() throws Exception {
        Path out = dir.resolve("predict");
        Map<String, Object> in = new HashMap<>();
        in.put("model", trained.resolve("committor-model.zip").toFile());
        in.put("dataset", dataset.toFile());
        in.put("out", out.toFile());
        run(PredictCommittor.class, in);
        CsvTable predicted = CsvTable.read(out.resolve(PredictCommittor.OUTPUT));
        CsvTable training = CsvTable.read(trained.resolve("predictions.csv"));
        assertArrayEquals(training.column("q"), predicted.column("q"), 0.0);
        assertEquals(predicted.column("q").length, predicted.rowCount());
    }

    @Test
    void aTableWithoutTheModelsColumnsIsRefusedByName() throws Exception {
        List<String> lines = Files.readAllLines(dataset);
        StringBuilder s = new StringBuilder();
        for (String line : lines) {
            String[] cells = line.split(",");
            // drop the columns r6-10_nm and r6-11_nm
            StringBuilder row = new StringBuilder();
            String[] header = lines.get(0).split(",");
            for (int c = 0; c < cells.length; c++) {
                if (!header[c].equals(SyntheticCommittorData.FIRST) && !header[c].equals(SyntheticCommittorData.SECOND)) {
                    row.append(row.length() > 0 ? "," : "").append(cells[c]);
                }
            }
            s.append(row).append('\n');
        }
        Path partial = dir.resolve("partial.csv");
        Files.writeString(partial, s);
        Map<String, Object> in = new HashMap<>();
        in.put("model", trained.resolve("committor-model.zip").toFile());
        in.put("dataset", partial.toFile());
        in.put("out", dir.resolve("predict-partial").toFile());
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(PredictCommittor.class, in));
        Throwable cause = e;
        while (cause != null && !(cause instanceof InputException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, "expected an InputException, got " + e);
        assertTrue(cause.getMessage().contains(SyntheticCommittorData.FIRST)
                && cause.getMessage().contains(SyntheticCommittorData.SECOND), cause.getMessage());
    }
}

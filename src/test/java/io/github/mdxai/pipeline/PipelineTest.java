package io.github.mdxai.pipeline;

import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTest {

    private final List<String> ran = new ArrayList<>();

    private Step step(String name, Map<String, Object> params, List<String> deps) {
        return new Step() {
            public String name() {
                return name;
            }

            public Map<String, Object> parameters() {
                return params;
            }

            public List<String> dependsOn() {
                return deps;
            }

            public void run(Path folder, Map<String, Path> folders, Progress progress) throws Exception {
                ran.add(name);
                assertTrue(!Files.exists(folder.resolve("out.txt")), "a step with new parameters starts from an empty folder");
                for (String d : deps) {
                    assertTrue(Files.isDirectory(folders.get(d)));
                }
                Files.writeString(folder.resolve("out.txt"), name + params);
            }
        };
    }

    @Test
    void rerunSkipsUnchangedStepsAndRerunsChangedOnesAndTheirDependents(@TempDir Path out) throws Exception {
        List<Step> first = List.of(step("a", Map.of("n", 1), List.of()), step("b", Map.of(), List.of("a")), step("c", Map.of(), List.of()));
        Pipeline.run(out, first, Progress.NONE);
        assertEquals(List.of("a", "b", "c"), ran);
        ran.clear();
        List<Pipeline.StepRecord> again = Pipeline.run(out, first, Progress.NONE);
        assertEquals(List.of(), ran);
        assertTrue(again.stream().allMatch(Pipeline.StepRecord::skipped));
        ran.clear();
        List<Step> changed = List.of(step("a", Map.of("n", 2), List.of()), step("b", Map.of(), List.of("a")), step("c", Map.of(), List.of()));
        Pipeline.run(out, changed, Progress.NONE);
        assertEquals(List.of("a", "b"), ran, "a changed, b depends on a, c is independent");
        assertEquals("a{n=2}", Files.readString(out.resolve("a").resolve("out.txt")));
    }

    @Test
    void aFailedStepIsNotMarkedDone(@TempDir Path out) throws Exception {
        Step failing = new Step() {
            public String name() {
                return "x";
            }

            public Map<String, Object> parameters() {
                return Map.of();
            }

            public List<String> dependsOn() {
                return List.of();
            }

            public void run(Path folder, Map<String, Path> folders, Progress progress) {
                throw new IllegalStateException("boom");
            }
        };
        try {
            Pipeline.run(out, List.of(failing), Progress.NONE);
        } catch (IllegalStateException expected) {
            // the step failed
        }
        assertTrue(!Files.exists(out.resolve("x").resolve(Pipeline.DONE_MARKER)));
    }

    @Test
    void anInterruptedStepResumesInItsOwnFolder(@TempDir Path out) throws Exception {
        int[] calls = {0};
        Step flaky = new Step() {
            public String name() {
                return "y";
            }

            public Map<String, Object> parameters() {
                return Map.of();
            }

            public List<String> dependsOn() {
                return List.of();
            }

            public void run(Path folder, Map<String, Path> folders, Progress progress) throws Exception {
                Path checkpoint = folder.resolve("checkpoint");
                if (calls[0]++ == 0) {
                    Files.writeString(checkpoint, "half");
                    throw new IllegalStateException("killed");
                }
                assertEquals("half", Files.readString(checkpoint), "the checkpoint of the same step survives");
            }
        };
        try {
            Pipeline.run(out, List.of(flaky), Progress.NONE);
        } catch (IllegalStateException expected) {
            // first attempt dies
        }
        Pipeline.run(out, List.of(flaky), Progress.NONE);
        assertEquals(2, calls[0]);
    }

    @Test
    void reportWritesSummaryAndSelfContainedHtml(@TempDir Path out) throws Exception {
        Path png = out.resolve("f.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Report report = new Report("Study X").put("pearson_r_test", 0.9).put("lime_top_features", List.of("r6-10", "r6-11")).figure(png, "a figure");
        report.write(out, List.of(new Pipeline.StepRecord("01_a", false, 1.5, Map.of("k", 1))), Map.of("preset", "quick"));
        String json = Files.readString(out.resolve("summary.json"));
        assertTrue(json.contains("\"pearson_r_test\" : 0.9") && json.contains("\"deeplearning4j\" : \"1.0.0-M2.1\""), json);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,") && html.contains("01_a"));
    }
}

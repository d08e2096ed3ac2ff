package io.github.mdxai.commands.cli;

import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong();
    private final TextProgress plain = new TextProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aLongStepInALogGivesALineEveryIntervalWithoutCarriageReturns() {
        // 10 minutes of one step, an update every 10 ms
        for (int i = 0; i <= 60_000; i++) {
            now.set(i * 10_000_000L);
            plain.update(i * 100 / 60_000, "Metadynamics: " + i + " steps");
        }
        plain.finish();
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("\r"));
        long expected = 600 * 1_000_000_000L / TextProgress.PLAIN_INTERVAL_NANOS;
        assertTrue(lines().size() <= expected + 2, lines().size() + " lines");
        assertTrue(lines().size() >= expected - 2, lines().size() + " lines");
        assertEquals("[100%] Metadynamics: 60000 steps", lines().get(lines().size() - 1));
    }

    @Test
    void eachStepChangeIsShownAtOnceAndNoLineTwice() {
        plain.update(0, "01_inputs: running");
        plain.update(0, "01_inputs: running");
        plain.update(10, "02_metadynamics: running");
        plain.update(-1, "Running command: Metadynamics");
        plain.update(10, null);
        plain.finish();
        assertEquals(List.of("[  0%] 01_inputs: running", "[ 10%] 02_metadynamics: running"), lines());
    }

    @Test
    void theShownPercentageNeverGoesBack() {
        plain.update(90, "Structure descriptors");
        now.addAndGet(TextProgress.PLAIN_INTERVAL_NANOS);
        plain.update(62, "Structure descriptors");
        plain.finish();
        assertEquals(List.of("[ 90%] Structure descriptors"), lines());
    }

    @Test
    void aNestedCommandReportsInsideItsStepsRange() {
        List<Double> shown = new java.util.ArrayList<>();
        Progress top = new Progress() {
            @Override
            public void fraction(double done) {
                shown.add(done);
            }

            @Override
            public void status(String text) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        Progress step = top.range(0.9, 1.0);
        io.github.mdxai.commands.HostProgress.nested(step, () -> {
            Progress inner = io.github.mdxai.commands.HostProgress.of(null);
            inner.fraction(0.62);
            inner.fraction(0.5); // a parallel worker reporting late
            inner.fraction(1);
            return null;
        });
        assertEquals(3, shown.size());
        assertEquals(0.962, shown.get(0), 1e-12);
        assertEquals(0.962, shown.get(1), 1e-12);
        assertEquals(1.0, shown.get(2), 1e-12);
    }

    @Test
    void samediffDebugLinesLeaveStdoutAndOtherLinesStay() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream filtered = LibraryChatter.over(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        filtered.println("Added differentiated op matmul_3");
        filtered.println("Study B written to out");
        filtered.print("no newline yet");
        filtered.flush();
        assertEquals("Study B written to out\nno newline yet", stdout.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}

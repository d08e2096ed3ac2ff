package io.github.mdxai.commands.cli;

import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The command line's progress, fed by SciJava status events. On a terminal, one bar redrawn in place (carriage
 * return). Elsewhere (a batch job's log), plain lines: one when the step changes, otherwise at most one every
 * {@link #PLAIN_INTERVAL_NANOS}, never the same line twice and never a carriage return. The percentage never goes
 * back within one command run.
 */
public final class TextProgress {

    /** Plain mode: the longest silence between lines while something changes. */
    static final long PLAIN_INTERVAL_NANOS = 10_000_000_000L;
    /** Terminal mode: redraws at most ten times a second. */
    static final long BAR_INTERVAL_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;
    private static final int BAR_TEXT = 60;

    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier clock;
    private int percent = -1;
    private String text = "";
    private String shownLine = "";
    private String shownStep = null;
    private long shownAt;
    private boolean pending;
    private boolean drawn;

    /**
     * @param terminal true when stderr is a terminal (bin/mdxai tells with -Dmdxai.terminal=true)
     * @param clock    nanoseconds, for the rate limit
     */
    TextProgress(PrintStream err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    @EventHandler
    public void onEvent(StatusEvent event) {
        int max = event.getProgressMaximum();
        update(max > 0 ? (int) (100L * event.getProgressValue() / max) : -1, event.getStatusMessage());
    }

    /** A new state: {@code newPercent} below 0 and {@code message} null keep the previous ones. */
    synchronized void update(int newPercent, String message) {
        if (message != null && (message.startsWith("Running command: ") || message.startsWith("Command finished: "))) {
            return; // SciJava's own notes: our steps say what runs, and the CLI says when a command is done
        }
        percent = Math.max(percent, Math.min(100, newPercent));
        if (message != null && !message.isBlank()) {
            text = message.strip().replaceAll("\\s+", " ");
        }
        String step = step(text);
        long now = clock.getAsLong();
        boolean stepChanged = !step.equals(shownStep);
        long interval = terminal ? BAR_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS;
        if (stepChanged || now - shownAt >= interval) {
            show(now, step);
        } else {
            pending = !line().equals(shownLine);
        }
    }

    /** Ends the display: the last state if it was not shown yet, and a newline after a bar. */
    synchronized void finish() {
        if (pending) {
            show(clock.getAsLong(), step(text));
        }
        if (drawn) {
            err.println();
            drawn = false;
        }
        err.flush();
    }

    private void show(long now, String step) {
        String line = line();
        pending = false;
        if (line.equals(shownLine)) {
            return;
        }
        shownLine = line;
        shownStep = step;
        shownAt = now;
        if (terminal) {
            int filled = Math.max(0, percent) * BAR_WIDTH / 100;
            String shortText = text.length() > BAR_TEXT ? text.substring(0, BAR_TEXT) : text;
            String bar = "\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%% ", Math.max(0, percent)) + shortText;
            err.print(bar + " ".repeat(Math.max(0, BAR_TEXT - shortText.length())));
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    private String line() {
        return (percent < 0 ? "[    ] " : String.format(Locale.ROOT, "[%3d%%] ", percent)) + text;
    }

    /**
     * The step a status line belongs to: its part before the first colon, without digits, so that
     * "Frame 3 of 10: ..." and "Frame 4 of 10: ..." are one step and "01_inputs: ..." and "02_md: ..." are two.
     */
    static String step(String text) {
        int colon = text.indexOf(':');
        return (colon < 0 ? text : text.substring(0, colon)).replaceAll("[0-9.]+", "#");
    }
}

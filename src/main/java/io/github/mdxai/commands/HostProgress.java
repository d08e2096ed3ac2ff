package io.github.mdxai.commands;

import io.github.mdxai.util.Progress;
import org.scijava.app.StatusService;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Adapts the core's {@link Progress} to the host: SciJava's StatusService (status bar in Fiji, a text bar in the
 * CLI, which listens to its events) and ImageJ's Esc key or a thread interrupt as cancel. A command run as a step of
 * another (a study) reports into that step's range of its parent's bar instead of taking over the whole bar.
 */
public final class HostProgress implements Progress {

    private static final int STEPS = 1000;
    /** The ranges of the steps now running nested commands, innermost last (nested commands run on other threads). */
    private static final Deque<Progress> ENCLOSING = new ArrayDeque<>();

    private final StatusService status;
    private final Progress enclosing;
    private int lastShown = -1;
    private double highest;

    private HostProgress(StatusService status, Progress enclosing) {
        this.status = status;
        this.enclosing = enclosing;
    }

    /** Progress for a command; {@code status} may be null (then only cancel is watched). */
    public static Progress of(StatusService status) {
        synchronized (ENCLOSING) {
            return new HostProgress(status, ENCLOSING.peekLast());
        }
    }

    /** Runs {@code body}, during which commands that start report into {@code range} (a step's part of the bar). */
    public static <T> T nested(Progress range, Supplier<T> body) {
        synchronized (ENCLOSING) {
            ENCLOSING.addLast(range);
        }
        try {
            return body.get();
        } finally {
            synchronized (ENCLOSING) {
                ENCLOSING.removeLastOccurrence(range);
            }
        }
    }

    /** Never moves back: parallel workers may report slightly out of order. */
    @Override
    public synchronized void fraction(double done) {
        highest = Math.max(highest, Math.max(0, Math.min(1, done)));
        if (enclosing != null) {
            enclosing.fraction(highest);
            return;
        }
        int step = (int) Math.round(highest * STEPS);
        if (status != null && step != lastShown) {
            lastShown = step;
            status.showProgress(step, STEPS);
        }
    }

    @Override
    public void status(String text) {
        if (enclosing != null) {
            enclosing.status(text);
        } else if (status != null) {
            status.showStatus(text);
        }
    }

    @Override
    public boolean cancelled() {
        return Thread.currentThread().isInterrupted() || HostCancel.requested()
                || (enclosing != null && enclosing.cancelled());
    }
}

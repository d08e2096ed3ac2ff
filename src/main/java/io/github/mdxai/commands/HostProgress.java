package io.github.mdxai.commands;

import io.github.mdxai.util.Progress;
import org.scijava.app.StatusService;

/**
 * Adapts the core's {@link Progress} to the host: SciJava's StatusService (status bar in Fiji, a text bar in the
 * CLI, which listens to its events) and ImageJ's Esc key or a thread interrupt as cancel.
 */
public final class HostProgress implements Progress {

    private static final int STEPS = 1000;
    private final StatusService status;
    private int lastShown = -1;

    private HostProgress(StatusService status) {
        this.status = status;
    }

    /** Progress for a command; {@code status} may be null (then only cancel is watched). */
    public static Progress of(StatusService status) {
        return new HostProgress(status);
    }

    @Override
    public void fraction(double done) {
        int step = (int) Math.round(Math.max(0, Math.min(1, done)) * STEPS);
        if (status != null && step != lastShown) {
            lastShown = step;
            status.showProgress(step, STEPS);
        }
    }

    @Override
    public void status(String text) {
        if (status != null) {
            status.showStatus(text);
        }
    }

    @Override
    public boolean cancelled() {
        return Thread.currentThread().isInterrupted() || HostCancel.requested();
    }
}

package io.github.mdxai.commands.ij1;

import ij.IJ;
import org.scijava.Context;
import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.log.LogLevel;
import org.scijava.log.LogListener;
import org.scijava.log.LogMessage;
import org.scijava.log.LogService;

import java.util.List;

/**
 * While one command runs in ImageJ 1.x, SciJava's status and progress events go to ImageJ's status bar and progress
 * bar (Fiji's legacy bridge does the same), and the command's info and warning messages to the Log window (errors are reported once, by the launcher). The status
 * line always ends with how to stop, since ImageJ shows no Cancel button for a running plugin.
 */
final class HostBridge implements AutoCloseable {

    static final String ESC_HINT = " (Esc cancels)";

    private final String title;
    private final EventService events;
    private final LogService log;
    private final List<EventSubscriber<?>> subscribers;
    private final LogListener logListener = this::logged;
    private final java.util.Set<String> logged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    HostBridge(Context context, String title) {
        this.title = title;
        this.events = context.service(EventService.class);
        this.log = context.service(LogService.class);
        IJ.showStatus(title + ": running" + ESC_HINT);
        subscribers = events.subscribe(this);
        log.addLogListener(logListener);
    }

    @EventHandler
    void onStatus(StatusEvent event) {
        int max = event.getProgressMaximum();
        int value = event.getProgressValue();
        if (max > 0 && value >= 0) {
            // 1.0 would erase the bar while the command still runs; the launcher clears it at the end.
            IJ.showProgress(Math.min(0.999, (double) value / max));
        }
        String message = event.getStatusMessage();
        // SciJava's own "Running command: ..." repeats the title.
        if (message != null && !message.isBlank() && !message.startsWith("Running command")) {
            IJ.showStatus(title + ": " + message + ESC_HINT);
        }
    }

    private void logged(LogMessage message) {
        if (message.level() <= LogLevel.INFO && message.level() >= LogLevel.WARN && message.text() != null) {
            IJ.log(message.text());
            logged.add(message.text().strip());
        }
    }

    /** The messages already written to the Log while the command ran (its summary need not be written twice). */
    java.util.Set<String> logged() {
        return logged;
    }

    @Override
    public void close() {
        events.unsubscribe(subscribers);
        log.removeLogListener(logListener);
        IJ.showProgress(1.0);
    }
}

package io.github.mdxai.commands.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Standard output for the command line that keeps libraries' debugging prints out of the user's output: SameDiff
 * (nd4j 1.0.0-M2.1) prints "Added differentiated op NAME" with System.out for every op whenever it builds a
 * gradient. Such lines go to the log (slf4j logger "stdout" at debug: shown with --debug); every other line passes
 * unchanged.
 */
final class LibraryChatter extends OutputStream {

    private static final List<String> PREFIXES = List.of("Added differentiated op ");
    private static final Logger LOG = LoggerFactory.getLogger("stdout");

    private final PrintStream target;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LibraryChatter(PrintStream target) {
        this.target = target;
        this.charset = Charset.defaultCharset();
    }

    /** A stream to install as System.out in place of {@code stdout}. */
    static PrintStream over(PrintStream stdout) {
        return new PrintStream(new LibraryChatter(stdout), true, Charset.defaultCharset());
    }

    /** True for a line that libraries print for their developers. */
    static boolean isChatter(String line) {
        return PREFIXES.stream().anyMatch(line::startsWith);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() {
        // a partial line that may still become chatter waits for its end; any other goes out now
        String partial = line.toString(charset);
        if (!partial.isEmpty() && PREFIXES.stream().noneMatch(p -> p.startsWith(partial) || partial.startsWith(p))) {
            line.reset();
            target.print(partial);
        }
        target.flush();
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
        target.flush();
    }

    private void emit() {
        String text = line.toString(charset);
        line.reset();
        if (isChatter(text)) {
            LOG.debug(text.strip());
        } else {
            target.print(text);
        }
    }
}

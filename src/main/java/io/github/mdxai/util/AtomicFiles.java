package io.github.mdxai.util;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way the project writes files: into a temporary file beside the target, then a rename, so that a crash
 * or a cancel never leaves a half-written file and never destroys the previous version before the new one is whole.
 */
public final class AtomicFiles {

    /** Numbers this process's temporary files; with the process id it keeps concurrent writers apart. */
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    private AtomicFiles() {
    }

    /** Writes bytes produced by {@code body} to {@code target} atomically. */
    public static void write(Path target, IOConsumer<OutputStream> body) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            removeStaleTemporaries(dir, absolute.getFileName().toString());
            tmp = createTemporary(dir, absolute.getFileName().toString());
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                body.accept(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure that brought us here is the one to report
                }
            }
        }
    }

    /**
     * A new empty file beside the target, hidden and named after it. Unlike {@link Files#createTempFile}, which
     * makes the file 0600 whatever the umask, this creates it as an ordinary file (0666 less the umask), so the
     * renamed result is readable by the group and others as any file the user creates.
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        while (true) {
            Path candidate = dir.resolve("." + name + "." + PID + "-" + COUNTER.incrementAndGet() + ".tmp");
            try {
                Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                // a writer on another host with the same process id: take the next number
            }
        }
    }

    /**
     * Deletes temporary files of this target left by a writer that was killed (kill -9, a node failure) before it
     * could rename or remove them: those whose process no longer runs on this machine.
     */
    private static void removeStaleTemporaries(Path dir, String name) {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path candidate : candidates) {
                String middle = candidate.getFileName().toString();
                middle = middle.substring(prefix.length(), middle.length() - ".tmp".length());
                int dash = middle.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? middle : middle.substring(0, dash));
                    if (pid != PID && ProcessHandle.of(pid).isEmpty()) {
                        Files.deleteIfExists(candidate);
                    }
                } catch (NumberFormatException notOurs) {
                    // a file of another program that happens to look alike: leave it
                }
            }
        } catch (IOException e) {
            // tidying is a courtesy: the write itself does not depend on it
        }
    }

    /** Writes UTF-8 text produced by {@code body} to {@code target} atomically. */
    public static void writeText(Path target, IOConsumer<Writer> body) {
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.accept(w);
            w.flush();
        });
    }

    /** Writes a string to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        writeText(target, w -> w.write(text));
    }

    /** A consumer that may throw IOException. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T value) throws IOException;
    }
}

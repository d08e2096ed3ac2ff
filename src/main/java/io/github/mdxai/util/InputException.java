package io.github.mdxai.util;

import java.nio.file.Path;

/**
 * Bad user input: a malformed file, a parameter out of range. The message is one line meant for the user
 * (file, line, what was expected); hosts show it without a stack trace.
 */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at a line of a file: "file:line: message". Line numbers are 1-based; 0 means the whole file. */
    public static InputException at(Path file, int line, String message) {
        String where = file == null ? "" : (line > 0 ? file + ":" + line + ": " : file + ": ");
        return new InputException(where + message);
    }

    /** Fails with a message naming the parameter unless the condition holds. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new InputException(message);
        }
    }
}

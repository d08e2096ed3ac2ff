package io.github.mdxai.io;

import io.github.mdxai.util.InputException;

import java.nio.file.Path;

/** One data line of a preprocessed GROMACS topology: where it came from, its tokens and its text without comment. */
record TopologyLine(Path file, int number, String[] tokens, String text) {

    InputException error(String message) {
        return InputException.at(file, number, message);
    }

    /** Fails unless the line has at least {@code count} fields. */
    void need(int count, String what) {
        if (tokens.length < count) {
            throw error("expected " + what + " (" + count + " fields), found " + tokens.length);
        }
    }

    double number(int index, String what) {
        need(index + 1, what);
        return TextLines.number(tokens[index], file, number, what);
    }

    int integer(int index, String what) {
        need(index + 1, what);
        return TextLines.integer(tokens[index], file, number, what);
    }

    /** The fields from {@code from} on as numbers (the parameters of an interaction). */
    double[] numbers(int from) {
        int count = Math.max(0, tokens.length - from);
        double[] p = new double[count];
        for (int i = 0; i < count; i++) {
            p[i] = TextLines.number(tokens[from + i], file, number, "parameter " + (i + 1));
        }
        return p;
    }

    /** "file:line", for messages that point at a second line. */
    String where() {
        return file + ":" + number;
    }
}

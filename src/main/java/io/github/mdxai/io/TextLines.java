package io.github.mdxai.io;

import io.github.mdxai.util.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a text file as lines, refusing binary data with an error that names the file and line. */
final class TextLines {

    private TextLines() {
    }

    static List<String> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw InputException.at(file, 0, "cannot read file (" + e.getMessage() + ")");
        }
        int line = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                line++;
            } else if (b == 0 || (b < 32 && b != '\r' && b != '\t' && b != '\f')) {
                throw InputException.at(file, line, "binary data where text was expected");
            }
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(text.lines().toList());
        return lines;
    }

    /** Parses a number in a file, failing with file:line and what was expected. */
    static double number(String token, Path file, int line, String what) {
        try {
            double v = Double.parseDouble(token.trim());
            if (!Double.isFinite(v)) {
                throw InputException.at(file, line, "expected a finite number for " + what + ", found '" + token.trim() + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw InputException.at(file, line, "expected a number for " + what + ", found '" + token.trim() + "'");
        }
    }

    static int integer(String token, Path file, int line, String what) {
        try {
            return Integer.parseInt(token.trim());
        } catch (NumberFormatException e) {
            throw InputException.at(file, line, "expected an integer for " + what + ", found '" + token.trim() + "'");
        }
    }
}

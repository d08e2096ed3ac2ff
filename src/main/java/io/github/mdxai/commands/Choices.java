package io.github.mdxai.commands;

import io.github.mdxai.util.InputException;

import java.util.List;
import java.util.Locale;

/** Checks a choice input: SciJava does not validate {@code choices} in headless runs, so every command does it here. */
final class Choices {

    private Choices() {
    }

    /** The value, trimmed and lower-cased, if it is one of {@code allowed}; otherwise an error naming the key. */
    static String require(String key, String value, String... allowed) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!List.of(allowed).contains(v)) {
            throw new InputException(key + ": expected " + String.join(" or ", allowed) + ", got '" + value + "'");
        }
        return v;
    }
}

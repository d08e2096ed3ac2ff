package io.github.mdxai.commands.host;

import io.github.mdxai.util.InputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The option string of an ImageJ macro call, {@code key=value key2=[value with spaces] flag}, as an ordered map.
 * A bare key (no '=') is a checked boolean. The CLI and the ImageJ 1.x launcher read options the same way.
 */
public final class MacroOptions {

    private MacroOptions() {
    }

    public static Map<String, String> parse(String options) {
        Map<String, String> map = new LinkedHashMap<>();
        if (options == null) {
            return map;
        }
        int i = 0;
        int n = options.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(options.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyStart = i;
            while (i < n && options.charAt(i) != '=' && !Character.isWhitespace(options.charAt(i))) {
                i++;
            }
            String key = options.substring(keyStart, i);
            String value = "true";
            if (i < n && options.charAt(i) == '=') {
                i++;
                if (i < n && options.charAt(i) == '[') {
                    int close = options.indexOf(']', i + 1);
                    if (close < 0) {
                        throw new InputException("option " + key + ": '[' without a closing ']'");
                    }
                    value = options.substring(i + 1, close);
                    i = close + 1;
                } else {
                    int valueStart = i;
                    while (i < n && !Character.isWhitespace(options.charAt(i))) {
                        i++;
                    }
                    value = options.substring(valueStart, i);
                }
            }
            if (key.isEmpty()) {
                throw new InputException("option string has a value without a key near position " + keyStart);
            }
            if (map.put(key, value) != null) {
                throw new InputException("option " + key + " is given twice");
            }
        }
        return map;
    }

    /** Quotes a value for an option string: brackets when it has spaces or is empty. */
    public static String quote(String value) {
        return value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) ? "[" + value + "]" : value;
    }
}

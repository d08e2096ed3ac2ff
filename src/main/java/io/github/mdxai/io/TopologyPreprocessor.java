package io.github.mdxai.io;

import io.github.mdxai.util.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The GROMACS topology preprocessor (a subset of cpp, as grompp's): {@code #include} relative to the including file,
 * then in the force-field folders (GMXLIB, else the GROMACS installation's); {@code #define} with substitution of
 * whole tokens; {@code #undef}; {@code #ifdef/#ifndef/#else/#endif}; backslash continuation; comments after ';'.
 * Yields the data lines with their file and line number.
 */
final class TopologyPreprocessor {

    /** Bound on the data lines of one topology (with every include expanded), against include bombs. */
    static final int MAX_LINES = 5_000_000;

    private final List<String> gmxlib;
    private final Map<String, String> defines = new HashMap<>();
    private final List<TopologyLine> lines = new ArrayList<>();

    private TopologyPreprocessor(List<String> gmxlib, Map<String, String> predefined) {
        this.gmxlib = gmxlib;
        defines.putAll(predefined);
    }

    /** The data lines of {@code file} with includes expanded and conditionals applied. */
    static List<TopologyLine> lines(Path file, Map<String, String> defines, List<String> includeDirs) {
        TopologyPreprocessor p = new TopologyPreprocessor(includeDirs, defines);
        p.run(file, new ArrayDeque<>());
        return p.lines;
    }

    private void run(Path file, ArrayDeque<Path> stack) {
        Path real = file.toAbsolutePath().normalize();
        if (stack.contains(real)) {
            throw InputException.at(file, 0, "file includes itself (circular #include)");
        }
        if (!Files.isRegularFile(file)) {
            throw InputException.at(file, 0, "file not found");
        }
        stack.push(real);
        List<String> raw = TextLines.read(file);
        // Each entry: is this branch active? (plus whether an else was seen)
        ArrayDeque<boolean[]> conditions = new ArrayDeque<>();
        StringBuilder continued = null;
        int continuedStart = 0;
        for (int n = 0; n < raw.size(); n++) {
            String text = raw.get(n);
            int lineNo = n + 1;
            if (continued != null) {
                continued.append(' ');
            }
            if (text.endsWith("\\")) {
                if (continued == null) {
                    continued = new StringBuilder();
                    continuedStart = lineNo;
                }
                continued.append(text, 0, text.length() - 1);
                continue;
            }
            if (continued != null) {
                text = continued.append(text).toString();
                lineNo = continuedStart;
                continued = null;
            }
            String trimmed = text.strip();
            boolean active = conditions.stream().allMatch(c -> c[0]);
            if (trimmed.startsWith("#")) {
                String[] t = trimmed.substring(1).strip().split("\\s+", 2);
                String keyword = t[0];
                String argument = t.length > 1 ? stripComment(t[1]).strip() : "";
                switch (keyword) {
                    case "ifdef", "ifndef" -> {
                        if (argument.isEmpty()) {
                            throw InputException.at(file, lineNo, "#" + keyword + " needs a symbol");
                        }
                        boolean defined = defines.containsKey(argument.split("\\s+")[0]);
                        conditions.push(new boolean[]{keyword.equals("ifdef") == defined, false});
                    }
                    case "else" -> {
                        if (conditions.isEmpty() || conditions.peek()[1]) {
                            throw InputException.at(file, lineNo, "#else without a matching #ifdef");
                        }
                        boolean[] c = conditions.peek();
                        c[0] = !c[0];
                        c[1] = true;
                    }
                    case "endif" -> {
                        if (conditions.isEmpty()) {
                            throw InputException.at(file, lineNo, "#endif without a matching #ifdef");
                        }
                        conditions.pop();
                    }
                    case "define" -> {
                        if (active) {
                            if (argument.isEmpty()) {
                                throw InputException.at(file, lineNo, "#define needs a symbol");
                            }
                            String[] kv = argument.split("\\s+", 2);
                            defines.put(kv[0], kv.length > 1 ? kv[1].strip() : "");
                        }
                    }
                    case "undef" -> {
                        if (active) {
                            defines.remove(argument);
                        }
                    }
                    case "include" -> {
                        if (active) {
                            include(file, lineNo, argument, stack);
                        }
                    }
                    default -> throw InputException.at(file, lineNo,
                            "unsupported preprocessor directive #" + keyword + " (expected #include, #define, #undef, #ifdef, #ifndef, #else, #endif)");
                }
                continue;
            }
            if (!active) {
                continue;
            }
            String data = stripComment(text).strip();
            if (data.isEmpty()) {
                continue;
            }
            String[] tokens = substitute(data.split("\\s+"));
            if (lines.size() >= MAX_LINES) {
                throw InputException.at(file, lineNo, "more than " + MAX_LINES + " topology lines (recursive includes?)");
            }
            lines.add(new TopologyLine(file, lineNo, tokens, data));
        }
        if (!conditions.isEmpty()) {
            throw InputException.at(file, raw.size(), "#ifdef without #endif at end of file");
        }
        stack.pop();
    }

    private void include(Path from, int lineNo, String argument, ArrayDeque<Path> stack) {
        if (argument.length() < 2 || !((argument.startsWith("\"") && argument.endsWith("\""))
                || (argument.startsWith("<") && argument.endsWith(">")))) {
            throw InputException.at(from, lineNo, "#include needs a quoted file name");
        }
        String name = argument.substring(1, argument.length() - 1);
        List<Path> candidates = new ArrayList<>();
        Path parent = from.toAbsolutePath().getParent();
        candidates.add(parent == null ? Path.of(name) : parent.resolve(name));
        for (String dir : gmxlib) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir).resolve(name));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                run(candidate, stack);
                return;
            }
        }
        throw InputException.at(from, lineNo, "included file " + name + " not found next to this file"
                + (gmxlib.isEmpty() ? " (GMXLIB is not set and no GROMACS installation was found)"
                : " nor in " + String.join(":", gmxlib) + " (GMXLIB, else the GROMACS installation's share/gromacs/top)"));
    }

    private static String stripComment(String text) {
        int semicolon = text.indexOf(';');
        return semicolon < 0 ? text : text.substring(0, semicolon);
    }

    private String[] substitute(String[] tokens) {
        boolean any = false;
        for (String t : tokens) {
            if (defines.containsKey(t)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return tokens;
        }
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            String value = defines.get(t);
            if (value == null) {
                out.add(t);
            } else if (!value.isEmpty()) {
                out.addAll(Arrays.asList(value.split("\\s+")));
            }
        }
        return out.toArray(new String[0]);
    }
}

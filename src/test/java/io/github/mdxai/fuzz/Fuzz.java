package io.github.mdxai.fuzz;

import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Rng;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of a valid input file, each fed to a reader. A case passes when the reader returns or throws
 * the project's one-line {@link InputException} naming the file; any other exception or error (including running
 * out of memory on a size read from the file), a message without the file or over several lines, or a reader that
 * does not return within {@link #TIMEOUT_SECONDS} fails it.
 */
public final class Fuzz {

    static final int TIMEOUT_SECONDS = 10;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final String[] HUGE = {"1e308", "-1e308", "2147483648", "99999999999999999999", "2000000000",
            "-1", "0", "1e-320"};
    /** Texts of Java's own exceptions that tell a user nothing ("cannot read: Input length = 1"). */
    private static final String[] JAVA_PHRASES = {"Input length = ", "For input string", "Exception", "out of bounds for length",
            "malformed input off", "(null)", ": null", "Unexpected character", "Unrecognized token"};
    private static final String[] NOT_FINITE = {"NaN", "inf", "-inf", "Infinity", "nan"};

    /** A reader under test: reads the file, or the folder holding it. */
    @FunctionalInterface
    public interface Reader {
        void read(Path file) throws Exception;
    }

    /** What a run of cases found. */
    public record Outcome(int cases, List<String> failures) {
        public String report(String what) {
            return what + ": " + cases + " cases, " + failures.size() + " failed"
                    + (failures.isEmpty() ? "" : ":\n  " + String.join("\n  ", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    private Fuzz() {
    }

    /**
     * Runs {@code cases} mutations of {@code valid} (plus the empty file), each written to {@code target} and read by
     * {@code reader}; {@code target} may sit in a folder with other, intact files (a model folder).
     */
    public static Outcome run(String name, byte[] valid, Path target, int cases, long seed, Reader reader) throws IOException {
        return run(name, valid, target, target.getFileName().toString(), cases, seed, reader);
    }

    /** As above, where the reader reads another file made from {@code target}, whose name the errors must carry. */
    public static Outcome run(String name, byte[] valid, Path target, String named, int cases, long seed, Reader reader)
            throws IOException {
        Files.write(target, valid);
        try {
            reader.read(target);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": the unmutated input must be readable", e);
        }
        List<String> failures = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true); // a hung reader must not keep the test JVM alive
            return t;
        });
        try {
            for (int k = 0; k <= cases; k++) {
                SplittableRandom random = Rng.stream(seed, "fuzz " + name, k);
                Mutation m = k == 0 ? new Mutation("empty file", new byte[0]) : mutate(valid, random);
                Files.write(target, m.bytes());
                String verdict = verdict(worker, reader, target, named);
                if (verdict != null) {
                    failures.add("case " + k + " (" + m.what() + "): " + verdict);
                    if (verdict.startsWith("hang")) {
                        worker.shutdownNow();
                        worker = Executors.newSingleThreadExecutor();
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Outcome(cases + 1, failures);
    }

    private static String verdict(ExecutorService worker, Reader reader, Path target, String named) {
        Future<?> done = worker.submit(() -> {
            reader.read(target);
            return null;
        });
        try {
            done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (TimeoutException e) {
            done.cancel(true);
            return "hang: no answer within " + TIMEOUT_SECONDS + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof InputException input) {
                String message = String.valueOf(input.getMessage());
                if (message.contains("\n")) {
                    String first = message.lines().findFirst().orElse("");
                    return "message over several lines: " + first.substring(0, Math.min(200, first.length())) + " ...";
                }
                for (String leak : JAVA_PHRASES) {
                    if (message.contains(leak)) {
                        return "message shows a Java internal ('" + leak + "'): " + message;
                    }
                }
                if (!message.contains(named)) {
                    return "message does not name the file: " + message;
                }
                return null;
            }
            return t.getClass().getName() + ": " + String.valueOf(t.getMessage()).lines().findFirst().orElse("");
        }
    }

    record Mutation(String what, byte[] bytes) {
    }

    static Mutation mutate(byte[] valid, SplittableRandom random) {
        int kind = random.nextInt(10);
        byte[] b = valid.clone();
        switch (kind) {
            case 0 -> {
                int at = valid.length == 0 ? 0 : random.nextInt(valid.length);
                return new Mutation("truncated at byte " + at, Arrays.copyOf(valid, at));
            }
            case 1 -> {
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips && b.length > 0; f++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return new Mutation(flips + " bit flips", b);
            }
            case 2 -> {
                byte[] noise = new byte[random.nextInt(1, 4096)];
                random.nextBytes(noise);
                return new Mutation("random bytes", noise);
            }
            case 3 -> {
                return replaceNumber(valid, random, HUGE[random.nextInt(HUGE.length)], "huge or edge number");
            }
            case 4 -> {
                return replaceNumber(valid, random, NOT_FINITE[random.nextInt(NOT_FINITE.length)], "not finite");
            }
            case 5 -> {
                List<String> lines = new ArrayList<>(text(valid).lines().toList());
                if (lines.isEmpty()) {
                    return new Mutation("empty", b);
                }
                int at = random.nextInt(lines.size());
                boolean drop = random.nextBoolean();
                if (drop) {
                    lines.remove(at);
                } else {
                    lines.add(at, lines.get(at));
                }
                return new Mutation((drop ? "line dropped " : "line doubled ") + (at + 1),
                        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            case 6 -> {
                byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xE9}, {(byte) 0xF0, (byte) 0x9F}};
                return insert(valid, random, bad[random.nextInt(bad.length)], "non-UTF-8 bytes");
            }
            case 7 -> {
                return insert(valid, random, new byte[] {0}, "NUL byte");
            }
            case 8 -> {
                // a count or index made larger: the reader must not trust it for an allocation
                return replaceNumber(valid, random, Integer.toString(random.nextInt(1, 10) * 100_000_000), "big count");
            }
            default -> {
                int from = valid.length == 0 ? 0 : random.nextInt(valid.length);
                int len = Math.min(valid.length - from, random.nextInt(1, 200));
                byte[] cut = new byte[valid.length - len];
                System.arraycopy(valid, 0, cut, 0, from);
                System.arraycopy(valid, from + len, cut, from, valid.length - from - len);
                return new Mutation(len + " bytes cut at " + from, cut);
            }
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static Mutation replaceNumber(byte[] valid, SplittableRandom random, String replacement, String what) {
        String text = text(valid);
        Matcher m = NUMBER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return new Mutation(what + " (no number)", valid.clone());
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String changed = text.substring(0, span[0]) + replacement + text.substring(span[1]);
        return new Mutation(what + " '" + replacement + "' at byte " + span[0], changed.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Mutation insert(byte[] valid, SplittableRandom random, byte[] bytes, String what) {
        int at = valid.length == 0 ? 0 : random.nextInt(valid.length);
        byte[] out = new byte[valid.length + bytes.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(valid, at, out, at + bytes.length, valid.length - at);
        return new Mutation(what + " at byte " + at, out);
    }
}

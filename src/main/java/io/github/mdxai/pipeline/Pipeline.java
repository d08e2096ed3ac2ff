package io.github.mdxai.pipeline;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs steps in order, one subfolder each. A finished step leaves a marker with the fingerprint of its parameters and
 * of its dependencies' fingerprints; a rerun skips steps whose fingerprint is unchanged. A step that was interrupted
 * with the same fingerprint resumes from whatever checkpoint it keeps in its folder; a step whose fingerprint changed
 * starts again from an empty folder.
 */
public final class Pipeline {

    static final String DONE_MARKER = ".step-done";
    static final String STARTED_MARKER = ".step-started";

    private Pipeline() {
    }

    /** What happened to one step. */
    public record StepRecord(String name, boolean skipped, double seconds, Map<String, Object> parameters) {
    }

    public static List<StepRecord> run(Path out, List<Step> steps, Progress progress) throws Exception {
        Map<String, Path> folders = new LinkedHashMap<>();
        Map<String, String> fingerprints = new LinkedHashMap<>();
        List<StepRecord> records = new ArrayList<>();
        double total = steps.stream().mapToDouble(Step::weight).sum();
        double done = 0;
        for (Step step : steps) {
            Path folder = out.resolve(step.name());
            String fingerprint = fingerprint(step, fingerprints);
            Path marker = folder.resolve(DONE_MARKER);
            Progress sub = progress.range(done / total, (done + step.weight()) / total);
            progress.checkCancelled();
            if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).strip().startsWith(fingerprint)) {
                progress.status(step.name() + ": unchanged, skipped");
                records.add(new StepRecord(step.name(), true, secondsOf(marker), step.parameters()));
            } else {
                Path started = folder.resolve(STARTED_MARKER);
                boolean resuming = Files.isRegularFile(started)
                        && Files.readString(started, StandardCharsets.UTF_8).strip().equals(fingerprint);
                if (!resuming) {
                    // Outputs of other parameters or inputs are stale: start the step from an empty folder.
                    deleteRecursively(folder);
                    Files.createDirectories(folder);
                    AtomicFiles.writeString(started, fingerprint + "\n");
                }
                Files.deleteIfExists(marker);
                progress.status(step.name() + (resuming ? ": resuming" : ": running"));
                long start = System.nanoTime();
                step.run(folder, Map.copyOf(folders), sub);
                double seconds = (System.nanoTime() - start) / 1e9;
                AtomicFiles.writeString(marker, fingerprint + " " + seconds + "\n");
                records.add(new StepRecord(step.name(), false, seconds, step.parameters()));
            }
            folders.put(step.name(), folder);
            fingerprints.put(step.name(), fingerprint);
            done += step.weight();
            progress.fraction(done / total);
        }
        return records;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static double secondsOf(Path marker) throws IOException {
        String[] parts = Files.readString(marker, StandardCharsets.UTF_8).strip().split("\\s+");
        try {
            return parts.length > 1 ? Double.parseDouble(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String fingerprint(Step step, Map<String, String> earlier) {
        StringBuilder sb = new StringBuilder(step.name()).append('\n');
        new TreeMap<>(step.parameters()).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        for (String dependency : step.dependsOn()) {
            String fp = earlier.get(dependency);
            if (fp == null) {
                throw new IllegalStateException(step.name() + " depends on " + dependency + ", which does not run before it");
            }
            sb.append(dependency).append('@').append(fp).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}

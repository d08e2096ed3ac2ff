package io.github.mdxai.committor;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committor results file: four comment lines (what the columns mean, the run description with every input
 * fingerprint and parameter, a short run id, the shard and its configurations), the column header, and one row
 * per configuration in configuration order:
 * <pre>
 * config,pB,nA,nB,undecided,pB_low,pB_high,tcommit_ps
 * </pre>
 * {@code config} is the 0-based frame of the configurations file. A journal ({@link #journal(Path)}) has the same
 * header and rows in the order they finished; it is how an interrupted run continues.
 */
public final class CommittorFile {

    public static final List<String> COLUMNS = List.of("config", "pB", "nA", "nB", "undecided", "pB_low", "pB_high", "tcommit_ps");
    static final String LEGEND = "# MD_XAI committors: pB = nB/(nA+nB) with Wilson 95% interval [pB_low, pB_high];"
            + " tcommit_ps = mean time to enter A or B over committed shots; config = 0-based frame of the configurations";
    private static final String RUN = "# run: ", RUN_ID = "# run_id: ", SHARD = "# shard: ";

    /** What a results file says about its run: the description, its shard, and the number of configurations. */
    public record Header(String run, ShardSpec shard, int total) {

        public String runId() {
            return Fingerprints.shortId(run);
        }

        public int from() {
            return shard.from(total);
        }

        public int to() {
            return shard.to(total);
        }

        /** The whole header text, column line included. */
        public String text() {
            return LEGEND + "\n" + RUN + run + "\n" + RUN_ID + runId() + "\n" + SHARD + shard + " configs " + from() + "-"
                    + (to() - 1) + " of " + total + "\n" + String.join(",", COLUMNS) + "\n";
        }

        /** The same run as one whole shard. */
        public Header whole() {
            return new Header(run, ShardSpec.WHOLE, total);
        }
    }

    /** A header and the row text per configuration, sorted. */
    public record Content(Header header, TreeMap<Integer, String> rows) {

        public boolean complete() {
            return rows.size() == header.to() - header.from();
        }
    }

    private CommittorFile() {
    }

    /** The file of a run's results in {@code folder}: committors.csv, or committors-shard-i-of-n.csv for a shard. */
    public static Path resultsIn(Path folder, ShardSpec shard) {
        return folder.resolve(shard.whole() ? "committors.csv" : "committors-shard-" + shard.index() + "-of-" + shard.count() + ".csv");
    }

    /** The journal beside a results file. */
    public static Path journal(Path results) {
        return results.resolveSibling(results.getFileName() + ".journal");
    }

    /** One row as text: values in shortest round-trip form, NaN where no shot committed. */
    public static String row(int config, CommittorEstimate e) {
        double[] ci = e.wilson();
        return config + "," + number(e.pB()) + "," + e.nA() + "," + e.nB() + "," + e.undecided() + "," + number(ci[0]) + ","
                + number(ci[1]) + "," + number(e.meanCommitTime());
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "NaN" : CsvTable.format(v);
    }

    /** Writes a complete results file atomically. */
    public static void write(Path file, Header header, Map<Integer, String> rows) {
        AtomicFiles.writeText(file, w -> {
            w.write(header.text());
            for (String row : rows.values()) {
                w.write(row);
                w.write('\n');
            }
        });
    }

    /**
     * Reads a results file or a journal. A last line without its newline (torn by a kill) is ignored when
     * {@code tolerateTornTail}; every other defect is an error naming file and line.
     */
    public static Content read(Path file, boolean tolerateTornTail) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw InputException.at(file, 0, "not a committors file (not UTF-8 text)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        // split leaves "" after a final newline, or the torn remainder of an unfinished line
        String tail = lines.remove(lines.size() - 1);
        if (!tail.isEmpty() && !tolerateTornTail) {
            throw InputException.at(file, lines.size() + 1, "the last line has no end; the file was cut short");
        }
        if (lines.size() < 5 || !lines.get(0).equals(LEGEND) || !lines.get(1).startsWith(RUN)
                || !lines.get(2).startsWith(RUN_ID) || !lines.get(3).startsWith(SHARD)) {
            throw InputException.at(file, 1, "not a committors file: expected the header that Compute Committors writes");
        }
        String run = lines.get(1).substring(RUN.length());
        String[] shardWords = lines.get(3).substring(SHARD.length()).split(" ");
        Header header;
        try {
            header = new Header(run, ShardSpec.parse(shardWords[0]), Integer.parseInt(shardWords[shardWords.length - 1]));
        } catch (NumberFormatException | InputException e) {
            throw InputException.at(file, 4, "expected '# shard: i/n configs a-b of N'");
        }
        List<String> expected = header.text().lines().toList();
        for (int k = 0; k < expected.size(); k++) {
            if (!expected.get(k).equals(lines.get(k))) {
                throw InputException.at(file, k + 1, "the header of this committors file was edited or is damaged;"
                        + " expected '" + expected.get(k) + "'");
            }
        }
        TreeMap<Integer, String> rows = new TreeMap<>();
        for (int k = 5; k < lines.size(); k++) {
            String line = lines.get(k);
            int config = checkRow(file, k + 1, line, header);
            if (rows.put(config, line) != null) {
                throw InputException.at(file, k + 1, "configuration " + config + " appears twice");
            }
        }
        return new Content(header, rows);
    }

    private static int checkRow(Path file, int lineNo, String line, Header header) {
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS.size()) {
            throw InputException.at(file, lineNo, "expected " + COLUMNS.size() + " values (" + String.join(",", COLUMNS) + "), found " + cells.length);
        }
        try {
            int config = Integer.parseInt(cells[0]);
            int nA = Integer.parseInt(cells[2]), nB = Integer.parseInt(cells[3]), undecided = Integer.parseInt(cells[4]);
            double time = Double.parseDouble(cells[7]);
            if (config < header.from() || config >= header.to()) {
                throw InputException.at(file, lineNo, "configuration " + config + " is outside this shard's "
                        + header.from() + "-" + (header.to() - 1));
            }
            if (nA < 0 || nB < 0 || undecided < 0) {
                throw InputException.at(file, lineNo, "negative shot counts");
            }
            if (!line.equals(row(config, new CommittorEstimate(nA, nB, undecided, time)))) {
                throw InputException.at(file, lineNo, "pB and its interval do not match nA and nB; the row was edited or is damaged");
            }
            return config;
        } catch (NumberFormatException e) {
            throw InputException.at(file, lineNo, "expected whole numbers for config, nA, nB, undecided and numbers elsewhere");
        }
    }

    /**
     * Combines complete shard files of one run into the file a single whole run writes. Shards must share the run
     * description and the shard count, and every shard 1..n must be there exactly once.
     */
    public static Content merge(List<Path> shardFiles) {
        InputException.require(!shardFiles.isEmpty(), "shards: expected at least one shard file");
        Header first = null;
        Path firstFile = null;
        Map<Integer, Path> seen = new TreeMap<>();
        TreeMap<Integer, String> rows = new TreeMap<>();
        for (Path file : shardFiles) {
            Content c = read(file, false);
            Header h = c.header();
            if (first == null) {
                first = h;
                firstFile = file;
            } else if (!h.run().equals(first.run()) || h.total() != first.total()) {
                throw InputException.at(file, 2, "comes from a different run than " + firstFile + " (run_id " + h.runId()
                        + " vs " + first.runId() + ": " + difference(first.run(), h.run()) + "); merge only shards of one run");
            } else if (h.shard().count() != first.shard().count()) {
                throw InputException.at(file, 4, "is shard " + h.shard() + " but " + firstFile + " is shard " + first.shard()
                        + "; all shards of a merge must split the run into the same number of parts");
            }
            Path other = seen.put(h.shard().index(), file);
            if (other != null) {
                throw InputException.at(file, 4, "shard " + h.shard() + " is given twice (also " + other + ")");
            }
            if (!c.complete()) {
                throw InputException.at(file, 0, "shard " + h.shard() + " is incomplete (" + c.rows().size() + " of "
                        + (h.to() - h.from()) + " configurations); rerun it to finish before merging");
            }
            rows.putAll(c.rows());
        }
        if (seen.size() != first.shard().count()) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= first.shard().count(); i++) {
                if (!seen.containsKey(i)) {
                    missing.add(i);
                }
            }
            throw new InputException("shards: missing shard(s) " + missing + " of " + first.shard().count() + " of run " + first.runId());
        }
        return new Content(first.whole(), rows);
    }

    /** The first differing key=value of two run descriptions, for error messages. */
    static String difference(String expected, String actual) {
        String[] e = expected.split(" "), a = actual.split(" ");
        for (int k = 0; k < Math.min(e.length, a.length); k++) {
            if (!e[k].equals(a[k])) {
                return "'" + a[k] + "' where '" + e[k] + "' was expected";
            }
        }
        return "descriptions differ in length";
    }
}

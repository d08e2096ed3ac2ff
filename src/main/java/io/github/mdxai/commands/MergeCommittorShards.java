package io.github.mdxai.commands;

import io.github.mdxai.committor.CommittorFile;
import io.github.mdxai.committor.ShardSpec;
import io.github.mdxai.util.InputException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Combines the committors-shard-i-of-n.csv files of one run into committors.csv, the same file one whole run
 * writes; shards from different inputs or parameters, missing, repeated or incomplete shards are refused.
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Committors", weight = Menus.COMMITTORS), @Menu(label = "Merge Committor Shards", weight = 2)},
        description = "Merge the shard files of Compute Committors (shard=i/n) into one committors.csv")
public class MergeCommittorShards implements Command {

    @Parameter(label = "Folder with shard files", style = "directory", persist = false,
            description = "Holds committors-shard-i-of-n.csv for i = 1..n")
    private File shards;

    @Parameter(label = "Output folder", style = "directory", persist = false, description = "Receives committors.csv")
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Override
    public void run() {
        InputException.require(shards != null && shards.isDirectory(), "shards: expected a folder holding committors-shard-i-of-n.csv files");
        InputException.require(out != null, "out: an output folder is required");
        List<Path> files;
        try (Stream<Path> list = Files.list(shards.toPath())) {
            files = list.filter(p -> p.getFileName().toString().matches("committors-shard-\\d+-of-\\d+\\.csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + shards + ": " + e.getMessage(), e);
        }
        InputException.require(!files.isEmpty(), "shards: no committors-shard-i-of-n.csv files in " + shards);
        CommittorFile.Content merged = CommittorFile.merge(files);
        Path target = CommittorFile.resultsIn(out.toPath(), ShardSpec.WHOLE);
        if (Files.exists(target)) {
            CommittorFile.Header existing = CommittorFile.read(target, false).header();
            if (!existing.text().equals(merged.header().text())) {
                throw InputException.at(target, 2, "already holds results of a different run (run_id " + existing.runId()
                        + ", shards " + merged.header().runId() + "); choose another output folder or remove it; it was left as it is");
            }
        }
        CommittorFile.write(target, merged.header(), merged.rows());
        summary = target + ": " + merged.rows().size() + " configurations from " + files.size() + " shards of run " + merged.header().runId();
    }
}

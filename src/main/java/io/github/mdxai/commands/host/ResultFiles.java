package io.github.mdxai.commands.host;

import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a command wrote: every command declares its outputs through its inputs, as an output folder ({@code style =
 * "directory"}, key {@code out}) or an output file ({@code style = "save"}). A snapshot before the run and one after
 * give the files it created or changed, which a host shows by kind (tables, series, images) without per-command code.
 */
public final class ResultFiles {

    /** Kinds of result a host knows how to show. */
    public enum Kind { TABLE, IMAGE, OTHER }

    /** Folders are searched this deep: studies write one subfolder per step. */
    private static final int DEPTH = 2;

    private final List<Path> locations;
    private final Map<Path, FileTime> before;

    private ResultFiles(List<Path> locations) {
        this.locations = locations;
        this.before = scan(locations);
    }

    /** Remembers the state of the command's output locations, given the inputs it will run with. */
    public static ResultFiles before(CommandInfo info, Map<String, Object> inputs) {
        List<Path> locations = new ArrayList<>();
        for (ModuleItem<?> item : CommandInputs.of(info)) {
            if (item.getType() != File.class) {
                continue;
            }
            Object value = inputs.containsKey(item.getName()) ? inputs.get(item.getName()) : CommandInputs.defaultOf(info, item);
            if (value instanceof File file && isOutput(item)) {
                locations.add(file.toPath().toAbsolutePath());
            }
        }
        return new ResultFiles(locations);
    }

    /** An output location: a folder named {@code out} or a file chosen with a Save dialog. */
    public static boolean isOutput(ModuleItem<?> item) {
        return "save".equals(item.getWidgetStyle())
                || ("directory".equals(item.getWidgetStyle()) && item.getName().equals("out"));
    }

    /** Files created or modified since the snapshot, top level first, then by name. */
    public List<Path> written() {
        List<Path> changed = new ArrayList<>();
        scan(locations).forEach((file, time) -> {
            FileTime old = before.get(file);
            if (old == null || old.compareTo(time) < 0) {
                changed.add(file);
            }
        });
        changed.sort(Comparator.<Path>comparingInt(Path::getNameCount).thenComparing(Path::toString));
        return changed;
    }

    /** Every file in the output locations now, top level first, then by name. */
    public List<Path> present() {
        List<Path> all = new ArrayList<>(scan(locations).keySet());
        all.sort(Comparator.<Path>comparingInt(Path::getNameCount).thenComparing(Path::toString));
        return all;
    }

    public static Kind kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Kind.TABLE;
        }
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            return Kind.IMAGE;
        }
        return Kind.OTHER;
    }

    /** The file name without its extension: the title of the window that shows it. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Map<Path, FileTime> scan(List<Path> locations) {
        Map<Path, FileTime> times = new HashMap<>();
        for (Path location : locations) {
            if (Files.isRegularFile(location)) {
                times.put(location, modified(location));
            } else if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location, DEPTH)) {
                    files.filter(Files::isRegularFile).forEach(f -> times.put(f, modified(f)));
                } catch (IOException | UncheckedIOException e) {
                    // A folder that vanishes during the scan has nothing to show.
                }
            }
        }
        return times;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}

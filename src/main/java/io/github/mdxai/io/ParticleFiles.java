package io.github.mdxai.io;

import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one entry point for particle configurations and trajectories: the format is recognised by content (LAMMPS
 * names its files data.NAME and dump.NAME, and a .lmp file may be either), the file name only as a hint where the
 * content names no format, so that the hinted reader says which line is wrong.
 * <ul>
 *     <li>LAMMPS dump: the first non-blank line starts with {@code ITEM:};</li>
 *     <li>extended XYZ: the first line is a particle count and the second holds {@code Lattice=};</li>
 *     <li>LAMMPS data: a header line {@code N atoms} after the title line;</li>
 *     <li>plain XYZ (a count, then no lattice): read as extended XYZ, which then asks for the lattice.</li>
 * </ul>
 */
public final class ParticleFiles {

    /** Bytes of the head examined for the format (a header is never longer). */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final int HEAD_LINES = 40;
    private static final Pattern COUNT = Pattern.compile("\\d+");
    private static final Pattern ATOMS_HEADER = Pattern.compile("\\d+\\s+atoms(\\s.*)?");
    private static final String EXPECTED = "expected a LAMMPS data file (a header line 'N atoms'), a LAMMPS dump"
            + " (starting with 'ITEM: TIMESTEP') or extended XYZ (a particle count, then a line with Lattice=)";

    public enum Format {
        LAMMPS_DATA("LAMMPS data file"), LAMMPS_DUMP("LAMMPS dump"), EXTENDED_XYZ("extended XYZ");

        private final String description;

        Format(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * What a file holds: its format, the frames in file order, and the mass of each (0-based) type where the file
     * gives one (a data file's Masses section; NaN otherwise, and null for formats without masses).
     */
    public record Contents(Path file, Format format, List<Configuration> frames, double[] masses) {
    }

    private ParticleFiles() {
    }

    /** Every frame of a configuration or trajectory file, in file order. */
    public static List<Configuration> read(Path file) {
        return readContents(file).frames();
    }

    /** Every {@code stride}-th frame, starting with the first. */
    public static List<Configuration> read(Path file, int stride) {
        InputException.require(stride >= 1, "stride must be at least 1, was " + stride);
        List<Configuration> all = read(file);
        return java.util.stream.IntStream.iterate(0, f -> f < all.size(), f -> f + stride).mapToObj(all::get).toList();
    }

    /** The frames with the format and any masses. */
    public static Contents readContents(Path file) {
        Format format = detect(file);
        return switch (format) {
            case LAMMPS_DATA -> {
                LammpsData.Data d = LammpsData.readWithMasses(file);
                yield new Contents(file, format, List.of(d.configuration()), d.masses());
            }
            case LAMMPS_DUMP -> new Contents(file, format, LammpsDump.read(file), null);
            case EXTENDED_XYZ -> new Contents(file, format, ExtendedXyz.read(file), null);
        };
    }

    /** The format of a file, by content; by name only where the content matches none. */
    public static Format detect(Path file) {
        List<String> head = head(file);
        List<String> nonBlank = head.stream().filter(l -> !l.isEmpty()).toList();
        if (nonBlank.isEmpty()) {
            throw InputException.at(file, 0, "the file is empty: " + EXPECTED);
        }
        if (nonBlank.get(0).startsWith("ITEM:")) {
            return Format.LAMMPS_DUMP;
        }
        boolean countFirst = COUNT.matcher(head.get(0)).matches();
        if (countFirst && head.size() >= 2 && head.get(1).contains("Lattice=")) {
            return Format.EXTENDED_XYZ;
        }
        for (int i = 1; i < head.size(); i++) {
            if (ATOMS_HEADER.matcher(head.get(i)).matches()) {
                return Format.LAMMPS_DATA;
            }
        }
        if (countFirst) {
            return Format.EXTENDED_XYZ;
        }
        Format hinted = byName(file);
        if (hinted != null) {
            return hinted;
        }
        throw InputException.at(file, 1, "unknown format: " + EXPECTED);
    }

    /** The format a file name suggests (LAMMPS's data.NAME / dump.NAME included), or null. */
    static Format byName(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
            return Format.EXTENDED_XYZ;
        }
        if (name.endsWith(".lammpstrj") || name.endsWith(".dump") || name.startsWith("dump.") || name.contains(".dump.")) {
            return Format.LAMMPS_DUMP;
        }
        if (name.endsWith(".data") || name.endsWith(".lmp") || name.startsWith("data.")) {
            return Format.LAMMPS_DATA;
        }
        return null;
    }

    /** The first lines of the file, trimmed, from at most its first 64 KB. */
    private static List<String> head(Path file) {
        if (Files.isDirectory(file)) {
            throw InputException.at(file, 0, "is a folder: " + EXPECTED);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(HEAD_BYTES);
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file);
        } catch (IOException e) {
            throw InputException.at(file, 0, "cannot read: " + e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) {
            throw InputException.at(file, 0, "not a text file: " + EXPECTED);
        }
        return Arrays.stream(text.split("\r?\n", -1)).limit(HEAD_LINES).map(String::trim).toList();
    }
}

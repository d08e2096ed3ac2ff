package io.github.mdxai.commands;

import io.github.mdxai.io.ExtendedXyz;
import io.github.mdxai.io.LammpsData;
import io.github.mdxai.io.LammpsDump;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads particle configurations by file name: LAMMPS data, LAMMPS dump, or extended XYZ. */
final class SoftSphereFiles {

    private SoftSphereFiles() {
    }

    static List<Configuration> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("file not found: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
            return ExtendedXyz.read(file);
        }
        if (name.endsWith(".lammpstrj") || name.endsWith(".dump") || name.contains(".dump.")) {
            return LammpsDump.read(file);
        }
        if (name.endsWith(".data") || name.endsWith(".lmp") || name.startsWith("data.")) {
            return List.of(LammpsData.read(file));
        }
        throw new InputException(file + ": unknown file type: expected .data/.lmp (LAMMPS data), .lammpstrj/.dump"
                + " (LAMMPS dump) or .xyz/.extxyz (extended XYZ)");
    }
}

package io.github.mdxai.io;

import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.InputException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Structure files by extension: .gro (GROMACS) or .pdb/.ent (PDB). */
public final class Structures {

    private Structures() {
    }

    /** Every frame of a .gro or .pdb file. */
    public static List<Frame> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gro")) {
            return GroFile.read(file);
        }
        if (name.endsWith(".pdb") || name.endsWith(".ent")) {
            return PdbFile.read(file);
        }
        throw InputException.at(file, 0, "unknown structure format (expected a .gro or .pdb file)");
    }

    /** Every frame, checked to have the topology's atom count. */
    public static List<Frame> read(Path file, Topology top) {
        List<Frame> frames = read(file);
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            if (f.atomCount() != top.atomCount()) {
                throw InputException.at(file, f.line(), "frame " + k + " has " + f.atomCount()
                        + " atoms but the topology has " + top.atomCount());
            }
        }
        return frames;
    }
}

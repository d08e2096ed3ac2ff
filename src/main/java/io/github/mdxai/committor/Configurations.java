package io.github.mdxai.committor;

import io.github.mdxai.molecules.Topology;
import io.github.mdxai.io.Frame;
import io.github.mdxai.io.Structures;
import io.github.mdxai.util.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Starting configurations for shooting: every frame of a .gro/.pdb file, checked against the topology. */
public final class Configurations {

    private Configurations() {
    }

    /**
     * Positions (nm, interleaved xyz) of every frame; a frame whose atom count or atom names differ from the
     * topology's, or whose coordinates are not finite, is an error naming file, line and atom.
     */
    public static List<double[]> read(Path file, Topology top) {
        List<Frame> frames = Structures.read(file, top);
        List<double[]> out = new ArrayList<>(frames.size());
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            for (int a = 0; a < top.atomCount(); a++) {
                String name = f.atomNames()[a].strip();
                if (!name.equalsIgnoreCase(top.atomName(a))) {
                    throw InputException.at(file, f.line(), String.format(Locale.ROOT,
                            "frame %d: atom %d is %s but the topology has %s there; the configurations do not match the topology",
                            k, a + 1, name, top.atomName(a)));
                }
            }
            for (double c : f.x()) {
                if (!Double.isFinite(c)) {
                    throw InputException.at(file, f.line(), "frame " + k + ": coordinates must be finite numbers");
                }
            }
            out.add(f.x().clone());
        }
        return out;
    }
}

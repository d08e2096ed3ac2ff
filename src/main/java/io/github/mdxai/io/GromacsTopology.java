package io.github.mdxai.io;

import io.github.mdxai.molecules.Topology;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reader for GROMACS topologies (.top/.itp) of molecules in vacuum, in three steps: {@link TopologyPreprocessor}
 * (includes, defines, conditionals), {@link TopologyDirectives} (the directives into typed tables) and
 * {@link TopologyBuilder} (the molecules of [ molecules ] with every parameter resolved). Directives: defaults
 * (nbfunc 1, comb-rule 1-3), atomtypes, bondtypes, angletypes, dihedraltypes (wildcard X; the first entry with the
 * most non-wildcard matches wins, with its adjacent lines for funct 9), pairtypes, nonbond_params, moleculetype,
 * atoms, bonds 1, pairs 1, angles 1, dihedrals 1/4/9, exclusions, system, molecules. Anything else that a molecule
 * uses fails with the file, line and what is not supported.
 */
public final class GromacsTopology {

    private GromacsTopology() {
    }

    /** Reads a topology, resolving includes relative to each file and then in the folders of {@code GMXLIB}. */
    public static Topology read(Path file) {
        return read(file, Map.of());
    }

    /** As {@link #read(Path)}, with preprocessor symbols defined up front (like grompp's {@code define = -DPOSRES}). */
    public static Topology read(Path file, Map<String, String> defines) {
        String env = System.getenv("GMXLIB");
        List<String> gmxlib = env == null || env.isBlank() ? List.of() : Arrays.asList(env.split(":"));
        return read(file, defines, gmxlib);
    }

    /**
     * As {@link #read(Path, Map)}, searching includes that are not next to the including file in
     * {@code includeDirs} (in order) instead of {@code GMXLIB}.
     */
    public static Topology read(Path file, Map<String, String> defines, List<String> includeDirs) {
        List<TopologyLine> lines = TopologyPreprocessor.lines(file, defines, includeDirs);
        TopologyTables tables = TopologyDirectives.parse(lines);
        return TopologyBuilder.build(tables, file, lines.isEmpty());
    }
}

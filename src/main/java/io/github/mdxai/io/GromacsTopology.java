package io.github.mdxai.io;

import io.github.mdxai.molecules.Topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Reads a topology, resolving includes relative to each file and then where grompp looks: the folders of
     * {@code GMXLIB}, else the force-field folder of the GROMACS installation ({@link #forceFieldFolders}).
     */
    public static Topology read(Path file) {
        return read(file, Map.of());
    }

    /** As {@link #read(Path)}, with preprocessor symbols defined up front (like grompp's {@code define = -DPOSRES}). */
    public static Topology read(Path file, Map<String, String> defines) {
        return read(file, defines, forceFieldFolders(System.getenv()));
    }

    /**
     * Where grompp finds {@code #include "amber99sb-ildn.ff/forcefield.itp"}: the folders of {@code GMXLIB} when it is
     * set; otherwise the installation's {@code share/gromacs/top}: under {@code GMXDATA}, beside the {@code bin}
     * folder of {@code gmx} or {@code gmx_d} on the {@code PATH} (links followed), or in the usual places (/usr, /usr/local,
     * /usr/local/gromacs), those that exist, in that order. A raw pdb2gmx topology thus reads without GMXLIB
     * wherever GROMACS is installed.
     */
    static List<String> forceFieldFolders(Map<String, String> env) {
        String gmxlib = env.get("GMXLIB");
        if (gmxlib != null && !gmxlib.isBlank()) {
            return Arrays.asList(gmxlib.split(":"));
        }
        List<Path> candidates = new ArrayList<>();
        String gmxdata = env.get("GMXDATA");
        if (gmxdata != null && !gmxdata.isBlank()) {
            for (String dir : gmxdata.split(":")) {
                candidates.add(Path.of(dir, "top"));
            }
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            for (String binary : List.of("gmx", "gmx_d")) {
                Path bin = dir.isBlank() ? null : Path.of(dir).resolve(binary);
                if (bin != null && Files.isExecutable(bin)) {
                    try {
                        // where the binary really lives (a link in ~/bin to /opt/gromacs/bin/gmx: /opt/gromacs)
                        Path prefix = bin.toRealPath().getParent().getParent();
                        if (prefix != null) {
                            candidates.add(prefix.resolve("share/gromacs/top"));
                        }
                    } catch (IOException unreadable) {
                        // not an installation to search
                    }
                }
            }
        }
        for (String prefix : List.of("/usr", "/usr/local", "/usr/local/gromacs")) {
            candidates.add(Path.of(prefix, "share/gromacs/top"));
        }
        return candidates.stream().filter(Files::isDirectory).map(Path::toString).distinct().toList();
    }

    /**
     * As {@link #read(Path, Map)}, searching includes that are not next to the including file in
     * {@code includeDirs} (in order) instead of {@link #forceFieldFolders}.
     */
    public static Topology read(Path file, Map<String, String> defines, List<String> includeDirs) {
        List<TopologyLine> lines = TopologyPreprocessor.lines(file, defines, includeDirs);
        TopologyTables tables = TopologyDirectives.parse(lines);
        return TopologyBuilder.build(tables, file, lines.isEmpty());
    }
}

package io.github.mdxai.io;

import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.ForceFieldTest;
import io.github.mdxai.molecules.PositionRestraints;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GromacsTopologyTest {

    static final Path ALA2 = Path.of("test-data/ala2");

    /**
     * pdb2gmx's topol.top includes amber99sb-ildn.ff/forcefield.itp from the GROMACS library; the force-field part of
     * processed.top stands in for it, in a folder passed as the include path.
     */
    static Path fakeGmxlib(Path dir) throws IOException {
        List<String> processed = Files.readAllLines(ALA2.resolve("processed.top"));
        int molecule = processed.indexOf("[ moleculetype ]");
        Path ff = Files.createDirectories(dir.resolve("gmxlib/amber99sb-ildn.ff"));
        Files.write(ff.resolve("forcefield.itp"), processed.subList(0, molecule));
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.copy(ALA2.resolve("topol.top"), work.resolve("topol.top"));
        Files.copy(ALA2.resolve("posre.itp"), work.resolve("posre.itp"));
        return work.resolve("topol.top");
    }

    @Test
    void topolTopWithLibraryIncludeMatchesGromacs(@TempDir Path dir) throws IOException {
        Path top = fakeGmxlib(dir);
        ForceFieldTest.checkAgainstGromacs(GromacsTopology.read(top, Map.of(), List.of(dir.resolve("gmxlib").toString())));
    }

    /**
     * Without GMXLIB, includes are found where grompp finds them: the installation's share/gromacs/top next to the bin
     * folder of gmx on the PATH (or under GMXDATA); GMXLIB, when set, replaces them.
     */
    @Test
    void forceFieldsOfTheGromacsInstallationWithoutGmxlib(@TempDir Path dir) throws IOException {
        Path top = fakeGmxlib(dir);
        Path install = dir.resolve("gromacs-2022");
        Path gmx = Files.createDirectories(install.resolve("bin")).resolve("gmx");
        Files.writeString(gmx, "#!/bin/sh\n");
        assertTrue(gmx.toFile().setExecutable(true));
        Path shareTop = Files.createDirectories(install.resolve("share/gromacs/top"));
        Files.move(dir.resolve("gmxlib/amber99sb-ildn.ff"), shareTop.resolve("amber99sb-ildn.ff"));
        List<String> found = GromacsTopology.forceFieldFolders(Map.of("PATH", "/nonexistent:" + install.resolve("bin")));
        assertEquals(shareTop.toString(), found.get(0));
        ForceFieldTest.checkAgainstGromacs(GromacsTopology.read(top, Map.of(), found));
        // GMXDATA is the installation's share/gromacs (GMXRC sets it)
        assertEquals(shareTop.toString(), GromacsTopology.forceFieldFolders(Map.of("GMXDATA",
                install.resolve("share/gromacs").toString(), "PATH", "")).get(0));
        assertEquals(List.of("/a", "/b"), GromacsTopology.forceFieldFolders(Map.of("GMXLIB", "/a:/b", "PATH",
                install.resolve("bin").toString())));
    }

    @Test
    void missingLibraryIncludeNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path top = fakeGmxlib(dir);
        InputException e = assertThrows(InputException.class, () -> GromacsTopology.read(top, Map.of(), List.of()));
        assertTrue(e.getMessage().startsWith(top + ":19: included file amber99sb-ildn.ff/forcefield.itp not found"), e.getMessage());
    }

    /** -DPOSRES reads posre.itp's restraints; the force field leaves them out until a run adds their term. */
    @Test
    void posresDefineReadsRestraintsAppliedOnlyWhenAsked(@TempDir Path dir) throws IOException {
        Path top = fakeGmxlib(dir);
        Topology plain = GromacsTopology.read(top, Map.of(), List.of(dir.resolve("gmxlib").toString()));
        Topology restrained = GromacsTopology.read(top, Map.of("POSRES", ""), List.of(dir.resolve("gmxlib").toString()));
        assertEquals(0, plain.positionRestraints().size());
        PositionRestraints r = restrained.positionRestraints();
        assertEquals(10, r.size());
        assertEquals(1, r.atom()[0]); // atom 2 of posre.itp, 0-based
        assertEquals(1000, r.kx()[0], 0);
        double[] x = GroFile.read(Path.of("test-data/ala2/conformations.gro")).get(0).x();
        double[] f = new double[x.length], g = new double[x.length];
        assertEquals(ForceField.of(plain).energyAndForces(x, f, null), ForceField.of(restrained).energyAndForces(x, g, null), 0);
        double[] moved = x.clone();
        moved[3 * 1] += 0.01; // atom 2 moved 0.01 nm along x: 1/2 1000 0.01^2 = 0.05 kJ/mol, force -10 kJ/mol/nm
        double[] fr = new double[x.length];
        assertEquals(0.05, r.term(x).addForces(moved, fr), 1e-12);
        assertEquals(-10, fr[3], 1e-9);
    }

    @Test
    void definesIfdefElseAndDihedralWildcards(@TempDir Path dir) throws IOException {
        Path top = dir.resolve("mini.top");
        Files.writeString(top, String.join("\n",
                "[ defaults ]",
                "1 2 yes 0.5 0.8333",
                "[ atomtypes ]",
                "CT 6 12.01 0.0 A 3.39967e-01 4.57730e-01",
                "HC 1 1.008 0.0 A 2.64953e-01 6.56888e-02",
                "[ bondtypes ]",
                "CT HC 1 0.1090 284512.0",
                "CT CT 1 0.1526 259408.0",
                "[ angletypes ]",
                "HC CT CT 1 110.7 313.8",
                "HC CT HC 1 107.8 276.144",
                "[ dihedraltypes ]",
                "X CT CT X 9 0.0 0.6508 3",
                "HC CT CT HC 9 0.0 0.6276 3",
                "HC CT CT HC 9 180.0 0.1000 1",
                "#define SPECIAL 0.0 5.0 2",
                "[ moleculetype ]",
                "ethane 3",
                "[ atoms ]",
                "1 CT 1 ETH C1 1 -0.18 12.01",
                "2 HC 1 ETH H1 2 0.06",
                "3 HC 1 ETH H2 3 0.06",
                "4 HC 1 ETH H3 4 0.06",
                "5 CT 1 ETH C2 5 -0.18",
                "6 HC 1 ETH H4 6 0.06",
                "7 HC 1 ETH H5 7 0.06",
                "8 HC 1 ETH H6 8 0.06",
                "[ bonds ]",
                "1 2 1", "1 3 1", "1 4 1", "1 5 1", "5 6 1", "5 7 1", "5 8 1",
                "[ dihedrals ]",
                "2 1 5 6 9",
                "#ifdef FLAG",
                "3 1 5 7 9 SPECIAL",
                "#else",
                "3 1 5 7 1 SPECIAL",
                "#endif",
                "[ system ]", "ethane", "[ molecules ]", "ethane 2", ""));
        Topology t = GromacsTopology.read(top);
        assertEquals(16, t.atomCount());
        assertEquals(14, t.bonds().size());
        // H-C-C-H: the fully specific entry and its adjacent line win over X-CT-CT-X; the #else line uses the macro
        assertEquals(3, t.properTorsions().size() / 2);
        assertEquals(0.6276, t.properTorsions().force(0), 0);
        assertEquals(0.1000, t.properTorsions().force(1), 0);
        assertEquals(5.0, t.properTorsions().force(2), 0);
        assertEquals(2, t.properTorsions().multiplicity(2));
        // ethane: no 1-4 pairs listed, all 1-2/1-3/1-4 excluded, so only the 64 intermolecular pairs remain
        assertEquals(64, t.nonbonded().size());
        assertEquals(12.01, t.mass(4), 0);
        assertEquals(1.008, t.mass(5), 0);
        assertEquals("ethane", t.title());
    }

    /** A minimal one-molecule topology with {@code extra} lines inserted after [ atoms ]. */
    private static Path miniWith(Path dir, String... extra) throws IOException {
        Path top = dir.resolve("bad.top");
        List<String> lines = new java.util.ArrayList<>(List.of(
                "[ defaults ]", "1 2 yes 0.5 0.8333",
                "[ atomtypes ]", "CT 6 12.01 0.0 A 3.39967e-01 4.57730e-01",
                "[ moleculetype ]", "m 3",
                "[ atoms ]", "1 CT 1 M C1 1 0 12.01", "2 CT 1 M C2 2 0 12.01", "3 CT 1 M C3 3 0 12.01",
                "4 CT 1 M C4 4 0 12.01", "5 CT 1 M C5 5 0 12.01"));
        lines.addAll(List.of(extra));
        lines.addAll(List.of("[ system ]", "bad", "[ molecules ]", "m 1", ""));
        Files.writeString(top, String.join("\n", lines));
        return top;
    }

    private static String errorOf(Path top) {
        return assertThrows(InputException.class, () -> GromacsTopology.read(top)).getMessage();
    }

    @Test
    void unsupportedTermsAndWaterAreRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        assertTrue(errorOf(miniWith(dir, "[ settles ]", "1 1 0.1 0.1633")).contains("bad.top:13: [ settles ] (rigid water) "
                + "is not supported: this engine simulates molecules in vacuum only"));
        assertTrue(errorOf(miniWith(dir, "[ bonds ]", "1 2 3 0.15 300 2")).contains("bad.top:14: unsupported bond function type 3"));
        assertTrue(errorOf(miniWith(dir, "[ angles ]", "1 2 3 6 0.3 0.3 100")).contains("bad.top:14: unsupported angle function type 6"));
        assertTrue(errorOf(miniWith(dir, "[ dihedrals ]", "1 2 3 4 8 1 1")).contains("bad.top:14: unsupported dihedral function type 8"));
        assertTrue(errorOf(miniWith(dir, "[ dihedrals ]", "1 2 3 4 3 1 2 3")).contains("bad.top:14: expected 6 parameters (C0 C1"));
        assertTrue(errorOf(miniWith(dir, "[ cmap ]", "1 2 3 4 5 1")).contains("bad.top:14: no [ cmaptypes ] entry for CT-CT-CT-CT-CT"));
        assertTrue(errorOf(miniWith(dir, "[ position_restraints ]", "1 2 0.2 1000")).contains(
                "bad.top:14: unsupported position restraint function type 2"));
        assertTrue(errorOf(miniWith(dir, "[ virtual_sites3 ]", "1 2 3 4 1 0.1 0.1")).contains(
                "bad.top:13: unsupported directive [ virtual_sites3 ]"));
    }

    @Test
    void cmapTypesAreBoundedAndComplete(@TempDir Path dir) throws IOException {
        Path top = dir.resolve("cmap.top");
        Files.writeString(top, String.join("\n", "[ defaults ]", "1 2 yes 1 1", "[ atomtypes ]",
                "CT 6 12.01 0.0 A 0.3 0.4", "[ cmaptypes ]", "CT CT CT CT CT 1 2 2\\", "1 2 3", ""));
        assertTrue(errorOf(top).contains("cmap.top:6: expected 4 grid energies, found 3"), errorOf(top));
        Files.writeString(top, String.join("\n", "[ defaults ]", "1 2 yes 1 1", "[ atomtypes ]",
                "CT 6 12.01 0.0 A 0.3 0.4", "[ cmaptypes ]", "CT CT CT CT CT 1 100000 100000 1", ""));
        assertTrue(errorOf(top).contains("cmap.top:6: expected a square cmap grid of 2..360 points per axis"), errorOf(top));
    }

    @Test
    void systemSizeIsBounded(@TempDir Path dir) throws IOException {
        Path top = miniWith(dir);
        Files.writeString(top, Files.readString(top).replace("m 1", "m 2000000000"));
        assertTrue(errorOf(top).contains("more than 5000 atoms in the system"), errorOf(top));
    }
}

package io.github.mdxai.commands;

import io.github.mdxai.util.CsvTable;
import io.github.mdxai.io.GroFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MdCommandsTest {

    static final Path ALA2 = Path.of("test-data/ala2");

    static void run(Class<? extends org.scijava.command.Command> command, Map<String, Object> inputs) throws Exception {
        try (Context ctx = new Context()) {
            org.scijava.command.CommandModule module = ctx.service(CommandService.class).run(command, true, inputs).get();
            assertTrue(!module.isCanceled(), "canceled: " + module.getCancelReason());
        }
    }

    @Test
    void computeEnergyWritesTermsAndForces(@TempDir Path dir) throws Exception {
        Path energies = dir.resolve("e.csv"), forces = dir.resolve("f.csv");
        run(ComputeEnergy.class, Map.of("structure", ALA2.resolve("conformations.gro").toFile(),
                "topology", ALA2.resolve("processed.top").toFile(), "out", energies.toFile(), "forces", forces.toFile()));
        CsvTable e = CsvTable.read(energies);
        assertEquals("frame,bond_kJmol,angle_kJmol,proper_kJmol,improper_kJmol,lj14_kJmol,coulomb14_kJmol,lj_kJmol,"
                + "coulomb_kJmol,g96_bond_kJmol,g96_angle_kJmol,urey_bradley_kJmol,rb_kJmol,fourier_kJmol,improper_harmonic_kJmol,cmap_kJmol,"
                + "potential_kJmol", String.join(",", e.columns()));
        CsvTable ref = CsvTable.read(ALA2.resolve("energies.csv"));
        for (int k = 0; k < 6; k++) {
            assertEquals(ref.column("gmx_Potential")[k], e.column("potential_kJmol")[k], 1e-5);
        }
        CsvTable f = CsvTable.read(forces);
        assertEquals(6 * 22, f.rowCount());
        assertEquals(ref.rowCount(), 6);
        CsvTable rf = CsvTable.read(ALA2.resolve("forces.csv"));
        assertEquals(rf.column("gmx_fy")[30], f.column("fy_kJmolnm")[30], 1e-4);
        assertEquals(2, f.column("atom")[1]);
    }

    /** A CHARMM27 topology: the Urey-Bradley and CMAP columns equal GROMACS' (test-data/gromacs-ff). */
    @Test
    void computeEnergyReportsCharmmTerms(@TempDir Path dir) throws Exception {
        Path charmm = Path.of("test-data/gromacs-ff/charmm27"), energies = dir.resolve("e.csv");
        Map<String, Object> in = new HashMap<>();
        in.put("structure", charmm.resolve("conformations.gro").toFile());
        in.put("topology", charmm.resolve("topol.top").toFile());
        in.put("out", energies.toFile());
        in.put("forces", null);
        run(ComputeEnergy.class, in);
        CsvTable e = CsvTable.read(energies), ref = CsvTable.read(charmm.resolve("energies.csv"));
        for (String column : List.of("urey_bradley_kJmol", "improper_harmonic_kJmol", "cmap_kJmol", "potential_kJmol")) {
            for (int k = 0; k < ref.rowCount(); k++) {
                double expected = ref.column(column)[k];
                assertEquals(expected, e.column(column)[k], Math.max(1e-5, 1e-7 * Math.abs(expected)), column + " frame " + k);
            }
        }
        assertEquals(0, e.column("rb_kJmol")[0], 0);
    }

    @Test
    void computeEnergyReadsPdb(@TempDir Path dir) throws Exception {
        Path energies = dir.resolve("e.csv");
        Map<String, Object> in = new HashMap<>();
        in.put("structure", ALA2.resolve("conformations.pdb").toFile());
        in.put("topology", ALA2.resolve("processed.top").toFile());
        in.put("out", energies.toFile());
        in.put("forces", null); // an optional File left out entirely makes SciJava's FilePreprocessor cancel headless
        run(ComputeEnergy.class, in);
        CsvTable e = CsvTable.read(energies);
        CsvTable ref = CsvTable.read(ALA2.resolve("energies.csv"));
        assertEquals(6, e.rowCount());
        // PDB coordinates are rounded to 0.001 Angstrom: energies agree to rounding, not to GROMACS precision
        for (int k = 0; k < 6; k++) {
            assertEquals(ref.column("gmx_Potential")[k], e.column("potential_kJmol")[k], 0.5);
        }
    }

    @Test
    void runMdWritesTrajectoryEnergiesAndFinalState(@TempDir Path dir) throws Exception {
        Map<String, Object> in = new HashMap<>();
        in.put("structure", ALA2.resolve("em.gro").toFile());
        in.put("topology", ALA2.resolve("processed.top").toFile());
        in.put("integrator", "langevin");
        in.put("temperature", 300.0);
        in.put("friction", 1.0);
        in.put("dt", 0.002);
        in.put("steps", 200L);
        in.put("seed", 7L);
        in.put("constraints", "h-bonds");
        in.put("interval", 50L);
        in.put("out", dir.toFile());
        in.put("cvs", "phi psi r6-10");
        run(RunMd.class, in);
        assertEquals(5, GroFile.read(dir.resolve("trajectory.gro")).size());
        CsvTable e = CsvTable.read(dir.resolve("energies.csv"));
        assertEquals(5, e.rowCount());
        assertTrue(e.hasColumn("phi_deg") && e.hasColumn("psi_deg") && e.hasColumn("r6-10_nm") && e.hasColumn("temperature_K"));
        assertEquals(0.4, e.column("time_ps")[4], 1e-12);
        assertTrue(GroFile.read(dir.resolve("final.gro")).get(0).v() != null);

        // same seed, same trajectory
        Path again = Files.createDirectories(dir.resolve("again"));
        in.put("out", again.toFile());
        run(RunMd.class, in);
        assertEquals(Files.readString(dir.resolve("final.gro")), Files.readString(again.resolve("final.gro")));
    }

    @Test
    void badChoiceIsAOneLineError(@TempDir Path dir) {
        Map<String, Object> in = new HashMap<>();
        in.put("structure", ALA2.resolve("em.gro").toFile());
        in.put("topology", ALA2.resolve("processed.top").toFile());
        in.put("integrator", "leapfrog");
        in.put("out", dir.toFile());
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(RunMd.class, in));
        assertTrue(rootMessage(e).contains("integrator: expected langevin or nve"), rootMessage(e));
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}

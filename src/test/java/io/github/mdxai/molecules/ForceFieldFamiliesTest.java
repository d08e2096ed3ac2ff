package io.github.mdxai.molecules;

import io.github.mdxai.io.Frame;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.util.CsvTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Energies by term and forces of a CHARMM27 (Urey-Bradley, harmonic impropers, CMAP over the whole grid incl. its
 * edges), an OPLS-AA (Ryckaert-Bellemans, geometric rule, fudge 0.5) and an AMBER system of two molecule types with
 * three molecules and [ pairtypes ], and a GROMOS 54A7 one (comb-rule 1, gen-pairs no, quartic bonds, cosine angles)
 * and the OPLS-AA one with Fourier dihedrals, and glycine dipeptide in CHARMM27 (its own CMAP type), OPLS-AA and AMBER,
 * the capped peptide ACE-LYS-PRO-PRO-PHE-ASP-SER-NME in all three (proline CMAP types, ring impropers, charged side
 * chains) and an acpype-like GAFF N-methylacetamide (all parameters inline), against GROMACS 2022.5 double precision
 * (test-data/gromacs-ff, README there).
 */
public class ForceFieldFamiliesTest {

    static final Path DATA = Path.of("test-data/gromacs-ff");

    @ParameterizedTest
    @ValueSource(strings = {"charmm27", "oplsaa", "oplsaa-fourier", "amber-multi", "gromos54a7", "charmm27-gly", "oplsaa-gly",
            "amber-gly", "charmm27-peptide", "oplsaa-peptide", "amber-peptide", "gaff-nma", "gromos54a7-twoatom"})
    void energiesAndForcesMatchGromacsDoublePrecision(String system) {
        Path dir = DATA.resolve(system);
        Topology top = GromacsTopology.read(dir.resolve("topol.top"));
        ForceField ff = ForceField.of(top);
        List<Frame> frames = GroFile.read(dir.resolve("conformations.gro"));
        CsvTable energies = CsvTable.read(dir.resolve("energies.csv"));
        CsvTable forces = CsvTable.read(dir.resolve("forces.csv"));
        assertEquals(frames.size(), energies.rowCount());
        assertEquals(frames.size() * top.atomCount(), forces.rowCount());
        double[] fx = forces.column("fx_kJmolnm"), fy = forces.column("fy_kJmolnm"), fz = forces.column("fz_kJmolnm");
        double worstForce = 0, worstEnergy = 0;
        EnergyTerms terms = new EnergyTerms();
        for (int k = 0; k < frames.size(); k++) {
            double[] f = new double[3 * top.atomCount()];
            ff.energyAndForces(frames.get(k).x(), f, terms);
            double[] values = terms.values();
            for (int t = 0; t < EnergyTerms.NAMES.length; t++) {
                String column = EnergyTerms.NAMES[t] + "_kJmol";
                if (energies.hasColumnAnyUnit(EnergyTerms.NAMES[t])) {
                    worstEnergy = Math.max(worstEnergy, Math.abs(energies.column(column)[k] - values[t]));
                    ForceFieldTest.assertEnergy(energies.column(column)[k], values[t], system + " frame " + k + " " + column);
                } else {
                    assertEquals(0, values[t], 0, system + " has no " + column);
                }
            }
            ForceFieldTest.assertEnergy(energies.column("potential_kJmol")[k], terms.potential(), system + " frame " + k);
            for (int a = 0; a < top.atomCount(); a++) {
                int row = k * top.atomCount() + a;
                double[] ref = {fx[row], fy[row], fz[row]};
                for (int d = 0; d < 3; d++) {
                    worstForce = Math.max(worstForce, Math.abs(ref[d] - f[3 * a + d]));
                    assertEquals(ref[d], f[3 * a + d], 1e-4, system + " frame " + k + " atom " + (a + 1) + " axis " + d);
                }
            }
        }
        System.out.printf("%s (%d atoms, %d frames): worst |dE| of a term %.1e kJ/mol, worst |dF| %.1e kJ/mol/nm%n",
                system, top.atomCount(), frames.size(), worstEnergy, worstForce);
        assertTrue(worstForce < 1e-4);
    }
}

package io.github.mdxai.molecules;

import io.github.mdxai.io.Frame;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.util.CsvTable;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Energies and forces of alanine dipeptide against GROMACS 2022.5 double precision (the tolerances). */
public class ForceFieldTest {

    static final Path ALA2 = Path.of("test-data/ala2");
    static final String[] GMX = {"gmx_Bond", "gmx_Angle", "gmx_Proper_Dih", "gmx_Per_Imp_Dih", "gmx_LJ14",
            "gmx_Coulomb14", "gmx_LJ_SR", "gmx_Coulomb_SR"};

    static void assertEnergy(double expected, double actual, String what) {
        double tol = Math.max(1e-5, 1e-7 * Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }

    @Test
    void processedTopologyMatchesGromacsEnergiesAndForces() {
        checkAgainstGromacs(GromacsTopology.read(ALA2.resolve("processed.top")));
    }

    /** Without energy terms (the integrators' call) the per-term bookkeeping is skipped: same result. */
    @Test
    void withoutTermsGivesTheSameEnergyAndForces() {
        ForceField ff = ForceField.of(GromacsTopology.read(ALA2.resolve("processed.top")));
        for (Frame frame : GroFile.read(ALA2.resolve("conformations.gro"))) {
            double[] x = frame.x();
            double[] withTerms = new double[x.length], without = new double[x.length];
            double e = ff.energyAndForces(x, withTerms, new EnergyTerms());
            assertEquals(e, ff.energyAndForces(x, without, null), 1e-9 * Math.abs(e));
            for (int c = 0; c < x.length; c++) {
                assertEquals(withTerms[c], without[c], 1e-9 * Math.max(1, Math.abs(withTerms[c])), "component " + c);
            }
        }
    }

    public static void checkAgainstGromacs(Topology top) {
        assertEquals(22, top.atomCount());
        assertEquals(21, top.bonds().size());
        assertEquals(36, top.angles().size());
        assertEquals(38, top.properTorsions().size());
        assertEquals(4, top.improperTorsions().size());
        assertEquals(41, top.pairs14().size());
        assertEquals(133, top.nonbonded().size());
        ForceField ff = ForceField.of(top);
        List<Frame> frames = GroFile.read(ALA2.resolve("conformations.gro"));
        CsvTable energies = CsvTable.read(ALA2.resolve("energies.csv"));
        CsvTable forces = CsvTable.read(ALA2.resolve("forces.csv"));
        assertEquals(6, energies.rowCount());
        double[] gfx = forces.column("gmx_fx"), gfy = forces.column("gmx_fy"), gfz = forces.column("gmx_fz");
        double maxForceError = 0;
        for (int frame = 0; frame < energies.rowCount(); frame++) {
            double[] x = frames.get(frame).x();
            double[] f = new double[x.length];
            EnergyTerms terms = new EnergyTerms();
            double potential = ff.energyAndForces(x, f, terms);
            double[] values = terms.values();
            for (int t = 0; t < GMX.length; t++) {
                assertEnergy(energies.column(GMX[t])[frame], values[t], GMX[t] + " frame " + frame);
            }
            assertEnergy(energies.column("gmx_Potential")[frame], potential, "potential frame " + frame);
            for (int a = 0; a < 22; a++) {
                int row = frame * 22 + a;
                maxForceError = Math.max(maxForceError, Math.abs(gfx[row] - f[3 * a]));
                maxForceError = Math.max(maxForceError, Math.abs(gfy[row] - f[3 * a + 1]));
                maxForceError = Math.max(maxForceError, Math.abs(gfz[row] - f[3 * a + 2]));
            }
        }
        assertTrue(maxForceError < 1e-4, "max |F - F_gmx| = " + maxForceError);
    }

    @Test
    void forcesAreMinusTheGradient() {
        Topology top = GromacsTopology.read(ALA2.resolve("processed.top"));
        ForceField ff = ForceField.of(top);
        double[] x = GroFile.read(ALA2.resolve("conformations.gro")).get(4).x();
        double[] f = new double[x.length];
        ff.energyAndForces(x, f, null);
        double[] scratch = new double[x.length];
        double h = 1e-6;
        for (int c = 0; c < x.length; c++) {
            double keep = x[c];
            x[c] = keep + h;
            double ep = ff.energyAndForces(x, scratch, null);
            x[c] = keep - h;
            double em = ff.energyAndForces(x, scratch, null);
            x[c] = keep;
            assertEquals(-(ep - em) / (2 * h), f[c], 1e-3 * Math.max(1, Math.abs(f[c])), "component " + c);
        }
    }

    /**
     * One force field evaluated by several threads at once: each gets the forces it gets alone, to the bit. The
     * angle, torsion and 1-4 terms keep work arrays between their passes; shared ones would mix the threads' data.
     */
    @Test
    void oneForceFieldServesSeveralThreadsAtOnce() throws Exception {
        ForceField ff = ForceField.of(GromacsTopology.read(ALA2.resolve("processed.top")));
        double[] x0 = GroFile.read(ALA2.resolve("conformations.gro")).get(0).x();
        int threads = 4, calls = 20_000;
        List<double[]> configurations = new ArrayList<>();
        List<double[]> alone = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int t = 0; t < threads; t++) {
            double[] x = x0.clone();
            for (int c = 0; c < x.length; c++) {
                x[c] += 0.02 * random.nextGaussian();
            }
            double[] f = new double[x.length + 1];
            f[x.length] = ff.energyAndForces(x, f, null);
            configurations.add(x);
            alone.add(f);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                double[] x = configurations.get(t), expected = alone.get(t);
                mismatches.add(pool.submit(() -> {
                    int wrong = 0;
                    double[] f = new double[x.length + 1];
                    for (int k = 0; k < calls; k++) {
                        f[x.length] = ff.energyAndForces(x, f, null);
                        wrong += Arrays.equals(f, expected) ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> m : mismatches) {
                assertEquals(0, m.get(), "calls whose energy or forces differed from the same call alone");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

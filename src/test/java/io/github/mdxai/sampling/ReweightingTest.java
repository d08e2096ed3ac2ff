package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.Dihedral;
import io.github.mdxai.cv.StatePair;
import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.molecules.Constraints;
import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.LangevinBaoab;
import io.github.mdxai.molecules.State;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.molecules.Velocities;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;
import io.github.mdxai.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reweighted distribution of a short metadynamics run matches a plain (unbiased) Langevin run inside the C7eq
 * basin within statistical error: the share of the basin's weight in its core (-110 &lt; phi &lt; -60, 40 &lt; psi &lt; 110
 * deg) and on its flank towards the saddle (phi &gt; -70 deg: about 0.08 unbiased, twice that in the raw biased
 * frames, which the test checks so that it can fail). Errors are standard errors over time blocks.
 */
class ReweightingTest {

    static final Path ALA2 = Path.of("test-data/ala2");
    static final int STEPS = 200_000;
    static final int INTERVAL = 50;
    static final int BLOCKS = 8;

    @TempDir
    Path dir;

    @Test
    void reweightedMetadynamicsMatchesPlainMdInsideC7eq() {
        Topology top = GromacsTopology.read(ALA2.resolve("processed.top"));
        double[] x0 = GroFile.read(ALA2.resolve("conformations.gro")).get(1).x();
        CollectiveVariable[] phiPsi = {Dihedral.phi(), Dihedral.psi()};
        MetadynamicsRun.run(top, x0, phiPsi, phiPsi, new MetadynamicsRun.Settings(300, 1, 0.002, STEPS, 500, 1.2,
                new double[]{20, 20}, 6, 11, INTERVAL, true, false), dir, Progress.NONE);
        CsvTable colvar = CsvTable.read(dir.resolve("colvar.csv"));
        double[] biased = observables(colvar.column("phi_deg"), colvar.column("psi_deg"), colvar.column("weight"));
        double[] unweighted = observables(colvar.column("phi_deg"), colvar.column("psi_deg"), null);

        int n = STEPS / INTERVAL;
        double[] phi = new double[n], psi = new double[n];
        ForceField ff = ForceField.of(top);
        LangevinBaoab md = new LangevinBaoab(ff, top.masses(), 300, 1, 0.002, Constraints.hydrogenBonds(top));
        State s = new State(x0, null);
        Velocities.maxwellBoltzmann(top.masses(), 300, Rng.stream(12, "v"), s.v);
        md.prime(s);
        SplittableRandom noise = Rng.stream(12, "noise");
        for (int k = 0; k < n; k++) {
            md.run(s, INTERVAL, noise);
            phi[k] = Math.toDegrees(Dihedral.phi().value(s.x));
            psi[k] = Math.toDegrees(Dihedral.psi().value(s.x));
        }
        double[] plain = observables(phi, psi, null);
        String report = String.format("core share: reweighted %.3f +- %.3f, plain %.3f +- %.3f, raw biased %.3f +- %.3f;"
                        + " flank share: reweighted %.3f +- %.3f, plain %.3f +- %.3f, raw biased %.3f +- %.3f",
                biased[0], biased[1], plain[0], plain[1], unweighted[0], unweighted[1],
                biased[2], biased[3], plain[2], plain[3], unweighted[2], unweighted[3]);
        System.out.println(report);
        for (int o = 0; o < 4; o += 2) {
            double error = Math.hypot(biased[o + 1], plain[o + 1]);
            assertTrue(Math.abs(biased[o] - plain[o]) < 3 * error, "reweighted vs plain: " + report);
        }
        // the comparison has power: without the weights the flank share is off by more than the errors
        assertTrue(Math.abs(unweighted[2] - plain[2]) > 3 * Math.hypot(unweighted[3], plain[3]), "raw biased vs plain: " + report);
    }

    /** {core share of the C7eq weight, its block error, flank share, its block error}. */
    static double[] observables(double[] phi, double[] psi, double[] w) {
        StateRegion.Membership c7eq = StatePair.alanineDipeptide().a().in(List.of("phi", "psi"));
        double[] core = new double[BLOCKS], flank = new double[BLOCKS];
        double inAll = 0, coreAll = 0, flankAll = 0;
        int n = phi.length;
        for (int b = 0; b < BLOCKS; b++) {
            double in = 0, inCore = 0, inFlank = 0;
            for (int k = b * n / BLOCKS; k < (b + 1) * n / BLOCKS; k++) {
                double weight = w == null ? 1 : w[k];
                if (c7eq.contains(new double[]{phi[k], psi[k]})) {
                    in += weight;
                    if (phi[k] > -110 && phi[k] < -60 && psi[k] > 40 && psi[k] < 110) {
                        inCore += weight;
                    }
                    if (phi[k] > -70) {
                        inFlank += weight;
                    }
                }
            }
            core[b] = inCore / in;
            flank[b] = inFlank / in;
            inAll += in;
            coreAll += inCore;
            flankAll += inFlank;
        }
        return new double[]{coreAll / inAll, standardError(core), flankAll / inAll, standardError(flank)};
    }

    private static double standardError(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m) / (v.length - 1);
        }
        return Math.sqrt(s / v.length);
    }
}

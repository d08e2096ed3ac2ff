package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.Progress;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Metadynamics of alanine dipeptide on phi/psi at 300 K (2 fs, h-bonds, height 1.2 kJ/mol, sigma 20 deg, pace 500,
 * bias factor 6), printing the time per step: {@code java ... MetadynamicsSpeedDrive steps seed outFolder}.
 */
public final class MetadynamicsSpeedDrive {
    public static void main(String[] args) throws Exception {
        long steps = Long.parseLong(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path out = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("metad-speed");
        Topology top = GromacsTopology.read(Path.of("test-data/ala2/processed.top"));
        double[] x0 = GroFile.read(Path.of("test-data/ala2/conformations.gro")).get(1).x();
        CollectiveVariable[] cvs = CollectiveVariables.parseAtLeastOne("phi psi", top.atomCount());
        MetadynamicsRun.Settings s = new MetadynamicsRun.Settings(300, 1, 0.002, steps, 500, 1.2, new double[]{20, 20},
                6, seed, 250, true, true);
        MetadynamicsRun.Result r = MetadynamicsRun.run(top, x0, cvs, CollectiveVariables.parseAtLeastOne("phi psi theta", 22), s, out, Progress.NONE);
        System.out.printf("%d steps in %.2f s: %.2f us/step, %d hills, %.1f ps%n", steps, r.wallSeconds(),
                1e6 * r.wallSeconds() / steps, r.hills(), r.timePs());
    }
}

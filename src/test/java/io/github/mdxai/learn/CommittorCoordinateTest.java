package io.github.mdxai.learn;

import io.github.mdxai.cv.Distance;
import io.github.mdxai.features.DistanceFeatures;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.LangevinBaoab;
import io.github.mdxai.molecules.State;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.molecules.Velocities;
import io.github.mdxai.sampling.HarmonicRestraint;
import io.github.mdxai.util.Rng;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommittorCoordinateTest {

    static Topology top;
    static double[] x0;

    @BeforeAll
    static void read() {
        NativeThreads.use(1);
        top = GromacsTopology.read(Path.of("test-data/ala2/processed.top"));
        x0 = GroFile.read(Path.of("test-data/ala2/conformations.gro")).get(2).x();
    }

    /** A randomly initialized network of the study's architecture over all 210 distances and phi, psi, theta. */
    @Test
    void restraintForcesOnQMatchFiniteDifferences() {
        DistanceFeatures features = new DistanceFeatures(top);
        double[] mean = features.compute(x0);
        double[] std = new double[mean.length];
        SplittableRandom random = new SplittableRandom(3);
        for (int j = 0; j < std.length; j++) {
            std[j] = j < features.distanceCount() ? 0.02 + 0.1 * random.nextDouble() : 40;
            mean[j] += 0.5 * std[j] * random.nextGaussian();
        }
        NetworkSpec spec = new NetworkSpec(new int[]{400, 200, 400, 200, 400}, "relu", NetworkSpec.MSE, 1, 32, 1e-3, 0, 1, 5);
        CommittorModel model = new CommittorModel(CommittorModel.build(spec, mean.length, false), features.names(),
                new Standardization(mean, std), spec, "pB", Map.of());
        CommittorCoordinate q = new CommittorCoordinate(model, top.atomCount());
        // the double-precision evaluator agrees with DL4J's float network, value and input gradient
        double[] row = features.compute(x0);
        assertEquals(model.q(new double[][]{row})[0], q.value(x0), 1e-5);
        double[] dqdx = new double[row.length];
        model.qAndGradient(row, dqdx);
        double[] dl4j = model.gradientStandardized(new double[][]{new Standardization(mean, std).apply(row)})[0];
        for (int j = 0; j < row.length; j++) {
            assertEquals(dl4j[j] / std[j], dqdx[j], 1e-4 * (1 + Math.abs(dqdx[j])), "feature " + j);
        }
        HarmonicRestraint restraint = new HarmonicRestraint(q, q.value(x0) + 0.3, 100, top.atomCount());
        double[] f = new double[x0.length];
        restraint.addForces(x0, f);
        double h = 1e-6;
        double worst = 0;
        double largest = 0;
        double[] scratch = new double[x0.length];
        for (int c = 0; c < x0.length; c++) {
            double[] xp = x0.clone();
            double[] xm = x0.clone();
            xp[c] += h;
            xm[c] -= h;
            double numeric = -(restraint.addForces(xp, scratch) - restraint.addForces(xm, scratch)) / (2 * h);
            worst = Math.max(worst, Math.abs(numeric - f[c]));
            largest = Math.max(largest, Math.abs(f[c]));
        }
        assertTrue(largest > 1, "the restraint should pull: largest force " + largest);
        assertTrue(worst < 1e-5 * largest, "worst force error " + worst + " of largest force " + largest);
    }

    /**
     * A network built by hand whose q is exactly (d(r6-10) - d(r6-11)) / 0.02 nm, d = change from the start
     * (relu(u) - relu(-u) = u): restrained MD at 300 K keeps q at 0 with the thermal spread sqrt(kT / kappa).
     */
    @Test
    void restrainedSamplesSitOnQZeroWithinTheThermalWidth() {
        Distance r1 = new Distance(5, 9);
        Distance r2 = new Distance(5, 10);
        double[] mean = {r1.value(x0), r2.value(x0)};
        double[] std = {0.01, 0.01};
        NetworkSpec spec = new NetworkSpec(new int[]{2}, "relu", NetworkSpec.MSE, 1, 32, 1e-3, 0, 1, 5);
        MultiLayerNetwork net = CommittorModel.build(spec, 2, false);
        // z_out = 2q = u with u = z1 - z2 = (r1 - m1 - r2 + m2) / 0.01
        net.getLayer(0).setParam("W", Nd4j.createFromArray(new float[][]{{1, -1}, {-1, 1}}));
        net.getLayer(0).setParam("b", Nd4j.createFromArray(new float[][]{{0, 0}}));
        net.getLayer(1).setParam("W", Nd4j.createFromArray(new float[][]{{1}, {-1}}));
        net.getLayer(1).setParam("b", Nd4j.createFromArray(new float[][]{{0}}));
        CommittorModel model = new CommittorModel(net, List.of("r6-10", "r6-11"), new Standardization(mean, std), spec, "pB", Map.of());
        CommittorCoordinate q = new CommittorCoordinate(model, top.atomCount());
        double kappa = 200;
        double temperature = 300;
        double width = HarmonicRestraint.thermalWidth(kappa, temperature);
        ForceField ff = ForceField.of(top).plus(new HarmonicRestraint(q, 0, kappa, top.atomCount()));
        LangevinBaoab md = new LangevinBaoab(ff, top.masses(), temperature, 5, 0.001, null);
        State state = new State(x0, null);
        Velocities.maxwellBoltzmann(top.masses(), temperature, Rng.stream(1, "test-velocities"), state.v);
        md.prime(state);
        SplittableRandom noise = Rng.stream(1, "test-langevin");
        int samples = 2000;
        double sum = 0;
        double sumSq = 0;
        double worstExact = 0;
        for (int step = 1; step <= 2000 + 20 * samples; step++) {
            md.step(state, noise);
            if (step > 2000 && step % 20 == 0) {
                double v = q.value(state.x);
                double exact = ((r1.value(state.x) - mean[0]) - (r2.value(state.x) - mean[1])) / 0.02;
                worstExact = Math.max(worstExact, Math.abs(v - exact));
                sum += v;
                sumSq += v * v;
            }
        }
        double m = sum / samples;
        double sd = Math.sqrt(sumSq / samples - m * m);
        assertTrue(worstExact < 1e-4, "q differs from its defining formula by " + worstExact);
        // the free energy's slope along q shifts the mean by -<dF/dq> / kappa; it stays inside the thermal width
        assertTrue(Math.abs(m) < width, "mean q " + m + ", thermal width " + width);
        assertEquals(1, sd / width, 0.12, "std q " + sd + ", thermal width " + width);
    }
}

package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.cv.StatePair;
import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.figures.SurfacePlot;
import io.github.mdxai.grid.Axis;
import io.github.mdxai.grid.Grid2D;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

/**
 * Analysis of two metadynamics runs (folders from {@link MetadynamicsSpeedDrive}) for the issue-4 note: F(phi, psi)
 * from each, RMS difference over the region below 25 kJ/mol, Delta F(C7ax - C7eq) with block errors, saddle and
 * barrier per run, then (optionally) 2000 transition-region configurations and the figure.
 * {@code java ... FreeEnergyStudyDrive run1 run2 skipPs outFolder [count]}
 */
public final class FreeEnergyStudyDrive {

    public static void main(String[] args) throws Exception {
        Path run1 = Path.of(args[0]), run2 = Path.of(args[1]);
        double skip = Double.parseDouble(args[2]);
        Path out = Path.of(args[3]);
        int count = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Axis ax = Axis.spanning("phi", "deg", -180, 180, 60);
        Axis ay = Axis.spanning("psi", "deg", -180, 180, 60);
        Grid2D[] f = new Grid2D[2];
        MinimumFreeEnergyPath.Path[] paths = new MinimumFreeEnergyPath.Path[2];
        CsvTable[] tables = new CsvTable[2];
        int r = 0;
        for (Path run : List.of(run1, run2)) {
            CsvTable t = CsvTable.read(run.resolve("colvar.csv"));
            tables[r] = t;
            f[r] = Reweighting.surface(t, "phi_deg", "psi_deg", ax, ay, 300, skip);
            paths[r] = MinimumFreeEnergyPath.find(f[r], StatePair.alanineDipeptide().a(), StatePair.alanineDipeptide().b());
            int[] rows = Reweighting.rowsFrom(t, skip);
            double[] phi = Reweighting.select(t.column("phi_deg"), rows), psi = Reweighting.select(t.column("psi_deg"), rows);
            double[][] values = new double[rows.length][];
            for (int k = 0; k < rows.length; k++) {
                values[k] = new double[]{phi[k], psi[k]};
            }
            Reweighting.StateFreeEnergy df = Reweighting.deltaF(values, Reweighting.select(t.column("weight"), rows),
                    List.of("phi", "psi"), StatePair.alanineDipeptide().a(), StatePair.alanineDipeptide().b(), 300, 5);
            MinimumFreeEnergyPath.Path p = paths[r];
            System.out.printf("run %s: %d rows after %.0f ps; dF(C7ax-C7eq) = %.2f +- %.2f kJ/mol (5 blocks); P(A)=%.3f P(B)=%.4f%n",
                    run, rows.length, skip, df.deltaF(), df.standardError(), df.populationA(), df.populationB());
            System.out.printf("   saddle (%.0f, %.0f) deg, F = %.2f; barrier from C7eq min (%.0f,%.0f) = %.2f, from C7ax min (%.0f,%.0f) = %.2f kJ/mol%n",
                    p.saddleX(), p.saddleY(), p.saddleF(), p.x()[0], p.y()[0], p.barrierFromA(),
                    p.x()[p.x().length - 1], p.y()[p.y().length - 1], p.barrierFromB());
            StateRegion.Membership inA = StatePair.alanineDipeptide().a().in(List.of("phi", "psi"));
            StateRegion.Membership inB = StatePair.alanineDipeptide().b().in(List.of("phi", "psi"));
            for (int k = 1; k < p.x().length; k++) {
                boolean a0 = inA.contains(new double[]{p.x()[k - 1], p.y()[k - 1]}), a1 = inA.contains(new double[]{p.x()[k], p.y()[k]});
                boolean b0 = inB.contains(new double[]{p.x()[k - 1], p.y()[k - 1]}), b1 = inB.contains(new double[]{p.x()[k], p.y()[k]});
                if (a0 != a1 || b0 != b1) {
                    System.out.printf("   path crosses the %s boundary at (%.0f, %.0f) F = %.1f -> (%.0f, %.0f) F = %.1f%n",
                            a0 != a1 ? "C7eq" : "C7ax", p.x()[k - 1], p.y()[k - 1], p.f()[k - 1], p.x()[k], p.y()[k], p.f()[k]);
                }
            }
            r++;
        }
        double sum = 0, sumOffset = 0, sumSq = 0;
        int n = 0;
        for (int iy = 0; iy < ay.bins(); iy++) {
            for (int ix = 0; ix < ax.bins(); ix++) {
                float a = f[0].get(ix, iy), b = f[1].get(ix, iy);
                if (Float.isFinite(a) && Float.isFinite(b) && a < 25 && b < 25) {
                    double d = a - b;
                    sum += d * d;
                    sumOffset += d;
                    n++;
                }
            }
        }
        double mean = sumOffset / n;
        for (int iy = 0; iy < ay.bins(); iy++) {
            for (int ix = 0; ix < ax.bins(); ix++) {
                float a = f[0].get(ix, iy), b = f[1].get(ix, iy);
                if (Float.isFinite(a) && Float.isFinite(b) && a < 25 && b < 25) {
                    sumSq += (a - b - mean) * (a - b - mean);
                }
            }
        }
        System.out.printf("RMS F1-F2 over %d bins below 25 kJ/mol: %.2f kJ/mol (minima aligned), %.2f (best offset %.2f); kT = %.3f%n",
                n, Math.sqrt(sum / n), Math.sqrt(sumSq / n), mean, FreeEnergy.kT(300));
        System.out.printf("F at conformations: C7eq(-78,73) %.1f, C5(-155,164) %.1f, alphaR(-64,-35) %.1f, C7ax(68,-62) %.1f, alphaL(59,44) %.1f%n",
                at(f[0], -78, 73), at(f[0], -155, 164), at(f[0], -64, -35), at(f[0], 68, -62), at(f[0], 59, 44));
        for (double upTo : new double[]{1000, 1500, 2000, 3000, 4000, 6000, 8000, 10000}) {
            if (upTo <= skip) {
                continue;
            }
            Grid2D g1 = window(tables[0], ax, ay, skip, upTo), g2 = window(tables[1], ax, ay, skip, upTo);
            double s2 = 0;
            int m = 0;
            for (int iy = 0; iy < ay.bins(); iy++) {
                for (int ix = 0; ix < ax.bins(); ix++) {
                    float a = g1.get(ix, iy), b = g2.get(ix, iy);
                    if (Float.isFinite(a) && Float.isFinite(b) && a < 25 && b < 25) {
                        s2 += (a - b) * (a - b);
                        m++;
                    }
                }
            }
            System.out.printf("data %.0f-%.0f ps: RMS F1-F2 below 25 kJ/mol %.2f kJ/mol over %d bins%n", skip, upTo, Math.sqrt(s2 / m), m);
        }
        io.github.mdxai.grid.GridCsv.write(f[0], out.resolve("fes_run1.csv"));
        io.github.mdxai.grid.GridCsv.write(f[1], out.resolve("fes_run2.csv"));
        describeRegion(f[0], StatePair.alanineDipeptide().a());
        describeRegion(f[0], StatePair.alanineDipeptide().b());
        if (count > 0) {
            MinimumFreeEnergyPath.Path p = paths[0];
            Topology top = GromacsTopology.read(Path.of("test-data/ala2/processed.top"));
            double[][] cv = new double[tables[0].rowCount()][];
            double[] phi = tables[0].column("phi_deg"), psi = tables[0].column("psi_deg");
            for (int k = 0; k < cv.length; k++) {
                cv[k] = new double[]{phi[k], psi[k]};
            }
            int nearest = TransitionRegionSampler.nearest(cv, new double[]{p.saddleX(), p.saddleY()}, new boolean[]{true, true});
            double[] x0 = GroFile.read(run1.resolve("frames.gro")).get(nearest).x();
            CollectiveVariable[] restrained = CollectiveVariables.parseAtLeastOne("phi psi", top.atomCount());
            TransitionRegionSampler.Settings s = new TransitionRegionSampler.Settings(new double[]{p.saddleX(), p.saddleY()},
                    200, count, 500, 10000, 300, 1, 0.002, 7, true);
            TransitionRegionSampler.Result res = TransitionRegionSampler.sample(top, x0, restrained,
                    CollectiveVariables.parseAtLeastOne("phi psi theta", top.atomCount()), s, out, Progress.NONE);
            System.out.printf("%d transition configurations in %.1f s from frame %d; lag-1 autocorrelation phi %.3f psi %.3f theta %.3f%n",
                    count, res.wallSeconds(), nearest, res.lag1Autocorrelation()[0], res.lag1Autocorrelation()[1], res.lag1Autocorrelation()[2]);
            double[] tx = new double[count], ty = new double[count];
            for (int k = 0; k < count; k++) {
                tx[k] = res.cvValues()[k][0];
                ty[k] = res.cvValues()[k][1];
            }
            new SurfacePlot(f[0]).title("F(phi, psi), alanine dipeptide, vacuum, 300 K").range(0, 50).contours(5)
                    .points(tx, ty, Color.WHITE, "transition-region configurations").path(p.x(), p.y()).marker(p.x()[0], p.y()[0], "C7eq")
                    .marker(p.x()[p.x().length - 1], p.y()[p.y().length - 1], "C7ax").marker(p.saddleX(), p.saddleY(), "saddle")
                    .writePng(out.resolve("fes_transition.png"));
        }
    }

    private static Grid2D window(CsvTable t, Axis ax, Axis ay, double from, double to) {
        int[] rows = Reweighting.rowsFrom(t, from);
        double[] time = t.column("time_ps");
        int n = 0;
        while (n < rows.length && time[rows[n]] <= to) {
            n++;
        }
        int[] kept = java.util.Arrays.copyOf(rows, n);
        return FreeEnergy.surface(Reweighting.select(t.column("phi_deg"), kept), Reweighting.select(t.column("psi_deg"), kept),
                Reweighting.select(t.column("weight"), kept), ax, ay, 300);
    }

    private static double at(Grid2D g, double x, double y) {
        return g.get(g.x().bin(x), g.y().bin(y));
    }

    private static void describeRegion(Grid2D g, StateRegion region) {
        StateRegion.Membership m = region.in(List.of("phi", "psi"));
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int iy = 0; iy < g.y().bins(); iy++) {
            for (int ix = 0; ix < g.x().bins(); ix++) {
                if (m.contains(new double[]{g.x().center(ix), g.y().center(iy)}) && Float.isFinite(g.get(ix, iy))) {
                    min = Math.min(min, g.get(ix, iy));
                    max = Math.max(max, g.get(ix, iy));
                }
            }
        }
        System.out.printf("%s: F inside from %.1f to %.1f kJ/mol%n", region, min, max);
    }
}

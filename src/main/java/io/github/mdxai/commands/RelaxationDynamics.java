package io.github.mdxai.commands;

import ij.gui.Plot;
import io.github.mdxai.features.dynamics.RelaxationAnalysis;
import io.github.mdxai.io.ParticleFiles;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * g(r), S_AA(k), MSD, F_s(k, t) and tau_alpha of a soft-sphere trajectory, as CSV tables and PNG plots.
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Particles & Glasses", weight = Menus.PARTICLES), @Menu(label = "Relaxation Dynamics", weight = 3)})
public class RelaxationDynamics implements Command {

    @Parameter(label = "Trajectory (extended XYZ or LAMMPS dump)", style = "file", persist = false,
            description = "frames of the same particles, equally spaced or log-spaced (dynamics.xyz of Simulate Soft-Sphere"
            + " Liquid: F_s sampled from one MD step); type 1 / species A is analysed for F_s")
    private File input;

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(label = "MD time step (tau)", min = "0", persist = false,
            description = "used only when frames carry no Time: frame time = step difference x this")
    private double timestep = 0.005;

    @Parameter(label = "Wave number k for Fs(k,t) (1/sigma; 0 = first peak of S(k) of A-A)", min = "0", persist = false)
    private double k = 0;

    @Parameter(label = "g(r) range (sigma, 0 = half box)", min = "0", persist = false)
    private double rmax = 0;

    @Parameter(label = "g(r) bins", min = "10", max = "100000", persist = false)
    private int grbins = 200;

    @Parameter
    private StatusService statusService;

    @Override
    public void run() {
        Progress p = HostProgress.of(statusService);
        InputException.require(input != null, "input: choose a trajectory file");
        InputException.require(out != null, "out: choose an output folder");
        List<Configuration> frames = ParticleFiles.read(input.toPath());
        RelaxationAnalysis.Result r;
        try {
            r = RelaxationAnalysis.analyse(frames, timestep, k, rmax, grbins, p);
        } catch (InputException e) {
            throw new InputException(input + ": " + e.getMessage());
        }
        Path folder = out.toPath();
        RelaxationAnalysis.write(r, folder);
        writePlots(r, folder);
        p.status(String.format(java.util.Locale.ROOT, "relaxation: tau_alpha = %.4g tau at k = %.4g", r.tauAlpha(),
                r.dynamics().k()));
    }

    private static void writePlots(RelaxationAnalysis.Result r, Path folder) {
        Plot gr = new Plot("g(r)", "r (sigma)", "g(r)");
        Color[] colors = {Color.BLUE, Color.MAGENTA, Color.RED};
        for (int pair = 0; pair < r.rdf().g().length; pair++) {
            gr.setColor(colors[pair % colors.length]);
            gr.addPoints(r.rdf().r(), r.rdf().g()[pair], Plot.LINE);
        }
        gr.setColor(Color.BLACK);
        gr.addLegend(r.rdf().g().length == 3 ? "AA\nAB\nBB" : "pairs");
        double top = 0;
        for (double[] g : r.rdf().g()) {
            for (double v : g) {
                top = Math.max(top, v);
            }
        }
        double[] radii = r.rdf().r();
        gr.setLimits(0, radii[radii.length - 1], 0, 1.05 * top);
        save(gr, folder.resolve("gr.png"));

        double[] t = r.dynamics().time();
        int from = 1; // log time axis: skip t = 0
        double[] lt = java.util.Arrays.copyOfRange(t, from, t.length);
        Plot fs = new Plot("F_s(k,t)", "t (tau)", "F_s(k,t) of A");
        fs.setLogScaleX();
        fs.addPoints(lt, java.util.Arrays.copyOfRange(r.dynamics().fs(), from, t.length), Plot.LINE);
        fs.setColor(Color.GRAY);
        fs.drawLine(lt[0], Math.exp(-1), lt[lt.length - 1], Math.exp(-1));
        fs.setLimits(lt[0], lt[lt.length - 1], 0, 1.05);
        save(fs, folder.resolve("fs.png"));

        Plot msd = new Plot("MSD", "t (tau)", "MSD (sigma^2)");
        msd.setLogScaleX();
        msd.setLogScaleY();
        for (int a = 0; a < r.dynamics().msd().length; a++) {
            msd.setColor(colors[(2 * a) % colors.length]);
            msd.addPoints(lt, java.util.Arrays.copyOfRange(r.dynamics().msd()[a], from, t.length), Plot.LINE);
        }
        msd.setColor(Color.BLACK);
        msd.addLegend(r.dynamics().msd().length == 2 ? "A\nB" : "types");
        save(msd, folder.resolve("msd.png"));
    }

    private static void save(Plot plot, Path file) {
        java.awt.image.BufferedImage image = plot.getImagePlus().getBufferedImage();
        AtomicFiles.write(file, o -> ImageIO.write(image, "png", o));
    }
}

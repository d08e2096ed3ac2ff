package io.github.mdxai.commands;

import io.github.mdxai.features.dynamics.RelaxationAnalysis;
import io.github.mdxai.features.dynamics.RelaxationFigures;
import io.github.mdxai.io.ParticleFiles;
import io.github.mdxai.particles.Configuration;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

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
        RelaxationFigures.write(r, folder);
        p.status(String.format(java.util.Locale.ROOT, "relaxation: tau_alpha = %.4g tau at k = %.4g", r.tauAlpha(),
                r.dynamics().k()));
    }
}

/**
 * Enhanced sampling and free energies: well-tempered metadynamics with its bias on a grid ({@link
 * io.github.mdxai.sampling.Metadynamics}, driven by {@link io.github.mdxai.sampling.MetadynamicsRun}), reweighting
 * to the unbiased ensemble ({@link io.github.mdxai.sampling.Reweighting}), free-energy grids ({@link
 * io.github.mdxai.sampling.FreeEnergy}), the minimum free-energy path and saddle between two states ({@link
 * io.github.mdxai.sampling.MinimumFreeEnergyPath}) and configurations of the transition region ({@link
 * io.github.mdxai.sampling.TransitionRegionSampler}). Two drivers chain them as the commands do:
 * {@link io.github.mdxai.sampling.SurfaceAnalysis} (surface, path, saddle, barriers and Delta F between two states,
 * with their CSV files) and {@link io.github.mdxai.sampling.TransitionRegionRun} (saddle, nearest recorded frame,
 * restrained sampling). The COLVAR of metadynamics holds the pair distances of
 * {@link io.github.mdxai.features.DistanceFeatures} under the same column names as the training table.
 *
 * <p>Choices, and why:
 * <ul>
 * <li>Reweighting by Tiwary-Parrinello c(t): each frame gets exp((V(s,t) - c(t))/kT) with the bias it was sampled
 * under, so the whole run counts, also the filling phase, and the weights serve for any other recorded coordinate
 * (theta, the 210 distances). Final-bias reweighting would need a quasi-static bias and discard the early part.
 * Dropping the first nanosecond (the {@code skip} key) still helps, since c(t) is least accurate while the bias
 * grows fast.</li>
 * <li>The saddle is the highest point of the minimax (bottleneck) path on the grid: exact for the grid, with no
 * string parameters to tune; bins without data are walls.</li>
 * <li>Transition-region configurations come from one Langevin trajectory harmonically restrained at the saddle
 * (or where a {@link io.github.mdxai.sampling.TransitionRegionRun.Recentring} moves it along the path: the
 * committor's p_B = 1/2, since the highest bin of a flat, noisy ridge is a fragile centre), kept every {@code stride} steps. At the default 1 ps stride, the lag-1 autocorrelations of phi, psi and theta of
 * the kept configurations are within about +-0.25 (measured for alanine dipeptide), so neighbours are nearly
 * independent.</li>
 * </ul>
 */
package io.github.mdxai.sampling;

/**
 * Features computed from configurations, as values plus the names they belong to (mdtraj style).
 * {@link io.github.mdxai.features.DistanceFeatures} is the one definition of the molecular pair features: every
 * non-bonded atom pair, named {@code r{i}-{j}_nm} (1-based), used alike for the COLVAR of metadynamics, the training
 * table of the committor network and the PMF in two features. {@code features.structure} holds the particle
 * descriptors (partial g(r), first-shell cut-offs, coordination, Steinhardt q_l, Voronoi volumes) and
 * {@code features.dynamics} the relaxation analysis of trajectories (g(r), S(k), MSD, F_s(k,t), tau_alpha).
 */
package io.github.mdxai.features;

/**
 * Committor shooting at scale. {@link io.github.mdxai.committor.CommittorRun} shoots
 * {@link io.github.mdxai.committor.ShootingParameters#shots()} trajectories from every configuration with fresh
 * Maxwell-Boltzmann velocities until the configuration enters state A or B ({@link io.github.mdxai.committor.CommittorStates},
 * boxes in CV space, read and checked by {@link io.github.mdxai.cv.StatePair}) or t_max passes, and records n_A, n_B, undecided,
 * the mean commit time, p_B = n_B / (n_A + n_B) and its Wilson 95% interval ({@link io.github.mdxai.committor.CommittorEstimate}).
 *
 * <p>Determinism: shot s of configuration c draws velocities and Langevin noise from
 * {@code Rng.stream(seed, "shot", c, s)} only, so files are identical for any thread count, shard split or
 * interruption. Durability: finished configurations go to an append-only journal; the sorted results file is
 * written atomically at the end ({@link io.github.mdxai.committor.CommittorFile}). Shards ({@link io.github.mdxai.committor.ShardSpec})
 * carry the run description (input fingerprints and every parameter) in their header, which
 * {@link io.github.mdxai.committor.CommittorFile#merge} checks.
 *
 * <p>{@link io.github.mdxai.committor.CommittorGuidedCentre} puts the centre of the transition-region sample where
 * short probes along the minimum free-energy path give p_B = 1/2, not at the path's highest bin, which on the flat,
 * noisy ridge of a short metadynamics surface can lie where nearly every shot returns to A.
 */
package io.github.mdxai.committor;

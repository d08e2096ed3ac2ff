/**
 * Periodic particle systems in reduced units: {@link io.github.mdxai.particles.Configuration} snapshots in an
 * orthorhombic {@link io.github.mdxai.particles.Box}; pair potentials as small
 * {@link io.github.mdxai.particles.PairPotential} evaluators used by the one neighbour loop
 * {@link io.github.mdxai.particles.PairForces} (half Verlet list from a cell list, Newton's third law, fixed work
 * blocks so forces do not depend on the thread count); velocity Verlet with an optional Bussi thermostat.
 * A model ({@link io.github.mdxai.particles.ParticleModel}: pair potential, masses, fractions, density and what its
 * state parameter means) is one class listed in {@link io.github.mdxai.particles.ParticleModels}: the Bernu-Hansen
 * soft spheres ({@link io.github.mdxai.particles.SoftSphereMixture}, set by Gamma_eff) and the Kob-Andersen
 * Lennard-Jones mixture ({@link io.github.mdxai.particles.KobAndersen}, set by T). The protocol
 * {@link io.github.mdxai.particles.LiquidProtocol} and the lattice builder take any model.
 */
package io.github.mdxai.particles;

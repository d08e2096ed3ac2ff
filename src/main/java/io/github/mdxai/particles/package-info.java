/**
 * Periodic particle systems in reduced units: {@link io.github.mdxai.particles.Configuration} snapshots in an
 * orthorhombic {@link io.github.mdxai.particles.Box}; pair potentials as small
 * {@link io.github.mdxai.particles.PairPotential} evaluators used by the one neighbour loop
 * {@link io.github.mdxai.particles.PairForces} (half Verlet list from a cell list, Newton's third law, fixed work
 * blocks so forces do not depend on the thread count); velocity Verlet with an optional Bussi thermostat; and the
 * Bernu-Hansen soft-sphere protocol {@link io.github.mdxai.particles.LiquidProtocol}.
 * Another pair potential (e.g. Kob-Andersen Lennard-Jones) is a new PairPotential, not a new loop.
 */
package io.github.mdxai.particles;

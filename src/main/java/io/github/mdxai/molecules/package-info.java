/**
 * Molecular dynamics of small molecules in vacuum, GROMACS units (nm, ps, kJ/mol, amu, e, K).
 *
 * <pre>{@code
 * Topology top = GromacsTopology.read(Path.of("processed.top"));      // or topol.top (GMXLIB or installed GROMACS)
 * ForceField ff = ForceField.of(top);                                  // immutable, thread-safe
 * ForceField biased = ff.plus(bias);                                   // bias: a ForceTerm (x, f) -> energy
 * double e = ff.energyAndForces(x, f, terms);                          // terms: EnergyTerms or null
 *
 * State s = new State(GroFile.read(gro).get(0).x(), null);
 * Velocities.maxwellBoltzmann(top.masses(), 300, Rng.stream(seed, "shot", config, shot), s.v);
 * Integrator md = new LangevinBaoab(ff, top.masses(), 300, 1.0, 0.001, null);  // or Constraints.hydrogenBonds(top)
 * md.prime(s);                                                         // optional: constraints, COM, forces
 * SplittableRandom noise = Rng.stream(seed, "langevin", config, shot);
 * md.step(s, noise);                                                   // s.x, s.v, s.f, s.time updated
 * double phi = Dihedral.phi().value(s.x);                              // radians
 * }</pre>
 *
 * An integrator holds scratch arrays: one per thread. After changing {@code s.x} by hand call
 * {@link io.github.mdxai.molecules.State#positionsChanged()}.
 */
package io.github.mdxai.molecules;

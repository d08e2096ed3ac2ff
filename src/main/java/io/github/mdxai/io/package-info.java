/**
 * Every file format MD_XAI reads or writes for configurations, trajectories and topologies: GROMACS .gro, .top/.itp
 * (with its preprocessor), PDB, LAMMPS data and dump, extended XYZ. Particle configurations and trajectories are read
through one entry point, {@link io.github.mdxai.io.ParticleFiles}, which recognises the format by content. Readers throw
 * {@link io.github.mdxai.util.InputException} naming the file, the line and what was expected. The built-in alanine
 * dipeptide inputs are {@link io.github.mdxai.io.AlanineDipeptide}.
 */
package io.github.mdxai.io;

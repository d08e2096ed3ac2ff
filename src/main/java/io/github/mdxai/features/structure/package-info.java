/**
 * Local structure descriptors of particle configurations in orthorhombic periodic boxes, on primitive arrays
 * (positions interleaved x, y, z; box edge lengths; 0-based species):
 * <ul>
 *   <li>{@link io.github.mdxai.features.structure.NeighborList}: neighbours as CSR arrays with displacement
 *       vectors, by fixed cut-off, per-species-pair cut-offs, k nearest, or LAMMPS's nnn-inside-cut-off;</li>
 *   <li>{@link io.github.mdxai.features.structure.PartialRdf} and
 *       {@link io.github.mdxai.features.structure.ShellCutoffs}: first-shell cut-offs from the first minimum of each
 *       partial g(r);</li>
 *   <li>{@link io.github.mdxai.features.structure.Steinhardt}: q_l, Lechner-Dellago averaged q_l, w_l and w_l hat,
 *       as LAMMPS compute orientorder/atom;</li>
 *   <li>{@link io.github.mdxai.features.structure.Coordination}: coordination numbers per species pair;</li>
 *   <li>{@link io.github.mdxai.features.structure.Voronoi}: plain and radical Voronoi cell volumes;</li>
 *   <li>{@link io.github.mdxai.features.structure.StructureAnalysis}: all of them per particle and frame.</li>
 * </ul>
 * {@link io.github.mdxai.features.structure.DescriptorBenchmark} measures their speed.
 */
package io.github.mdxai.features.structure;

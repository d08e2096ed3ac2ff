package io.github.mdxai.molecules;

/**
 * An extra potential added to a {@link ForceField}, such as a metadynamics bias or a restraint. Positions and forces
 * are interleaved xyz arrays in nm and kJ/mol/nm; the term adds its forces (minus its gradient) into {@code f} and
 * returns its energy in kJ/mol. A term is called from the integrator thread that owns it; a term shared between
 * threads must be safe for concurrent calls.
 */
@FunctionalInterface
public interface ForceTerm {

    double addForces(double[] x, double[] f);
}

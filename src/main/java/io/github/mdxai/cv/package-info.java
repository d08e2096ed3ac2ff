/**
 * Collective variables and states in CV space. A {@link io.github.mdxai.cv.CollectiveVariable} is a function of the
 * positions with its gradient (dihedral, bond angle, distance; radians and nm) that also knows its interface unit
 * (degrees for angles) and its column header in every table ({@code phi_deg}, {@code r6-10_nm}).
 * {@link io.github.mdxai.cv.CollectiveVariables} is the one parser of CV lists as users type them
 * ({@code "phi psi"}, {@code "r6-10, angle5-7-9"}). A {@link io.github.mdxai.cv.StateRegion} is a named box in CV space
 * read from a {@code state,cv,unit,min,max} file; {@link io.github.mdxai.cv.StatePair} is states A and B with the one
 * rule every command applies (two differently named, disjoint states) and the one default, C7eq and C7ax of alanine
 * dipeptide from the bundled test-data/ala2/states.csv.
 */
package io.github.mdxai.cv;

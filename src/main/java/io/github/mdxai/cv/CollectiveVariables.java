package io.github.mdxai.cv;

import io.github.mdxai.util.InputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses lists of collective variables as users type them, separated by spaces or commas: {@code phi}, {@code psi},
 * {@code theta} (alanine dipeptide), {@code r6-10} (distance), {@code angle5-7-9}, {@code dihedral5-7-9-15}, all
 * with 1-based atom numbers. The one parser of CV lists: commands, state files and tables use it.
 */
public final class CollectiveVariables {

    private CollectiveVariables() {
    }

    /** phi, psi and theta are the atom numbers of ACE-ALA-NME as pdb2gmx writes it; other molecules name atoms. */
    private static final int ALANINE_DIPEPTIDE_ATOMS = 22;

    /** The variables of a list, in its order; a blank list gives none, a name given twice is an error. */
    public static List<CollectiveVariable> parse(String spec, int atomCount) {
        List<CollectiveVariable> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (String token : spec.trim().split("[\\s,;]+")) {
            CollectiveVariable cv = parseOne(token.toLowerCase(Locale.ROOT), atomCount);
            InputException.require(seen.add(cv.name()), "collective variable '" + cv.name() + "' appears twice in '" + spec + "'");
            out.add(cv);
        }
        return out;
    }

    /** {@link #parse} for a list that must name at least one variable, e.g. the biased CVs of metadynamics. */
    public static CollectiveVariable[] parseAtLeastOne(String spec, int atomCount) {
        List<CollectiveVariable> cvs = parse(spec, atomCount);
        InputException.require(!cvs.isEmpty(), "expected collective variables such as 'phi psi' or 'r6-10', got '"
                + (spec == null ? "" : spec) + "'");
        return cvs.toArray(new CollectiveVariable[0]);
    }

    private static CollectiveVariable parseOne(String token, int atomCount) {
        CollectiveVariable cv = switch (token) {
            case "phi" -> Dihedral.phi();
            case "psi" -> Dihedral.psi();
            case "theta" -> Dihedral.theta();
            default -> null;
        };
        if (cv != null && atomCount != ALANINE_DIPEPTIDE_ATOMS) {
            throw new InputException("collective variable '" + token + "' names atoms of alanine dipeptide (22 atoms); "
                    + "this molecule has " + atomCount + ": give the atoms instead, as dihedralI-J-K-L (1-based)");
        }
        if (cv == null) {
            String prefix;
            int count;
            if (token.startsWith("dihedral")) {
                prefix = "dihedral";
                count = 4;
            } else if (token.startsWith("angle")) {
                prefix = "angle";
                count = 3;
            } else if (token.startsWith("r")) {
                prefix = "r";
                count = 2;
            } else {
                throw unknown(token);
            }
            String[] parts = token.substring(prefix.length()).split("-");
            if (parts.length != count) {
                throw unknown(token);
            }
            int[] a = new int[count];
            for (int k = 0; k < count; k++) {
                try {
                    a[k] = Integer.parseInt(parts[k]) - 1;
                } catch (NumberFormatException e) {
                    throw unknown(token);
                }
            }
            cv = switch (count) {
                case 2 -> new Distance(a[0], a[1]);
                case 3 -> new Angle(token, a[0], a[1], a[2]);
                default -> new Dihedral(token, a[0], a[1], a[2], a[3]);
            };
        }
        for (int atom : cv.atoms()) {
            if (atom < 0 || atom >= atomCount) {
                throw new InputException("collective variable " + token + " uses atom " + (atom + 1)
                        + ", out of range 1.." + atomCount);
            }
        }
        return cv;
    }

    private static InputException unknown(String token) {
        return new InputException("unknown collective variable '" + token
                + "' (expected phi, psi, theta, rI-J, angleI-J-K or dihedralI-J-K-L with 1-based atom numbers)");
    }
}

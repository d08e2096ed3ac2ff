package io.github.mdxai.io;

/**
 * One structure read from or written to a file: positions (interleaved xyz, nm), optional velocities (nm/ps),
 * optional box (3 numbers for a rectangular box or the 9 of GROMACS' triclinic line, nm), per-atom names, and the
 * line of the file where the frame's atom count or first atom is (for error messages; 0 if not from a file).
 */
public record Frame(String title, int[] residueNumbers, String[] residueNames, String[] atomNames, double[] x,
                    double[] v, double[] box, int line) {

    public int atomCount() {
        return atomNames.length;
    }
}

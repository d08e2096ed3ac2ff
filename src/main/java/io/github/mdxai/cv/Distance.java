package io.github.mdxai.cv;

import java.util.Arrays;

/** Distance between atoms i and j in nm (no periodic images). Atom indices 0-based. */
public final class Distance implements CollectiveVariable {

    private final String name;
    private final int i, j;

    public Distance(String name, int i, int j) {
        this.name = name;
        this.i = i;
        this.j = j;
    }

    /** Named by 1-based indices, e.g. r6-10 for 0-based (5, 9). */
    public Distance(int i, int j) {
        this("r" + (i + 1) + "-" + (j + 1), i, j);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return "nm";
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public int[] atoms() {
        return new int[]{i, j};
    }

    @Override
    public double value(double[] x) {
        double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Override
    public double valueAndGradient(double[] x, double[] grad) {
        Arrays.fill(grad, 0.0);
        double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        grad[3 * i] = dx / r;
        grad[3 * i + 1] = dy / r;
        grad[3 * i + 2] = dz / r;
        grad[3 * j] = -dx / r;
        grad[3 * j + 1] = -dy / r;
        grad[3 * j + 2] = -dz / r;
        return r;
    }
}

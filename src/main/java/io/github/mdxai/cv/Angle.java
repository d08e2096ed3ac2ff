package io.github.mdxai.cv;

import java.util.Arrays;

/** Angle i-j-k at j in radians on [0, pi]. Atom indices 0-based. */
public final class Angle implements CollectiveVariable {

    private final String name;
    private final int i, j, k;

    public Angle(String name, int i, int j, int k) {
        this.name = name;
        this.i = i;
        this.j = j;
        this.k = k;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return "rad";
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public int[] atoms() {
        return new int[]{i, j, k};
    }

    @Override
    public double value(double[] x) {
        return compute(x, null);
    }

    @Override
    public double valueAndGradient(double[] x, double[] grad) {
        Arrays.fill(grad, 0.0);
        return compute(x, grad);
    }

    private double compute(double[] x, double[] grad) {
        int a = 3 * i, b = 3 * j, c = 3 * k;
        double ax = x[a] - x[b], ay = x[a + 1] - x[b + 1], az = x[a + 2] - x[b + 2];
        double bx = x[c] - x[b], by = x[c + 1] - x[b + 1], bz = x[c + 2] - x[b + 2];
        double ab = ax * bx + ay * by + az * bz;
        double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
        double cross = Math.sqrt(cx * cx + cy * cy + cz * cz);
        double theta = Math.atan2(cross, ab);
        if (grad != null) {
            // d theta / d x_i = -(b/(|a||b|) - cos(theta) a/|a|^2) / sin(theta)
            double s = 1.0 / cross;
            double ca = s * ab / (ax * ax + ay * ay + az * az);
            double cb = s * ab / (bx * bx + by * by + bz * bz);
            double gix = ca * ax - s * bx, giy = ca * ay - s * by, giz = ca * az - s * bz;
            double gkx = cb * bx - s * ax, gky = cb * by - s * ay, gkz = cb * bz - s * az;
            grad[a] = gix;
            grad[a + 1] = giy;
            grad[a + 2] = giz;
            grad[c] = gkx;
            grad[c + 1] = gky;
            grad[c + 2] = gkz;
            grad[b] = -gix - gkx;
            grad[b + 1] = -giy - gky;
            grad[b + 2] = -giz - gkz;
        }
        return theta;
    }
}

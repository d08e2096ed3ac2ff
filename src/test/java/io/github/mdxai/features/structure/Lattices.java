package io.github.mdxai.features.structure;

/** Perfect crystals in orthorhombic periodic boxes, for tests. */
final class Lattices {

    final double[] positions;
    final double[] box;

    private Lattices(double[] positions, double[] box) {
        this.positions = positions;
        this.box = box;
    }

    static Lattices fcc(int cells, double a) {
        return replicate(new double[] {0, 0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0.5},
                new double[] {a, a, a}, cells, cells, cells, a);
    }

    static Lattices bcc(int cells, double a) {
        return replicate(new double[] {0, 0, 0, 0.5, 0.5, 0.5}, new double[] {a, a, a}, cells, cells, cells, a);
    }

    /** Ideal hcp (c/a = sqrt(8/3)) in its orthorhombic 4-atom cell a x sqrt(3) a x c. */
    static Lattices hcp(int nx, int ny, int nz, double a) {
        double s3 = Math.sqrt(3);
        double c = Math.sqrt(8.0 / 3.0);
        double[] basis = {0, 0, 0, 0.5, s3 / 2, 0, 0.5, s3 / 6, c / 2, 0, 2 * s3 / 3, c / 2};
        return replicate(basis, new double[] {a, s3 * a, c * a}, nx, ny, nz, a);
    }

    /** Basis in units of a; cell in absolute lengths. A small offset keeps sites off the box faces. */
    private static Lattices replicate(double[] basis, double[] cell, int nx, int ny, int nz, double a) {
        int per = basis.length / 3;
        double[] pos = new double[3 * per * nx * ny * nz];
        int k = 0;
        for (int ix = 0; ix < nx; ix++) {
            for (int iy = 0; iy < ny; iy++) {
                for (int iz = 0; iz < nz; iz++) {
                    for (int b = 0; b < per; b++) {
                        pos[k++] = ix * cell[0] + basis[3 * b] * a + 0.013 * a;
                        pos[k++] = iy * cell[1] + basis[3 * b + 1] * a + 0.017 * a;
                        pos[k++] = iz * cell[2] + basis[3 * b + 2] * a + 0.011 * a;
                    }
                }
            }
        }
        return new Lattices(pos, new double[] {nx * cell[0], ny * cell[1], nz * cell[2]});
    }

    /** A 13-particle icosahedron (centre first, vertices at distance 1) in the middle of a large box. */
    static Lattices icosahedron() {
        double phi = (1 + Math.sqrt(5)) / 2;
        double[][] v = new double[12][];
        int k = 0;
        for (int s1 = -1; s1 <= 1; s1 += 2) {
            for (int s2 = -1; s2 <= 1; s2 += 2) {
                v[k++] = new double[] {0, s1, s2 * phi};
                v[k++] = new double[] {s1, s2 * phi, 0};
                v[k++] = new double[] {s2 * phi, 0, s1};
            }
        }
        double scale = 1 / Math.sqrt(1 + phi * phi);
        double[] pos = new double[39];
        double centre = 10;
        pos[0] = pos[1] = pos[2] = centre;
        for (int i = 0; i < 12; i++) {
            for (int d = 0; d < 3; d++) {
                pos[3 + 3 * i + d] = centre + v[i][d] * scale;
            }
        }
        return new Lattices(pos, new double[] {20, 20, 20});
    }
}

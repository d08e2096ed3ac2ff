package io.github.mdxai.molecules;

/**
 * CMAP energies and forces exactly as GROMACS 2022 computes them: grompp's setup_cmap derives dV/dphi, dV/dpsi and
 * d2V/dphi dpsi at every grid point from natural cubic splines through the grid repeated once around (so the
 * periodic map is read in the middle), and mdrun's cmap_dihs interpolates each cell bicubically from the four
 * corners (the 16 coefficients of a cell are computed here once, with the same operations as mdrun does per call).
 */
final class CmapTerm {

    /** mdrun's cmap_coeff_matrix: the bicubic coefficients of a cell from its corner values and derivatives. */
    private static final int[] COEFF = {
        1, 0, -3, 2, 0, 0, 0, 0, -3, 0, 9, -6, 2, 0, -6, 4, 0, 0, 0, 0, 0, 0, 0, 0,
        3, 0, -9, 6, -2, 0, 6, -4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, -6, 0, 0, -6, 4,
        0, 0, 3, -2, 0, 0, 0, 0, 0, 0, -9, 6, 0, 0, 6, -4, 0, 0, 0, 0, 1, 0, -3, 2,
        -2, 0, 6, -4, 1, 0, -3, 2, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 3, -2, 1, 0, -3, 2,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -3, 2, 0, 0, 3, -2, 0, 0, 0, 0, 0, 0, 3, -2,
        0, 0, -6, 4, 0, 0, 3, -2, 0, 1, -2, 1, 0, 0, 0, 0, 0, -3, 6, -3, 0, 2, -4, 2,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 3, -6, 3, 0, -2, 4, -2, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, -3, 3, 0, 0, 2, -2, 0, 0, -1, 1, 0, 0, 0, 0, 0, 0, 3, -3, 0, 0, -2, 2,
        0, 0, 0, 0, 0, 1, -2, 1, 0, -2, 4, -2, 0, 1, -2, 1, 0, 0, 0, 0, 0, 0, 0, 0,
        0, -1, 2, -1, 0, 1, -2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1, 0, 0, -1, 1,
        0, 0, 0, 0, 0, 0, -1, 1, 0, 0, 2, -2, 0, 0, -1, 1
    };
    private static final double RAD2DEG = 180.0 / Math.PI;

    private final CmapTorsions torsions;
    private final int[] spacing;
    /** Per grid, per cell (phi index major): the 16 bicubic coefficients tc of mdrun. */
    private final double[][] cells;

    CmapTerm(CmapTorsions torsions) {
        this.torsions = torsions;
        int grids = torsions.grids().size();
        spacing = new int[grids];
        cells = new double[grids][];
        for (int gIndex = 0; gIndex < grids; gIndex++) {
            CmapTorsions.Grid grid = torsions.grids().get(gIndex);
            spacing[gIndex] = grid.spacing();
            cells[gIndex] = cellCoefficients(grid.spacing(), derivatives(grid.spacing(), grid.values()));
        }
    }

    /** grompp's setup_cmap: {V, dV/dphi, dV/dpsi, d2V/dphi dpsi} (per degree) at each grid point. */
    static double[] derivatives(int gs, double[] grid) {
        int n2 = 2 * gs;
        double dx = 360.0 / gs;
        double xmin = -180.0 - dx * gs / 2;
        double[] tmpGrid = new double[n2 * n2];
        double[] tmpT2 = new double[n2 * n2];
        double[] u = new double[n2], u2 = new double[n2], yy = new double[n2], y1 = new double[n2];
        for (int i = 0; i < n2; i++) {
            int ii = (i + gs - gs / 2) % gs;
            for (int j = 0; j < n2; j++) {
                int jj = (j + gs - gs / 2) % gs;
                tmpGrid[i * n2 + j] = grid[ii * gs + jj];
            }
        }
        for (int i = 0; i < n2; i++) {
            spline(dx, tmpGrid, i * n2, n2, u, tmpT2, i * n2);
        }
        double[] out = new double[4 * gs * gs];
        double[] vy = new double[2];
        for (int i = gs / 2; i < gs + gs / 2; i++) {
            int ii = i - gs / 2;
            double phi = ii * dx - 180.0;
            for (int j = gs / 2; j < gs + gs / 2; j++) {
                int jj = j - gs / 2;
                double psi = jj * dx - 180.0;
                for (int k = 0; k < n2; k++) {
                    interpolate(xmin, dx, tmpGrid, tmpT2, k * n2, psi, vy);
                    yy[k] = vy[0];
                    y1[k] = vy[1];
                }
                int idx = ii * gs + jj;
                spline(dx, yy, 0, n2, u, u2, 0);
                interpolate(xmin, dx, yy, u2, 0, phi, vy);
                out[idx * 4] = grid[idx];
                out[idx * 4 + 1] = vy[1];
                spline(dx, y1, 0, n2, u, u2, 0);
                interpolate(xmin, dx, y1, u2, 0, phi, vy);
                out[idx * 4 + 2] = vy[0];
                out[idx * 4 + 3] = vy[1];
            }
        }
        return out;
    }

    /** grompp's spline1d: natural cubic spline second derivatives of y[from .. from+n) into y2[to ..]. */
    private static void spline(double dx, double[] y, int from, int n, double[] u, double[] y2, int to) {
        y2[to] = 0.0;
        u[0] = 0.0;
        for (int i = 1; i < n - 1; i++) {
            double p = 0.5 * y2[to + i - 1] + 2.0;
            y2[to + i] = -0.5 / p;
            double q = (y[from + i + 1] - 2.0 * y[from + i] + y[from + i - 1]) / dx;
            u[i] = (3.0 * q / dx - 0.5 * u[i - 1]) / p;
        }
        y2[to + n - 1] = 0.0;
        for (int i = n - 2; i >= 0; i--) {
            y2[to + i] = y2[to + i] * y2[to + i + 1] + u[i];
        }
    }

    /** grompp's interpolate1d: value and derivative at x of the spline of ya[from ..] (second derivatives y2a). */
    private static void interpolate(double xmin, double dx, double[] ya, double[] y2a, int from, double x, double[] out) {
        int ix = (int) ((x - xmin) / dx);
        double a = (xmin + (ix + 1) * dx - x) / dx;
        double b = (x - xmin - ix * dx) / dx;
        int o = from + ix;
        out[0] = a * ya[o] + b * ya[o + 1] + ((a * a * a - a) * y2a[o] + (b * b * b - b) * y2a[o + 1]) * (dx * dx) / 6.0;
        out[1] = (ya[o + 1] - ya[o]) / dx - (3.0 * a * a - 1.0) / 6.0 * dx * y2a[o]
                + (3.0 * b * b - 1.0) / 6.0 * dx * y2a[o + 1];
    }

    /** mdrun's tc of every cell: corners (i, j), (i+1, j), (i+1, j+1), (i, j+1) with periodic wrap. */
    private static double[] cellCoefficients(int gs, double[] d) {
        double dx = 360.0 / gs;
        double[] out = new double[16 * gs * gs];
        double[] tx = new double[16];
        for (int i1 = 0; i1 < gs; i1++) {
            for (int i2 = 0; i2 < gs; i2++) {
                int p1 = (i1 + 1) % gs, p2 = (i2 + 1) % gs;
                int[] pos = {i1 * gs + i2, p1 * gs + i2, p1 * gs + p2, i1 * gs + p2};
                for (int c = 0; c < 4; c++) {
                    tx[c] = d[pos[c] * 4];
                    tx[c + 4] = d[pos[c] * 4 + 1] * dx;
                    tx[c + 8] = d[pos[c] * 4 + 2] * dx;
                    tx[c + 12] = d[pos[c] * 4 + 3] * dx * dx;
                }
                int o = 16 * (i1 * gs + i2);
                for (int idx = 0; idx < 16; idx++) {
                    double s = 0;
                    for (int k = 0; k < 16; k++) {
                        s += COEFF[k * 16 + idx] * tx[k];
                    }
                    out[o + idx] = s;
                }
            }
        }
        return out;
    }

    double evaluate(double[] x, double[] f) {
        if (torsions.size() == 0) {
            return 0;
        }
        double[] g1 = new double[14], g2 = new double[14];
        double total = 0;
        CmapTorsions t = torsions;
        for (int q = 0; q < t.size(); q++) {
            int grid = t.grid()[q];
            int gs = spacing[grid];
            double phi1 = DihedralForms.angle(x, t.i()[q], t.j()[q], t.k()[q], t.l()[q], g1);
            double phi2 = DihedralForms.angle(x, t.j()[q], t.k()[q], t.l()[q], t.m()[q], g2);
            double xphi1 = wrap(phi1 + Math.PI), xphi2 = wrap(phi2 + Math.PI);
            double dxRad = 2 * Math.PI / gs;
            int iphi1 = Math.min((int) (xphi1 / dxRad), gs - 1);
            int iphi2 = Math.min((int) (xphi2 / dxRad), gs - 1);
            double dx = 360.0 / gs;
            double tt = (xphi1 * RAD2DEG - iphi1 * dx) / dx;
            double tu = (xphi2 * RAD2DEG - iphi2 * dx) / dx;
            double[] tc = cells[grid];
            int o = 16 * (iphi1 * gs + iphi2);
            double e = 0, df1 = 0, df2 = 0;
            for (int i = 3; i >= 0; i--) {
                int c = o + i * 4;
                e = tt * e + ((tc[c + 3] * tu + tc[c + 2]) * tu + tc[c + 1]) * tu + tc[c];
                df1 = tu * df1 + (3.0 * tc[o + i + 12] * tt + 2.0 * tc[o + i + 8]) * tt + tc[o + i + 4];
                df2 = tt * df2 + (3.0 * tc[c + 3] * tu + 2.0 * tc[c + 2]) * tu + tc[c + 1];
            }
            double fac = RAD2DEG / dx;
            total += e;
            DihedralForms.spread(f, t.i()[q], t.j()[q], t.k()[q], t.l()[q], g1, df1 * fac);
            DihedralForms.spread(f, t.j()[q], t.k()[q], t.l()[q], t.m()[q], g2, df2 * fac);
        }
        return total;
    }

    /** Into [0, 2 pi), as mdrun's range mangling. */
    private static double wrap(double xphi) {
        if (xphi < 0) {
            return xphi + 2 * Math.PI;
        }
        return xphi >= 2 * Math.PI ? xphi - 2 * Math.PI : xphi;
    }
}

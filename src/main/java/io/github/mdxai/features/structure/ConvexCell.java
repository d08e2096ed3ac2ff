package io.github.mdxai.features.structure;

import java.util.Arrays;

/**
 * A convex polyhedron around the origin, stored as faces (polygons listed counter-clockwise seen from outside),
 * cut down by half-spaces n.p &lt;= d. One instance is reused for many cells; no allocation once buffers have grown.
 * Vertices within a small tolerance of a cutting plane count as on it, so planes through existing vertices (as in
 * perfect crystals) leave the cell as it was instead of adding slivers.
 */
final class ConvexCell {

    private static final double PLANE_TOLERANCE = 1e-12;
    private static final double MERGE_TOLERANCE = 1e-10;

    private int faces;
    private int[] faceStart = new int[64];
    private int[] faceSize = new int[64];
    private int used;
    private double[] px = new double[512];
    private double[] py = new double[512];
    private double[] pz = new double[512];

    // the next state, built during a clip, then swapped in
    private int nextFaces;
    private int[] nextStart = new int[64];
    private int[] nextSize = new int[64];
    private int nextUsed;
    private double[] qx = new double[512];
    private double[] qy = new double[512];
    private double[] qz = new double[512];

    private double[] side = new double[512];
    private int capCount;
    private double[] capX = new double[64];
    private double[] capY = new double[64];
    private double[] capZ = new double[64];
    private double[] capAngle = new double[64];
    private int[] capOrder = new int[64];

    /** The largest vertex distance from the origin times this is the scale of the tolerances. */
    private double scale;
    private double maxRadiusSquared;

    /** Signs of the corners of the six faces of a box, counter-clockwise seen from outside. */
    private static final int[] BOX_CORNERS = {
            1, -1, -1, 1, 1, -1, 1, 1, 1, 1, -1, 1,
            -1, -1, -1, -1, -1, 1, -1, 1, 1, -1, 1, -1,
            -1, 1, -1, -1, 1, 1, 1, 1, 1, 1, 1, -1,
            -1, -1, -1, 1, -1, -1, 1, -1, 1, -1, -1, 1,
            -1, -1, 1, 1, -1, 1, 1, 1, 1, -1, 1, 1,
            -1, -1, -1, -1, 1, -1, 1, 1, -1, 1, -1, -1};

    /** Resets to the box [-hx, hx] x [-hy, hy] x [-hz, hz]. */
    void reset(double hx, double hy, double hz) {
        faces = 6;
        used = 24;
        for (int f = 0; f < 6; f++) {
            faceStart[f] = 4 * f;
            faceSize[f] = 4;
        }
        for (int v = 0; v < 24; v++) {
            px[v] = BOX_CORNERS[3 * v] * hx;
            py[v] = BOX_CORNERS[3 * v + 1] * hy;
            pz[v] = BOX_CORNERS[3 * v + 2] * hz;
        }
        maxRadiusSquared = hx * hx + hy * hy + hz * hz;
        scale = Math.sqrt(maxRadiusSquared);
    }

    boolean isEmpty() {
        return faces == 0;
    }

    int faceCount() {
        return faces;
    }

    /** Squared distance of the farthest vertex from the origin (0 for an empty cell). */
    double maxRadiusSquared() {
        return maxRadiusSquared;
    }

    /**
     * Keeps the part with nx*x + ny*y + nz*z &lt;= d, for a unit normal n.
     *
     * @return true if the plane cut the cell
     */
    boolean clip(double nx, double ny, double nz, double d) {
        if (faces == 0) {
            return false;
        }
        double eps = PLANE_TOLERANCE * scale;
        if (side.length < used) {
            side = new double[2 * used];
        }
        boolean anyOutside = false;
        boolean anyInside = false;
        for (int v = 0; v < used; v++) {
            double s = nx * px[v] + ny * py[v] + nz * pz[v] - d;
            side[v] = s;
            if (s > eps) {
                anyOutside = true;
            } else {
                anyInside = true;
            }
        }
        if (!anyOutside) {
            return false;
        }
        if (!anyInside) {
            faces = 0;
            used = 0;
            maxRadiusSquared = 0;
            return true;
        }
        nextFaces = 0;
        nextUsed = 0;
        capCount = 0;
        double merge2 = MERGE_TOLERANCE * scale * MERGE_TOLERANCE * scale;
        for (int f = 0; f < faces; f++) {
            int start = faceStart[f];
            int size = faceSize[f];
            int outStart = nextUsed;
            for (int k = 0; k < size; k++) {
                int a = start + k;
                int b = start + (k + 1 == size ? 0 : k + 1);
                boolean aIn = side[a] <= eps;
                boolean bIn = side[b] <= eps;
                if (aIn) {
                    emit(px[a], py[a], pz[a], outStart, merge2);
                }
                if (aIn != bIn) {
                    // computed from the inside end in both faces sharing the edge, so both get the same point
                    int in = aIn ? a : b;
                    int out = aIn ? b : a;
                    double t = side[in] / (side[in] - side[out]);
                    t = Math.max(0, Math.min(1, t));
                    double x = px[in] + t * (px[out] - px[in]);
                    double y = py[in] + t * (py[out] - py[in]);
                    double z = pz[in] + t * (pz[out] - pz[in]);
                    emit(x, y, z, outStart, merge2);
                    addCapPoint(x, y, z);
                }
            }
            closeFace(outStart, merge2);
        }
        buildCap(nx, ny, nz, merge2);
        swap();
        maxRadiusSquared = 0;
        for (int v = 0; v < used; v++) {
            maxRadiusSquared = Math.max(maxRadiusSquared, px[v] * px[v] + py[v] * py[v] + pz[v] * pz[v]);
        }
        scale = Math.sqrt(maxRadiusSquared);
        return true;
    }

    /** Volume by fans of signed tetrahedra from the origin. */
    double volume() {
        double sum = 0;
        for (int f = 0; f < faces; f++) {
            int s = faceStart[f];
            double ax = px[s];
            double ay = py[s];
            double az = pz[s];
            for (int k = 1; k + 1 < faceSize[f]; k++) {
                int b = s + k;
                int c = b + 1;
                sum += ax * (py[b] * pz[c] - pz[b] * py[c])
                        + ay * (pz[b] * px[c] - px[b] * pz[c])
                        + az * (px[b] * py[c] - py[b] * px[c]);
            }
        }
        return sum / 6;
    }

    private void emit(double x, double y, double z, int faceBegin, double merge2) {
        if (nextUsed > faceBegin) {
            int last = nextUsed - 1;
            double dx = qx[last] - x;
            double dy = qy[last] - y;
            double dz = qz[last] - z;
            if (dx * dx + dy * dy + dz * dz <= merge2) {
                return;
            }
        }
        if (nextUsed == qx.length) {
            qx = Arrays.copyOf(qx, 2 * nextUsed);
            qy = Arrays.copyOf(qy, 2 * nextUsed);
            qz = Arrays.copyOf(qz, 2 * nextUsed);
        }
        qx[nextUsed] = x;
        qy[nextUsed] = y;
        qz[nextUsed] = z;
        nextUsed++;
    }

    /** Drops a closing duplicate and keeps the face only if it still has three corners. */
    private void closeFace(int begin, double merge2) {
        while (nextUsed - begin >= 2) {
            int last = nextUsed - 1;
            double dx = qx[last] - qx[begin];
            double dy = qy[last] - qy[begin];
            double dz = qz[last] - qz[begin];
            if (dx * dx + dy * dy + dz * dz > merge2) {
                break;
            }
            nextUsed--;
        }
        if (nextUsed - begin < 3) {
            nextUsed = begin;
            return;
        }
        if (nextFaces == nextStart.length) {
            nextStart = Arrays.copyOf(nextStart, 2 * nextFaces);
            nextSize = Arrays.copyOf(nextSize, 2 * nextFaces);
        }
        nextStart[nextFaces] = begin;
        nextSize[nextFaces] = nextUsed - begin;
        nextFaces++;
    }

    private void addCapPoint(double x, double y, double z) {
        if (capCount == capX.length) {
            int n = 2 * capCount;
            capX = Arrays.copyOf(capX, n);
            capY = Arrays.copyOf(capY, n);
            capZ = Arrays.copyOf(capZ, n);
            capAngle = new double[n];
            capOrder = new int[n];
        }
        capX[capCount] = x;
        capY[capCount] = y;
        capZ[capCount] = z;
        capCount++;
    }

    /** The new face in the cutting plane: its corners sorted counter-clockwise around the outward normal n. */
    private void buildCap(double nx, double ny, double nz, double merge2) {
        if (capCount < 3) {
            return;
        }
        double cx = 0;
        double cy = 0;
        double cz = 0;
        for (int k = 0; k < capCount; k++) {
            cx += capX[k];
            cy += capY[k];
            cz += capZ[k];
        }
        cx /= capCount;
        cy /= capCount;
        cz /= capCount;
        // u perpendicular to n, v = n x u, so (u, v, n) is right-handed
        double ax = Math.abs(nx) < 0.6 ? 1 : 0;
        double ay = ax == 1 ? 0 : 1;
        double ux = ny * 0 - nz * ay;
        double uy = nz * ax - nx * 0;
        double uz = nx * ay - ny * ax;
        double un = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= un;
        uy /= un;
        uz /= un;
        double vx = ny * uz - nz * uy;
        double vy = nz * ux - nx * uz;
        double vz = nx * uy - ny * ux;
        for (int k = 0; k < capCount; k++) {
            double dx = capX[k] - cx;
            double dy = capY[k] - cy;
            double dz = capZ[k] - cz;
            capAngle[k] = Math.atan2(vx * dx + vy * dy + vz * dz, ux * dx + uy * dy + uz * dz);
            int slot = k;
            int b = k - 1;
            while (b >= 0 && capAngle[capOrder[b]] > capAngle[slot]) {
                capOrder[b + 1] = capOrder[b];
                b--;
            }
            capOrder[b + 1] = slot;
        }
        int begin = nextUsed;
        for (int k = 0; k < capCount; k++) {
            int s = capOrder[k];
            emit(capX[s], capY[s], capZ[s], begin, merge2);
        }
        closeFace(begin, merge2);
    }

    private void swap() {
        int[] ti = faceStart;
        faceStart = nextStart;
        nextStart = ti;
        ti = faceSize;
        faceSize = nextSize;
        nextSize = ti;
        faces = nextFaces;
        used = nextUsed;
        double[] t = px;
        px = qx;
        qx = t;
        t = py;
        py = qy;
        qy = t;
        t = pz;
        pz = qz;
        qz = t;
    }
}

package io.github.mdxai.committor;

import io.github.mdxai.molecules.Topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 fingerprints of what a run's results depend on: the parsed configurations and the resolved topology
 * (not file bytes, so a reformatted or moved file with the same content is the same input).
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String configurations(List<double[]> configs) {
        Sha sha = new Sha();
        sha.add(configs.size());
        for (double[] x : configs) {
            sha.add(x.length);
            for (double c : x) {
                sha.add(c);
            }
        }
        return sha.hex();
    }

    public static String topology(Topology top) {
        Sha sha = new Sha();
        int n = top.atomCount();
        sha.add(n);
        for (int a = 0; a < n; a++) {
            sha.add(top.atomName(a));
            sha.add(top.atomType(a));
            sha.add(top.mass(a));
            sha.add(top.charge(a));
        }
        addBonds(sha, top.bonds());
        addAngles(sha, top.angles());
        for (Topology.Torsions t : List.of(top.properTorsions(), top.improperTorsions())) {
            sha.add(t.size());
            for (int k = 0; k < t.size(); k++) {
                sha.add(t.i(k));
                sha.add(t.j(k));
                sha.add(t.k(k));
                sha.add(t.l(k));
                sha.add(t.phase(k));
                sha.add(t.force(k));
                sha.add(t.multiplicity(k));
            }
        }
        for (Topology.Pairs p : List.of(top.pairs14(), top.nonbonded())) {
            sha.add(p.size());
            for (int k = 0; k < p.size(); k++) {
                sha.add(p.i(k));
                sha.add(p.j(k));
                sha.add(p.c6(k));
                sha.add(p.c12(k));
                sha.add(p.qq(k));
            }
        }
        addOtherFamilies(sha, top);
        return sha.hex();
    }

    private static void addBonds(Sha sha, Topology.Bonds b) {
        sha.add(b.size());
        for (int k = 0; k < b.size(); k++) {
            sha.add(b.i(k));
            sha.add(b.j(k));
            sha.add(b.b0(k));
            sha.add(b.kb(k));
        }
    }

    private static void addAngles(Sha sha, Topology.Angles an) {
        sha.add(an.size());
        for (int k = 0; k < an.size(); k++) {
            sha.add(an.i(k));
            sha.add(an.j(k));
            sha.add(an.k(k));
            sha.add(an.theta0(k));
            sha.add(an.ktheta(k));
        }
    }

    /**
     * The terms beyond the AMBER forms and the topology's constraints, hashed only when a topology has some, so
     * that fingerprints of AMBER topologies are those they always had.
     */
    private static void addOtherFamilies(Sha sha, Topology top) {
        var cmap = top.cmap();
        int count = top.g96Bonds().size() + top.g96Angles().size() + top.ureyBradleyAngles().size()
                + top.rbTorsions().size() + top.fourierTorsions().size() + top.harmonicImpropers().size() + cmap.size()
                + top.constraints().size();
        if (count == 0) {
            return;
        }
        sha.add("other families");
        for (Topology.Bonds b : List.of(top.g96Bonds(), top.ureyBradleyBonds())) {
            addBonds(sha, b);
        }
        for (Topology.Angles an : List.of(top.g96Angles(), top.ureyBradleyAngles())) {
            addAngles(sha, an);
        }
        for (var rb : List.of(top.rbTorsions(), top.fourierTorsions())) {
            addAll(sha, rb.i(), rb.j(), rb.k(), rb.l());
            addAll(sha, rb.c());
        }
        var h = top.harmonicImpropers();
        addAll(sha, h.i(), h.j(), h.k(), h.l());
        addAll(sha, h.xi0(), h.force());
        addAll(sha, cmap.i(), cmap.j(), cmap.k(), cmap.l(), cmap.m(), cmap.grid());
        for (var grid : cmap.grids()) {
            sha.add(grid.spacing());
            addAll(sha, grid.values());
        }
        var c = top.constraints();
        addAll(sha, c.i(), c.j());
        addAll(sha, c.length());
    }

    private static void addAll(Sha sha, int[]... arrays) {
        for (int[] a : arrays) {
            sha.add(a.length);
            for (int v : a) {
                sha.add(v);
            }
        }
    }

    private static void addAll(Sha sha, double[]... arrays) {
        for (double[] a : arrays) {
            sha.add(a.length);
            for (double v : a) {
                sha.add(v);
            }
        }
    }

    /** The first 16 hex digits of the SHA-256 of a text. */
    public static String shortId(String text) {
        Sha sha = new Sha();
        sha.add(text);
        return sha.hex().substring(0, 16);
    }

    private static final class Sha {
        private final MessageDigest digest;
        private final ByteBuffer buffer = ByteBuffer.allocate(8);

        Sha() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java platform", e);
            }
        }

        void add(long v) {
            buffer.clear();
            buffer.putLong(v);
            digest.update(buffer.array());
        }

        void add(double v) {
            add(Double.doubleToLongBits(v));
        }

        void add(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            add(bytes.length);
            digest.update(bytes);
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}

package io.github.mdxai.learn.graph;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.InputException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Graphs of labelled snapshots with their class names and the shell radii that made them.
 *
 * <h2>File format (.graphs, version 1)</h2>
 * A gzip stream of big-endian {@link DataOutputStream} values:
 * <pre>
 * UTF    "MDXAI-GRAPHS"
 * int    version = 1
 * int    T = number of particle types;  double[T*T] shell radii (row-major, length unit)
 * int    C = number of classes;  C x (UTF name, double temperature)
 * int    G = number of graphs;  G x graph:
 *   int frame, int label (0..C-1), double temperature, byte split (0 train, 1 validation, 2 test)
 *   int N, int E, double[3] box edge lengths
 *   int[N] ids, int[N] types (0-based), float[3N] positions
 *   int[N+1] CSR offsets by receiver, int[E] sender indices, float[3E] edge vectors r_sender - r_receiver
 * </pre>
 * Edge vectors are minimum-image; distances are their lengths. Rotations for augmentation are applied at training
 * time and are not stored.
 */
public record GraphDataset(double[][] shellRadius, List<String> classNames, double[] classTemperatures,
                           List<ParticleGraph> graphs) {

    static final String MAGIC = "MDXAI-GRAPHS";
    static final int VERSION = 1;

    public int numTypes() {
        return shellRadius.length;
    }

    public List<ParticleGraph> split(ParticleGraph.Split which) {
        return graphs.stream().filter(g -> g.split() == which).toList();
    }

    public void write(Path file) {
        AtomicFiles.write(file, raw -> {
            GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
            DataOutputStream out = new DataOutputStream(gz);
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            int t = numTypes();
            out.writeInt(t);
            for (double[] row : shellRadius) {
                for (double r : row) {
                    out.writeDouble(r);
                }
            }
            out.writeInt(classNames.size());
            for (int c = 0; c < classNames.size(); c++) {
                out.writeUTF(classNames.get(c));
                out.writeDouble(classTemperatures[c]);
            }
            out.writeInt(graphs.size());
            for (ParticleGraph g : graphs) {
                out.writeInt(g.frame());
                out.writeInt(g.label());
                out.writeDouble(g.temperature());
                out.writeByte(g.split().ordinal());
                out.writeInt(g.nodeCount());
                out.writeInt(g.edgeCount());
                for (double b : g.box()) {
                    out.writeDouble(b);
                }
                writeInts(out, g.ids());
                writeInts(out, g.types());
                writeFloats(out, g.positions());
                writeInts(out, g.offsets());
                writeInts(out, g.neighbours());
                writeFloats(out, g.edgeVectors());
            }
            out.flush();
            gz.finish();
        });
    }

    /** Reads a .graphs file; a malformed or truncated file is an {@link InputException} naming the graph. */
    public static GraphDataset read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputException.at(file, 0, "no such graph data set file");
        }
        int graphIndex = -1;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw InputException.at(file, 0, "expected an MD_XAI graph data set (" + MAGIC + ")");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw InputException.at(file, 0, "expected graph file version " + VERSION + ", found " + version);
            }
            int t = checkCount(file, in.readInt(), 1, 64, "type count");
            double[][] radii = new double[t][t];
            for (int a = 0; a < t; a++) {
                for (int b = 0; b < t; b++) {
                    radii[a][b] = in.readDouble();
                }
            }
            int classes = checkCount(file, in.readInt(), 1, 1000, "class count");
            List<String> names = new ArrayList<>();
            double[] temps = new double[classes];
            for (int c = 0; c < classes; c++) {
                names.add(in.readUTF());
                temps[c] = in.readDouble();
            }
            int count = checkCount(file, in.readInt(), 0, Integer.MAX_VALUE, "graph count");
            List<ParticleGraph> graphs = new ArrayList<>(Math.min(count, CHUNK));
            for (graphIndex = 0; graphIndex < count; graphIndex++) {
                int frame = in.readInt();
                int label = in.readInt();
                double temperature = in.readDouble();
                int split = in.readByte();
                int n = in.readInt();
                int e = in.readInt();
                if (label < 0 || label >= classes || split < 0 || split > 2 || n < 1 || n > 50_000_000 || e < 0
                        || e > 1_000_000_000 / 3) {
                    throw InputException.at(file, 0, "graph " + graphIndex + ": expected label in 0.." + (classes - 1)
                            + ", split 0..2 and positive node count");
                }
                double[] box = {in.readDouble(), in.readDouble(), in.readDouble()};
                int[] ids = readInts(in, n);
                int[] types = readInts(in, n);
                float[] positions = readFloats(in, 3 * n);
                int[] offsets = readInts(in, n + 1);
                int[] neighbours = readInts(in, e);
                float[] vectors = readFloats(in, 3 * e);
                for (int type : types) {
                    if (type < 0 || type >= t) {
                        throw InputException.at(file, 0, "graph " + graphIndex + ": type " + type + " outside 0.."
                                + (t - 1));
                    }
                }
                for (int k = 0; k < n; k++) {
                    if (offsets[k] > offsets[k + 1]) {
                        throw InputException.at(file, 0, "graph " + graphIndex + ": offsets must not decrease");
                    }
                }
                for (int j : neighbours) {
                    if (j < 0 || j >= n) {
                        throw InputException.at(file, 0, "graph " + graphIndex + ": neighbour index " + j
                                + " outside 0.." + (n - 1));
                    }
                }
                if (offsets[0] != 0 || offsets[n] != e) {
                    throw InputException.at(file, 0, "graph " + graphIndex + ": offsets must run from 0 to " + e);
                }
                graphs.add(new ParticleGraph(frame, label, temperature, ParticleGraph.Split.values()[split], t, ids,
                        types, box, positions, offsets, neighbours, vectors));
            }
            return new GraphDataset(radii, names, temps, graphs);
        } catch (EOFException e) {
            throw InputException.at(file, 0, "file ends early"
                    + (graphIndex >= 0 ? " inside graph " + graphIndex : " in the header"));
        } catch (java.util.zip.ZipException e) {
            throw InputException.at(file, 0, e.getMessage() != null && e.getMessage().contains("GZIP")
                    ? "expected a gzip-compressed MD_XAI graph data set" : "the compressed data is damaged");
        } catch (java.io.UTFDataFormatException e) {
            throw InputException.at(file, 0, "a name in the header is not valid text: the file is damaged");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int checkCount(Path file, int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw InputException.at(file, 0, "expected " + what + " in " + min + ".." + max + ", found " + value);
        }
        return value;
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        for (int v : a) {
            out.writeInt(v);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        for (float v : a) {
            out.writeFloat(v);
        }
    }

    /** Arrays grow with the data actually read, so a damaged count ends early instead of allocating its size. */
    private static final int CHUNK = 1 << 16;

    private static int[] readInts(DataInputStream in, int n) throws IOException {
        int[] a = new int[Math.min(n, CHUNK)];
        for (int i = 0; i < n; i++) {
            if (i == a.length) {
                a = java.util.Arrays.copyOf(a, (int) Math.min(n, 2L * a.length));
            }
            a[i] = in.readInt();
        }
        return a;
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] a = new float[Math.min(n, CHUNK)];
        for (int i = 0; i < n; i++) {
            if (i == a.length) {
                a = java.util.Arrays.copyOf(a, (int) Math.min(n, 2L * a.length));
            }
            a[i] = in.readFloat();
        }
        return a;
    }
}

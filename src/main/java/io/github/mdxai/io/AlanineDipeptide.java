package io.github.mdxai.io;

import io.github.mdxai.molecules.Topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundled alanine dipeptide system (ACE-ALA-NME, amber99sb-ildn, vacuum; 22 atoms) for Study A and the
 * benchmark: topology, reference conformations (frame 0 = energy-minimised, C7eq basin) and, through
 * {@link #resource}, the default states file (read by {@code cv.StatePair}). One copy of each lives in test-data/ala2.
 */
public final class AlanineDipeptide {

    private AlanineDipeptide() {
    }

    public static Topology topology() {
        return resource("processed.top", GromacsTopology::read);
    }

    /** Frames 0-5 of the GROMACS reference: EM, C7eq, C7ax, alphaR, C5beta, PII (6 decimals). */
    public static List<Frame> conformations() {
        return resource("conformations.gro", GroFile::read);
    }

    /** A bundled file (processed.top, em.gro, conformations.gro, states.csv) handed to {@code reader} as a path. */
    public static <T> T resource(String name, java.util.function.Function<Path, T> reader) {
        try (InputStream in = AlanineDipeptide.class.getResourceAsStream("ala2/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource ala2/" + name + " missing from the build");
            }
            Path tmp = Files.createTempFile("mdxai-ala2-", "-" + name);
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return reader.apply(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

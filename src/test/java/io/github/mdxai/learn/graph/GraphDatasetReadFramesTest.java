package io.github.mdxai.learn.graph;

import io.github.mdxai.io.LammpsData;
import io.github.mdxai.particles.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Snapshots for graph data sets are read by content: a LAMMPS data file named .lmp used to be read as a dump. */
class GraphDatasetReadFramesTest {

    @TempDir
    Path tmp;

    @Test
    void lmpDataFileIsReadAsDataNotAsDump() throws Exception {
        Path source = Path.of("test-data/softsphere/config_N1000.data");
        Path lmp = tmp.resolve("config.lmp");
        Files.copy(source, lmp);
        List<Configuration> frames = GraphDatasetBuilder.readFrames(lmp, 1);
        assertEquals(List.of(LammpsData.read(source)), frames);
    }
}

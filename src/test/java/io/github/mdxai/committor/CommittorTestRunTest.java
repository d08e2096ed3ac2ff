package io.github.mdxai.committor;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.LinearCombination;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.sampling.TransitionRegionSampler;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommittorTestRunTest {

    static final Topology TOP = GromacsTopology.read(Path.of("test-data/ala2/processed.top"));
    static final List<double[]> STARTS = Configurations.read(Path.of("test-data/committor/transition.gro"), TOP);

    static CommittorTestRun.Result run(Path out, ShardSpec shard) {
        CollectiveVariable phi = LinearCombination.parse("phi", TOP.atomCount());
        TransitionRegionSampler.Settings sampling = new TransitionRegionSampler.Settings(new double[]{0}, 400, 6, 25, 200,
                300, 1, 0.002, 3, true);
        ShootingParameters shooting = new ShootingParameters(4, 0.2, 300, 3, "langevin", 1, 0.001, "none", 5);
        return CommittorTestRun.run(TOP, STARTS, phi, "phi at 0 deg", sampling, null, shooting, CommittorStates.alanineDipeptide(),
                shard, 2, out, Progress.NONE);
    }

    @Test
    void restrainsShootsAndHistogramsAndAShardedRunGivesTheSameCommittors(@TempDir Path dir) throws Exception {
        CommittorTestRun.Result whole = run(dir.resolve("whole"), ShardSpec.WHOLE);
        assertNotNull(whole.histogram());
        assertEquals(6, whole.histogram().n() + whole.histogram().undetermined());
        CsvTable samples = CsvTable.read(dir.resolve("whole").resolve("surface_configs.csv"));
        assertEquals(6, samples.rowCount());
        for (double phi : samples.column("phi_deg")) {
            // kappa 400 kJ/mol/rad^2: thermal width 4.5 deg
            assertTrue(Math.abs(phi) < 25, "phi " + phi + " deg is far from the dividing value 0");
        }
        Map<String, Object> json = whole.summary();
        Map<?, ?> phiStats = (Map<?, ?>) json.get("restrained_md_phi");
        assertTrue(((Number) phiStats.get("autocorrelation_time_ps")).doubleValue() > 0, phiStats.toString());
        assertEquals(0.05, (Double) json.get("sample_interval_ps"), 1e-12);
        for (String file : List.of("committor_test.csv", "committor_test.json", "committor_test.png", "committors.csv")) {
            assertTrue(Files.isRegularFile(dir.resolve("whole").resolve(file)), file);
        }
        // a rerun reuses the configurations and the committors
        CommittorTestRun.Result again = run(dir.resolve("whole"), ShardSpec.WHOLE);
        assertEquals(0, again.shooting().computedNow());
        // shards shoot the same configurations: merged, they give the same committors
        Path shards = dir.resolve("shards");
        assertNull(run(shards, new ShardSpec(1, 2)).histogram());
        run(shards, new ShardSpec(2, 2));
        CommittorFile.Content merged = CommittorFile.merge(List.of(
                CommittorFile.resultsIn(shards, new ShardSpec(1, 2)), CommittorFile.resultsIn(shards, new ShardSpec(2, 2))));
        CommittorFile.Content single = CommittorFile.read(dir.resolve("whole").resolve("committors.csv"), false);
        assertEquals(single.rows(), merged.rows());
    }
}

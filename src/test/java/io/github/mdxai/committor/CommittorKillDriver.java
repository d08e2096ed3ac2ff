package io.github.mdxai.committor;

import io.github.mdxai.molecules.Topology;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.util.Progress;

import java.nio.file.Path;

/** A committor run in its own JVM, for the test that kills it: TOPOLOGY CONFIGS OUTDIR SHOTS TMAX THREADS. */
public final class CommittorKillDriver {

    private CommittorKillDriver() {
    }

    public static void main(String[] args) {
        Topology top = GromacsTopology.read(Path.of(args[0]));
        CommittorRun run = new CommittorRun(top, Configurations.read(Path.of(args[1]), top), CommittorStates.alanineDipeptide(),
                CommittorRunTest.parameters(Integer.parseInt(args[3]), Double.parseDouble(args[4]), 1),
                ShardSpec.WHOLE, Integer.parseInt(args[5]), Path.of(args[2]));
        run.process(Progress.NONE);
    }
}

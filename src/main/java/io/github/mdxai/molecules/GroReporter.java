package io.github.mdxai.molecules;

import io.github.mdxai.io.GroFile;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Appends each reported state as a frame of a multi-frame .gro trajectory (positions and velocities). */
public final class GroReporter implements Reporter {

    private final Writer out;
    private final Topology topology;
    private final int decimals;
    private final double[] box;

    /** {@code box} (nm, 3 or 9 numbers) is written on every frame; null writes zeros (vacuum). */
    public GroReporter(Writer out, Topology topology, int decimals, double[] box) {
        this.out = out;
        this.topology = topology;
        this.decimals = decimals;
        this.box = box == null ? null : box.clone();
    }

    @Override
    public void report(State state, Integrator integrator) throws IOException {
        String title = String.format(Locale.ROOT, "%s t= %.5f step= %d", topology.title(), state.time, state.step);
        GroFile.writeFrame(out, topology, title, state.x, state.v, box, decimals);
    }
}

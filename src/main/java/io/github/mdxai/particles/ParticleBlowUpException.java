package io.github.mdxai.particles;

import io.github.mdxai.util.InputException;

/** A run whose energy stopped being finite: overlapping particles or a time step that is too long. */
public final class ParticleBlowUpException extends InputException {

    public ParticleBlowUpException(long step, double value) {
        super("the simulation blew up at step " + step + " (energy " + value
                + "): particles overlap or the time step is too long; start from a less dense configuration or lower dt");
    }
}

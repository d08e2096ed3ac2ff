package io.github.mdxai.util;

/**
 * How long work reports progress and learns that it should stop. The science core takes one of these and never
 * touches a UI; the host adapts it to its status bar, the CLI to a text bar on stderr.
 */
public interface Progress {

    /** Fraction of the work done, in [0, 1]. */
    void fraction(double done);

    /** A short line saying what is being done. */
    void status(String text);

    /** True once the user asked to stop; long loops check it and throw {@link CancelledException}. */
    boolean cancelled();

    /** Throws {@link CancelledException} if the user asked to stop. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancelledException();
        }
    }

    /** A sub-range [from, to] of this progress, for one step of a multi-step job. */
    default Progress range(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void fraction(double done) {
                parent.fraction(from + (to - from) * Math.max(0, Math.min(1, done)));
            }

            @Override
            public void status(String text) {
                parent.status(text);
            }

            @Override
            public boolean cancelled() {
                return parent.cancelled();
            }
        };
    }

    /** Reports nothing and never cancels: for tests and library use. */
    Progress NONE = new Progress() {
        @Override
        public void fraction(double done) {
        }

        @Override
        public void status(String text) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}

package io.github.mdxai.util;

/** Thrown by long work when the user cancelled it; files already finished stay valid. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled by the user");
    }
}

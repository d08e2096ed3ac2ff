package io.github.mdxai.commands;

/**
 * Whether the person at the host asked to stop: ImageJ 1.x's Esc key when ImageJ runs. Looked up reflectively so
 * headless runs never load ImageJ's GUI classes.
 */
final class HostCancel {

    private HostCancel() {
    }

    static boolean requested() {
        try {
            Class<?> ij = Class.forName("ij.IJ", false, HostCancel.class.getClassLoader());
            Object instance = ij.getMethod("getInstance").invoke(null);
            return instance != null && (Boolean) ij.getMethod("escapePressed").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }
}

package io.github.mdxai.commands.host;

import org.scijava.Context;

import java.util.function.Supplier;

/**
 * One SciJava Context per JVM, shared by the ImageJ 1.x launchers and the CLI. The thread context class loader is
 * set to the plugin's class loader first: inside ImageJ's plugin class loader ND4J otherwise finds no backend.
 */
public final class Hosts {

    private static Context context;

    private Hosts() {
    }

    public static synchronized Context context() {
        useOwnClassLoader();
        if (context == null) {
            context = new Context();
        }
        return context;
    }

    /** Makes the current thread load services (ND4J backends, SciJava plugins) through this plugin's class loader. */
    public static void useOwnClassLoader() {
        Thread.currentThread().setContextClassLoader(Hosts.class.getClassLoader());
    }

    /** Runs {@code work} with this plugin's class loader as the thread context class loader, then restores the caller's. */
    public static void runWithOwnClassLoader(Runnable work) {
        callWithOwnClassLoader(() -> {
            work.run();
            return null;
        });
    }

    /** {@link #runWithOwnClassLoader} for work that returns a value. */
    public static <T> T callWithOwnClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Hosts.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

package io.github.mdxai.commands.host;

import org.scijava.Context;

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
}

package io.github.mdxai.learn;

import io.github.mdxai.util.InputException;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads ND4J's native code (OpenMP ops and OpenBLAS) may use, for the whole process. On a shared 2-core
 * machine one thread trains the seed-sized network about as fast as two and far more steadily: OpenMP threads spin
 * while they wait for a core that another process holds (measured with OMP_NUM_THREADS: 30 epochs did not finish in 8 minutes with 2 threads under load, took ~1 s each with 1).
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    public static void use(int threads) {
        NativeBackend.require();
        InputException.require(threads >= 1, "threads: expected at least 1, got " + threads);
        apply(threads, threads, threads, threads);
    }

    /**
     * Uses {@code threads} until the returned scope is closed, then puts back what was set before: a command shares
     * the process with the host and with other commands, so it must not leave its setting behind.
     */
    public static Scope scoped(int threads) {
        NativeBackend.require();
        Environment env = Nd4j.getEnvironment();
        Scope before = new Scope(env.maxThreads(), env.maxMasterThreads(), Nd4j.factory().blas().getMaxThreads(),
                nativeOps().ompGetMaxThreads());
        use(threads);
        return before;
    }

    /** The settings in force before {@link #scoped}; closing restores them. */
    public static final class Scope implements AutoCloseable {
        private final int maxThreads;
        private final int masterThreads;
        private final int blasThreads;
        private final int ompThreads;

        private Scope(int maxThreads, int masterThreads, int blasThreads, int ompThreads) {
            this.maxThreads = maxThreads;
            this.masterThreads = masterThreads;
            this.blasThreads = blasThreads;
            this.ompThreads = ompThreads;
        }

        @Override
        public void close() {
            apply(maxThreads, masterThreads, blasThreads, ompThreads);
        }
    }

    private static void apply(int maxThreads, int masterThreads, int blasThreads, int ompThreads) {
        Nd4j.getEnvironment().setMaxThreads(maxThreads);
        Nd4j.getEnvironment().setMaxMasterThreads(masterThreads);
        Nd4j.factory().blas().setMaxThreads(blasThreads);
        nativeOps().setOmpNumThreads(ompThreads);
    }

    private static NativeOps nativeOps() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps();
    }
}

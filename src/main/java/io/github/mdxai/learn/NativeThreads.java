package io.github.mdxai.learn;

import io.github.mdxai.util.InputException;
import org.nd4j.linalg.factory.Nd4j;
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
        InputException.require(threads >= 1, "threads: expected at least 1, got " + threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}

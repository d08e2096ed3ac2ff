package io.github.mdxai.learn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeThreadsTest {

    /** Every thread count NativeThreads sets (ND4J caps its Environment values by OMP_NUM_THREADS, 1 in tests). */
    private static List<Integer> settings() {
        return List.of(Nd4j.getEnvironment().maxThreads(), Nd4j.getEnvironment().maxMasterThreads(),
                Nd4j.factory().blas().getMaxThreads(),
                NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
    }

    @Test
    void aScopedSettingIsRestoredWhenTheScopeCloses() {
        NativeThreads.use(3);
        List<Integer> before = settings();
        assertEquals(3, before.get(2), "OpenBLAS threads");
        assertEquals(3, before.get(3), "OpenMP threads");
        try (NativeThreads.Scope ignored = NativeThreads.scoped(1)) {
            assertEquals(List.of(1, 1, 1, 1), settings());
        }
        assertEquals(before, settings());
        NativeThreads.use(1);
    }
}

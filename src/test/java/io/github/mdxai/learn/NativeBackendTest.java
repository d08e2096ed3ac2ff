package io.github.mdxai.learn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-line message for a platform whose ND4J natives are not on the class path (the tests carry linux's). */
class NativeBackendTest {

    private final ClassLoader loader = NativeBackend.class.getClassLoader();

    @Test
    void theBuildPlatformHasItsNatives() {
        assertEquals("linux-x86_64", NativeBackend.platform(), "the tests run where the build's natives are");
        assertNull(NativeBackend.missing("linux-x86_64", loader));
    }

    @Test
    void anotherPlatformIsNamedWithTheJarsItLacks() throws Exception {
        String m = NativeBackend.missing("macosx-arm64", loader);
        String javacpp = org.bytedeco.javacpp.Loader.getVersion();
        assertTrue(m.startsWith("ND4J has no native backend for macosx-arm64 in this installation: missing "
                + "nd4j-native-1.0.0-M2.1-macosx-arm64.jar, openblas-"), m);
        assertTrue(m.contains("-" + javacpp + "-macosx-arm64.jar, javacpp-" + javacpp + "-macosx-arm64.jar"), m);
        assertTrue(m.contains("install-fiji"), m);
        assertTrue(!m.contains("\n"), "one line");
    }

    @Test
    void aLinkFailureIsExplainedOnlyWhenNativesAreMissing() {
        Throwable failure = new ExceptionInInitializerError(new RuntimeException("ND4J is probably missing dependencies",
                new UnsatisfiedLinkError("no jniopenblas_nolapack in java.library.path")));
        assertTrue(NativeBackend.explain(failure, "windows-x86_64", loader).contains("windows-x86_64"));
        assertNull(NativeBackend.explain(failure, "linux-x86_64", loader), "natives present: not this problem");
        assertNull(NativeBackend.explain(new IllegalStateException("other"), "windows-x86_64", loader));
    }

    @Test
    void libraryFilesFollowJavaCppNaming() {
        assertEquals("libjnind4jcpu.so", NativeBackend.libraryFile("jnind4jcpu", "linux-x86_64"));
        assertEquals("libjnind4jcpu.dylib", NativeBackend.libraryFile("jnind4jcpu", "macosx-arm64"));
        assertEquals("jnind4jcpu.dll", NativeBackend.libraryFile("jnind4jcpu", "windows-x86_64"));
    }
}

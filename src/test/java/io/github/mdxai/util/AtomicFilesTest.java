package io.github.mdxai.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {

    @Test
    void writtenFileHasThePermissionsOfAnOrdinaryFileUnderTheProcessUmask(@TempDir Path dir) throws Exception {
        Path ordinary = dir.resolve("ordinary.txt");
        try (OutputStream out = Files.newOutputStream(ordinary, StandardOpenOption.CREATE_NEW)) {
            out.write('x');
        }
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)));
    }

    @Test
    void underUmask022TheGroupAndOthersCanRead(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder("sh", "-c", "umask 022 && exec \"$0\" -cp \"$1\" '" + Writer.class.getName() + "' \"$2\"",
                java, classpath, target.toString()).redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String log = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), log);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("a,b\n", Files.readString(target));
    }

    @Test
    void noTemporaryFileIsLeftAfterAFailedWriteAndTheOldVersionSurvives(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("table.csv");
        AtomicFiles.writeString(target, "old\n");
        try {
            AtomicFiles.writeText(target, w -> {
                w.write("half");
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.UncheckedIOException expected) {
            // the write failed as it should
        }
        assertEquals("old\n", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
        assertTrue(mode.contains(PosixFilePermission.OWNER_READ));
    }

    /** Writes one small file through AtomicFiles, in a child JVM whose umask the test sets. */
    public static final class Writer {
        private Writer() {
        }

        public static void main(String[] args) {
            AtomicFiles.writeString(Path.of(args[0]), "a,b\n");
        }
    }
}

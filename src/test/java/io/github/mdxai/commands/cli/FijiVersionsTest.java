package io.github.mdxai.commands.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With mvn -Pfiji every runtime library that pom-scijava manages resolves at the version it manages. */
class FijiVersionsTest {

    @BeforeAll
    static void onlyWithTheProfile() {
        FijiProfile.assumeActive();
    }

    @Test
    void everySharedLibraryIsAtPomScijavasVersion() throws Exception {
        Map<String, FijiProfile.Managed> bom = FijiProfile.managed();
        List<String> checked = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (FijiProfile.Resolved jar : FijiProfile.runtime()) {
            jar.managedBy(bom).ifPresent(m -> {
                checked.add(jar.artifact());
                if (!m.version().equals(jar.version())) {
                    differing.add(jar.artifact() + " " + jar.version() + " (pom-scijava: " + m.version() + ")");
                }
            });
        }
        assertEquals(List.of(), differing);
        // The libraries the profile exists for: a BOM change that dropped them would pass vacuously otherwise.
        assertTrue(checked.containsAll(List.of("javacpp", "openblas", "scijava-common", "imglib2", "ij",
                "jackson-databind", "slf4j-api", "commons-math3")), checked.toString());
    }
}

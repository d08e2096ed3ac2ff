package io.github.mdxai.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void notANumberIsReadOnlyWhereTheCallerAllowsIt() throws Exception {
        Path file = dir.resolve("tau.csv");
        CsvTable.write(file, List.of("tau_alpha_tau", "frames"), List.of(new double[] {Double.NaN, 131}));
        CsvTable t = CsvTable.read(file);
        assertTrue(Double.isNaN(t.columnOrNaN("tau_alpha_tau")[0]));
        assertEquals(131, t.columnOrNaN("frames")[0]);
        InputException strict = assertThrows(InputException.class, () -> t.column("tau_alpha_tau"));
        assertTrue(strict.getMessage().contains("tau.csv:2"), strict.getMessage());

        Files.writeString(file, "tau_alpha_tau\nabc\n");
        InputException text = assertThrows(InputException.class, () -> CsvTable.read(file).columnOrNaN("tau_alpha_tau"));
        assertTrue(text.getMessage().contains("'abc'"), text.getMessage());
    }
}

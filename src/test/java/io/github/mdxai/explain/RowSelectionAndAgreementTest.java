package io.github.mdxai.explain;

import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowSelectionAndAgreementTest {

    @Test
    void selectsRowsByAConditionOnOneColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "pB,x\n0.1,1\n0.2,2\n0.5,3\n0.8,4\n0.9,5\n");
        CsvTable t = CsvTable.read(csv);
        assertArrayEquals(new int[]{2}, RowSelection.rows(t, "0.2 < pB < 0.8"));
        assertArrayEquals(new int[]{1, 2, 3}, RowSelection.rows(t, "0.2 <= pB <= 0.8"));
        assertArrayEquals(new int[]{3, 4}, RowSelection.rows(t, "x >= 4"));
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, RowSelection.rows(t, "all"));
        InputException bad = assertThrows(InputException.class, () -> RowSelection.rows(t, "pB between 1 and 2"));
        assertTrue(bad.getMessage().contains("select"));
        InputException missing = assertThrows(InputException.class, () -> RowSelection.rows(t, "0.2 < pb < 0.8"));
        assertTrue(missing.getMessage().contains("'pb'"), missing.getMessage());
        assertThrows(InputException.class, () -> RowSelection.rows(t, "pB > 2"));
    }

    @Test
    void agreementIsOneForTheSameRankingAndCountsSharedTopFeatures() {
        List<String> f = List.of("a", "b", "c", "d", "e");
        Importance one = new Importance("m1", f, new double[]{5, 4, 3, 2, 1});
        Importance same = new Importance("m2", f, new double[]{50, 40, 30, 20, 10});
        Importance reversed = new Importance("m3", f, new double[]{1, 2, 3, 4, 5});
        RankAgreement.Agreement a = RankAgreement.of(one, same, 3);
        assertEquals(1.0, a.spearman(), 1e-12);
        assertEquals(3, a.shared());
        RankAgreement.Agreement r = RankAgreement.of(one, reversed, 2);
        assertEquals(-1.0, r.spearman(), 1e-12);
        assertEquals(0, r.shared());
        assertArrayEquals(new int[]{5, 4, 3, 2, 1}, reversed.ranks());
    }
}

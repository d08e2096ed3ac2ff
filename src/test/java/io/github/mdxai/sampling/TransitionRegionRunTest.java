package io.github.mdxai.sampling;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.CollectiveVariables;
import io.github.mdxai.cv.StatePair;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransitionRegionRunTest {

    @TempDir
    Path dir;

    private CsvTable colvar(String text) throws Exception {
        Path file = dir.resolve("colvar.csv");
        Files.writeString(file, text);
        return CsvTable.read(file);
    }

    @Test
    void aGivenCentreStartsFromTheNearestFrameAcrossPlusMinus180() throws Exception {
        CsvTable c = colvar("time_ps,phi_deg,psi_deg,weight\n0,170,0,1\n1,-179,2,1\n2,0,0,1\n");
        CollectiveVariable[] cvs = CollectiveVariables.parseAtLeastOne("phi psi", 22);
        TransitionRegionRun.Start s = TransitionRegionRun.locate(c, cvs, StatePair.alanineDipeptide(), new double[]{179, 0}, 300, 0, 60);
        assertEquals(1, s.frame(), "-179 is 2 degrees from 179");
        assertArrayEquals(new double[]{179, 0}, s.centre());
        assertNull(s.surface(), "no surface is searched for a given centre");
    }

    @Test
    void theSaddleSearchNeedsTwoAngleCvs() throws Exception {
        CsvTable c = colvar("time_ps,phi_deg,r6-10_nm,weight\n0,170,0.3,1\n");
        InputException one = assertThrows(InputException.class, () -> TransitionRegionRun.locate(c,
                CollectiveVariables.parseAtLeastOne("phi", 22), StatePair.alanineDipeptide(), null, 300, 0, 60));
        assertTrue(one.getMessage().contains("two CVs"), one.getMessage());
        InputException distance = assertThrows(InputException.class, () -> TransitionRegionRun.locate(c,
                CollectiveVariables.parseAtLeastOne("phi r6-10", 22), StatePair.alanineDipeptide(), null, 300, 0, 60));
        assertTrue(distance.getMessage().contains("two angle CVs"), distance.getMessage());
        InputException count = assertThrows(InputException.class, () -> TransitionRegionRun.locate(c,
                CollectiveVariables.parseAtLeastOne("phi r6-10", 22), StatePair.alanineDipeptide(), new double[]{1}, 300, 0, 60));
        assertTrue(count.getMessage().contains("one per restrained CV"), count.getMessage());
    }
}

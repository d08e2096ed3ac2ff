package io.github.mdxai.cv;

import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateRegionTest {

    @TempDir
    Path dir;

    @Test
    void defaultsHoldTheirReferenceConformationsAndAreDisjoint() {
        StateRegion a = StatePair.alanineDipeptide().a();
        StateRegion b = StatePair.alanineDipeptide().b();
        // GROMACS-minimised conformations of ../shared/reference/ala2/conformations_phipsi.txt
        assertTrue(a.contains(new double[]{-78.25, 73.48}), "C7eq");
        assertTrue(a.contains(new double[]{-154.86, 163.69}), "C5 belongs to the beta basin");
        assertTrue(b.contains(new double[]{67.71, -62.26}), "C7ax");
        assertFalse(a.contains(new double[]{-64.15, -34.66}), "alphaR is not C7eq");
        assertFalse(b.contains(new double[]{59.29, 43.87}), "alphaL is not C7ax");
        assertFalse(a.overlaps(b));
        assertFalse(b.overlaps(a));
    }

    @Test
    void theBundledDefaultIsStudyAsC7eqAndC7axBoxes() {
        StatePair states = StatePair.alanineDipeptide();
        assertEquals("C7eq", states.a().name());
        assertEquals(List.of(new StateRegion.Bound("phi", "deg", -180, -50), new StateRegion.Bound("psi", "deg", -15, -165)),
                states.a().bounds());
        assertEquals("C7ax", states.b().name());
        assertEquals(List.of(new StateRegion.Bound("phi", "deg", 35, 85), new StateRegion.Bound("psi", "deg", -100, 20)),
                states.b().bounds());
        assertTrue(states.boundOnly(List.of("psi", "phi")));
        assertFalse(states.boundOnly(List.of("phi", "r6-10")));
    }

    @Test
    void aPairIsExactlyTwoDifferentDisjointStates() throws Exception {
        Path three = dir.resolve("three.csv");
        Files.writeString(three, "state,cv,unit,min,max\nA,phi,deg,-180,-50\nB,phi,deg,35,85\nC,phi,deg,100,120\n");
        assertTrue(assertThrows(InputException.class, () -> StatePair.read(three)).getMessage().contains("expected two states"));
        StateRegion a = new StateRegion("A", List.of(new StateRegion.Bound("phi", "deg", -180, 0)));
        assertThrows(InputException.class, () -> new StatePair(a, new StateRegion("A", List.of(new StateRegion.Bound("phi", "deg", 10, 20)))));
        assertThrows(InputException.class, () -> new StatePair(a, new StateRegion("B", List.of(new StateRegion.Bound("phi", "deg", -10, 20)))));
    }

    @Test
    void periodicIntervalsWrapThrough180() {
        StateRegion r = new StateRegion("w", List.of(new StateRegion.Bound("phi", "deg", 150, -150)));
        assertTrue(r.contains(new double[]{170}));
        assertTrue(r.contains(new double[]{-170}));
        assertTrue(r.contains(new double[]{190}), "190 deg is -170");
        assertTrue(r.contains(new double[]{-180}));
        assertFalse(r.contains(new double[]{0}));
        assertFalse(r.contains(new double[]{149}));
        StateRegion edge = new StateRegion("e", List.of(new StateRegion.Bound("phi", "deg", -180, -100)));
        assertTrue(edge.contains(new double[]{180}), "180 and -180 are one angle");
        StateRegion other = new StateRegion("o", List.of(new StateRegion.Bound("phi", "deg", 175, 179)));
        assertTrue(r.overlaps(other));
        assertFalse(edge.overlaps(other));
        StateRegion at180 = new StateRegion("p", List.of(new StateRegion.Bound("phi", "deg", 120, 180)));
        assertTrue(edge.overlaps(at180), "they share the angle 180 = -180");
    }

    @Test
    void distancesAreNotPeriodicAndOverlapNeedsEverySharedCv() {
        StateRegion a = new StateRegion("A", List.of(new StateRegion.Bound("phi", "deg", -180, 0),
                new StateRegion.Bound("r6-10", "nm", 0.2, 0.3)));
        StateRegion b = new StateRegion("B", List.of(new StateRegion.Bound("phi", "deg", -90, 90),
                new StateRegion.Bound("r6-10", "nm", 0.31, 0.5)));
        assertFalse(a.overlaps(b), "separated in the distance although phi overlaps");
        StateRegion c = new StateRegion("C", List.of(new StateRegion.Bound("psi", "deg", 0, 10)));
        assertTrue(a.overlaps(c), "no shared CV: nothing separates them");
        assertThrows(InputException.class, () -> new StateRegion.Bound("r1-2", "nm", 0.5, 0.4));
    }

    @Test
    void membershipFollowsAnotherCvOrder() {
        StateRegion.Membership m = StatePair.alanineDipeptide().b().in(List.of("theta", "psi", "phi"));
        assertTrue(m.contains(new double[]{0, -62, 68}));
        assertFalse(m.contains(new double[]{0, 68, -62}));
        InputException e = assertThrows(InputException.class, () -> StatePair.alanineDipeptide().b().in(List.of("phi")));
        assertTrue(e.getMessage().contains("psi"), e.getMessage());
    }

    @Test
    void fileRoundTripsAndErrorsNameTheLine() throws Exception {
        Path file = dir.resolve("states.csv");
        StateRegion.write(file, List.of(StatePair.alanineDipeptide().a(), StatePair.alanineDipeptide().b()));
        List<StateRegion> back = StateRegion.read(file);
        assertEquals(2, back.size());
        assertEquals(StatePair.alanineDipeptide().a().bounds(), back.get(0).bounds());
        assertEquals(StatePair.alanineDipeptide().b().bounds(), back.get(1).bounds());
        assertEquals("C7ax", StateRegion.read(file, "C7ax").name());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "state,cv,unit,min,max\nA,phi,deg,-100,-50\nA,psi,rad,0,1\n");
        InputException e = assertThrows(InputException.class, () -> StateRegion.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":3:"), e.getMessage());
        Files.writeString(bad, "state,cv,unit,min,max\nA,phi,deg,-100,x\n");
        e = assertThrows(InputException.class, () -> StateRegion.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":2:"), e.getMessage());
        Files.writeString(bad, "state,cv,unit,min,max\nA,phi,deg,-100,-50\nA,phi,deg,0,50\n");
        e = assertThrows(InputException.class, () -> StateRegion.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":3:"), e.getMessage());
        Files.writeString(bad, "state,cv,min\n");
        e = assertThrows(InputException.class, () -> StateRegion.read(bad));
        assertTrue(e.getMessage().contains("state,cv,unit,min,max"), e.getMessage());
        assertThrows(InputException.class, () -> StateRegion.read(file, "C5"));
    }
}

package io.github.mdxai.features;

import io.github.mdxai.molecules.Topology;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistanceFeaturesTest {

    static final Path ALA2 = Path.of("test-data/ala2");

    @Test
    void alanineDipeptideHas210DistancesPlusDihedrals() {
        Topology top = GromacsTopology.read(ALA2.resolve("processed.top"));
        DistanceFeatures features = new DistanceFeatures(top);
        assertEquals(210, features.distanceCount());
        List<String> names = features.names();
        assertEquals(213, names.size());
        assertTrue(DistanceFeatures.isAlanineDipeptide(top));
        assertEquals(List.of("phi_deg", "psi_deg", "theta_deg"), names.subList(210, 213));
        assertEquals("r1-3_nm", names.get(0), "r1-2 (HH31-CH3) is a bond");
        assertTrue(names.contains("r6-10_nm") && names.contains("r6-11_nm"));
        Set<String> bonds = new HashSet<>();
        for (int b = 0; b < top.bonds().size(); b++) {
            int i = Math.min(top.bonds().i(b), top.bonds().j(b)) + 1, j = Math.max(top.bonds().i(b), top.bonds().j(b)) + 1;
            bonds.add("r" + i + "-" + j + "_nm");
        }
        assertEquals(21, bonds.size());
        for (String bond : bonds) {
            assertFalse(names.contains(bond), bond + " is bonded");
        }
        assertEquals(new HashSet<>(names).size(), names.size());
    }

    @Test
    void valuesMatchCoordinatesAndReferenceDihedrals() {
        Topology top = GromacsTopology.read(ALA2.resolve("processed.top"));
        DistanceFeatures features = new DistanceFeatures(top);
        double[] x = GroFile.read(ALA2.resolve("conformations.gro")).get(1).x();
        double[] values = features.compute(x);
        int k = features.names().indexOf("r6-10_nm"); // 1-based atoms 6 (ACE O) and 10 (ALA HA)
        double dx = x[15] - x[27], dy = x[16] - x[28], dz = x[17] - x[29];
        assertEquals(Math.sqrt(dx * dx + dy * dy + dz * dz), values[k], 1e-15);
        assertTrue(values[k] > 0.2 && values[k] < 0.5, "an intramolecular distance in nm: " + values[k]);
        // conformations_phipsi.txt: frame 1 (C7eq) phi -78.25, psi 73.48
        assertEquals(-78.25, values[210], 0.01);
        assertEquals(73.48, values[211], 0.01);
    }
}

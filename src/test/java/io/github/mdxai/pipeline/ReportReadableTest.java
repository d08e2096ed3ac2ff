package io.github.mdxai.pipeline;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportReadableTest {

    @Test
    void summaryLinesShowRoundedNumbersAndArrayContentsNotObjectIdentities() {
        Map<String, Object> tau = new LinkedHashMap<>();
        tau.put("gamma 0.5", 12.345678);
        Report report = new Report("t")
                .put("gammas", new double[] {0.5, 0.75, 1.0})
                .put("pearson_r_test", 0.18843739598157255)
                .put("n_shots", 8)
                .put("features", List.of("r10-12", "r12-16"))
                .put("tau_alpha", tau)
                .put("tiny", 1.234567e-7)
                .put("json", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .put("pB_0.4_0.6", 0.04204310482647555).put("n", 13));
        assertEquals(String.join("\n",
                "  gammas: [0.5, 0.75, 1]",
                "  pearson_r_test: 0.1884",
                "  n_shots: 8",
                "  features: [r10-12, r12-16]",
                "  tau_alpha: {gamma 0.5: 12.35}",
                "  tiny: 1.235E-7",
                "  json: {pB_0.4_0.6: 0.04204, n: 13}"), report.readable());
    }

    @Test
    void reportLabelsAreWordsWithUnitsAndValuesCarryTheirUncertainty() {
        assertEquals("Delta F (kJ/mol)", Report.label("delta_f_kjmol"));
        assertEquals("Pearson r (test set)", Report.label("pearson_r_test"));
        assertEquals("Number of shots", Report.label("n_shots"));
        assertEquals("p_B in [0.4, 0.6]", Report.label("pB_0.4_0.6"));
        assertEquals("Fraction in [0.4, 0.6]", Report.label("fraction_in_0.4_0.6"));
        assertEquals("Saddle (phi, psi) (deg)", Report.label("saddle_phi_psi_deg"));
        assertEquals("7.5 ± 1.0", Report.withUncertainty(7.492626824439523, 1.0423590022048221));
        assertEquals("0.0750 ± 0.0044", Report.withUncertainty(0.075, 0.00437));
        assertEquals("1650 ± 120", Report.withUncertainty(1648.5, 123.4));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("delta_f_kjmol", 7.4926);
        results.put("delta_f_error_kjmol", 0.4417);
        results.put("barrier_kjmol", 36.26861572265625);
        Map<String, String> rows = Report.rows(results, new com.fasterxml.jackson.databind.ObjectMapper());
        assertEquals(List.of("Delta F (kJ/mol)", "Barrier (kJ/mol)"), List.copyOf(rows.keySet()));
        assertEquals("7.49 ± 0.44", rows.get("Delta F (kJ/mol)"));
        assertEquals("36.27", rows.get("Barrier (kJ/mol)"));
    }
}

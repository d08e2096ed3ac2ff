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
}

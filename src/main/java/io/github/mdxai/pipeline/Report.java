package io.github.mdxai.pipeline;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.Versions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's summary.json and its self-contained report.html: key results, figures embedded as PNG, parameters,
 * library versions and timings per step.
 */
public final class Report {

    private final String title;
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final List<String[]> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String title) {
        this.title = title;
    }

    /** A key result, written to summary.json and shown in the report's table. */
    public Report put(String key, Object value) {
        summary.put(key, value);
        return this;
    }

    public Map<String, Object> summary() {
        return summary;
    }

    /**
     * The key results for people, one "key: value" per line: numbers to 4 significant digits, arrays and lists as
     * [a, b], nested tables as {key: value}. summary.json keeps the full precision.
     */
    public String readable() {
        StringBuilder text = new StringBuilder();
        summary.forEach((key, value) -> text.append("  ").append(key).append(": ").append(readable(value)).append('\n'));
        return text.toString().stripTrailing();
    }

    static String readable(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (!Double.isFinite(v) || v == Math.rint(v) && Math.abs(v) < 1e6) {
                return v == Math.rint(v) && Double.isFinite(v) ? Long.toString((long) v) : Double.toString(v);
            }
            return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toString();
        }
        if (value instanceof JsonNode node) {
            if (node.isArray()) {
                List<Object> items = new ArrayList<>();
                node.forEach(items::add);
                return readable(items);
            }
            if (node.isObject()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
                return readable(fields);
            }
            return node.isMissingNode() || node.isNull() ? "none" : node.isNumber() ? readable(node.doubleValue())
                    : node.isTextual() ? node.asText() : node.toString();
        }
        if (value instanceof double[] array) {
            return readable(java.util.Arrays.stream(array).boxed().toList());
        }
        if (value instanceof int[] array) {
            return java.util.Arrays.toString(array);
        }
        if (value instanceof Object[] array) {
            return readable(List.of(array));
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(Report::readable).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + readable(e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    /** A PNG figure (skipped with a note if the file is missing) and its caption. */
    public Report figure(Path png, String caption) {
        figures.add(new String[] {png.toString(), caption});
        return this;
    }

    /** A sentence for the report (e.g. how a result compares with the seed). */
    public Report note(String text) {
        notes.add(text);
        return this;
    }

    public void write(Path out, List<Pipeline.StepRecord> steps, Map<String, Object> parameters) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>(summary);
        json.put("parameters", parameters);
        json.put("versions", Versions.all());
        Map<String, Object> timings = new LinkedHashMap<>();
        for (Pipeline.StepRecord step : steps) {
            timings.put(step.name(), step.seconds());
        }
        json.put("step_seconds", timings);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(out.resolve("summary.json"), mapper.writeValueAsString(json));
        AtomicFiles.writeString(out.resolve("report.html"), html(steps, parameters, mapper));
    }

    private String html(List<Pipeline.StepRecord> steps, Map<String, Object> parameters, ObjectMapper mapper) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(title)).append("</title>")
                .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}")
                .append("figure{display:inline-block;margin:1em;vertical-align:top}img{max-width:520px}</style></head><body>");
        h.append("<h1>").append(escape(title)).append("</h1>");
        h.append("<h2>Results</h2><table>");
        for (Map.Entry<String, Object> e : summary.entrySet()) {
            h.append("<tr><th>").append(escape(e.getKey())).append("</th><td>")
                    .append(escape(mapper.writeValueAsString(e.getValue()))).append("</td></tr>");
        }
        h.append("</table>");
        for (String note : notes) {
            h.append("<p>").append(escape(note)).append("</p>");
        }
        h.append("<h2>Figures</h2>");
        for (String[] figure : figures) {
            Path png = Path.of(figure[0]);
            h.append("<figure>");
            if (Files.isRegularFile(png)) {
                h.append("<img alt=\"").append(escape(figure[1])).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append("\">");
            } else {
                h.append("<p>(figure missing: ").append(escape(png.getFileName().toString())).append(")</p>");
            }
            h.append("<figcaption>").append(escape(figure[1])).append("</figcaption></figure>");
        }
        h.append("<h2>Steps</h2><table><tr><th>step</th><th>seconds</th><th>status</th><th>parameters</th></tr>");
        for (Pipeline.StepRecord s : steps) {
            h.append("<tr><td>").append(escape(s.name())).append("</td><td>").append(String.format("%.1f", s.seconds()))
                    .append("</td><td>").append(s.skipped() ? "unchanged (from an earlier run)" : "ran")
                    .append("</td><td>").append(escape(mapper.writeValueAsString(s.parameters()))).append("</td></tr>");
        }
        h.append("</table><h2>Parameters and versions</h2><pre>")
                .append(escape(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(parameters))).append("\n")
                .append(escape(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(Versions.all()))).append("</pre>");
        h.append("</body></html>\n");
        return h.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

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
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title)).append("</title>")
                .append("<style>body{font-family:sans-serif;font-size:16px;line-height:1.4;max-width:1840px;margin:2em auto;")
                .append("padding:0 1em;color:#222}table{border-collapse:collapse;margin:0.5em 0}")
                .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:left;vertical-align:top}th{background:#f4f4f4}")
                .append("td table{margin:0}td td,td th{border-color:#e2e2e2;font-size:15px}")
                // figures at one image pixel per CSS pixel, so their 15-px text stays at least 11 pt; wide ones scroll
                .append("p,h1{max-width:1100px}figure{display:inline-block;vertical-align:top;margin:1.5em 1.5em 1.5em 0;")
                .append("max-width:100%;overflow-x:auto}figure img{display:block;max-width:none}")
                .append("figcaption{margin-top:0.4em;font-size:15px;color:#444;max-width:760px}.missing{color:#a00}</style></head><body>");
        h.append("<h1>").append(escape(title)).append("</h1>");
        h.append("<h2>Results</h2><table>");
        for (Map.Entry<String, String> e : rows(summary, mapper).entrySet()) {
            h.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(e.getValue()).append("</td></tr>");
        }
        h.append("</table>");
        for (String note : notes) {
            h.append("<p>").append(escape(note)).append("</p>");
        }
        h.append("<h2>Figures</h2>");
        int number = 0;
        for (String[] figure : figures) {
            Path png = Path.of(figure[0]);
            number++;
            h.append("<figure>");
            if (Files.isRegularFile(png)) {
                h.append("<img alt=\"").append(escape(figure[1])).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append("\">");
            } else {
                h.append("<p class=\"missing\">(figure missing: ").append(escape(png.getFileName().toString())).append(")</p>");
            }
            h.append("<figcaption><b>Figure ").append(number).append(".</b> ").append(escape(figure[1]))
                    .append("</figcaption></figure>");
        }
        h.append("<h2>Steps</h2><table><tr><th>step</th><th>time (s)</th><th>status</th><th>parameters</th></tr>");
        for (Pipeline.StepRecord s : steps) {
            h.append("<tr><td>").append(escape(s.name())).append("</td><td>").append(String.format(java.util.Locale.ROOT, "%.1f", s.seconds()))
                    .append("</td><td>").append(s.skipped() ? "unchanged (from an earlier run)" : "ran")
                    .append("</td><td>").append(inline(s.parameters(), mapper)).append("</td></tr>");
        }
        h.append("</table><h2>Parameters</h2>").append(cell(parameters, mapper))
                .append("<h2>Versions</h2><table>");
        Versions.all().forEach((k, v) -> h.append("<tr><th>").append(escape(k)).append("</th><td>")
                .append(escape(String.valueOf(v))).append("</td></tr>"));
        h.append("</table>");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** Unit suffixes of result keys and how people write them. */
    private static final Map<String, String> UNITS = Map.of("kjmol", "kJ/mol", "deg", "deg", "nm", "nm", "ps", "ps",
            "k", "K", "s", "s", "seconds", "s", "tau", "tau");
    /** Suffixes that name the uncertainty of the key without them. */
    private static final List<String> ERRORS = List.of("error", "err", "se", "standard_error", "std");

    /**
     * Rows for people: labels instead of keys (words, the unit in parentheses), a value and its uncertainty on one
     * row ("x_kjmol" with "x_error_kjmol" becomes "x (kJ/mol): 7.49 ± 0.44"), numbers rounded; as HTML cells.
     */
    static Map<String, String> rows(Map<String, ?> values, ObjectMapper mapper) {
        Map<String, String> rows = new LinkedHashMap<>();
        java.util.Set<String> merged = new java.util.HashSet<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            String key = e.getKey();
            if (merged.contains(key)) {
                continue;
            }
            String error = errorKey(key, values);
            Object value = plain(e.getValue(), mapper);
            if (error != null && value instanceof Number v && plain(values.get(error), mapper) instanceof Number u) {
                merged.add(error);
                rows.put(label(key), escape(withUncertainty(v.doubleValue(), u.doubleValue())));
            } else {
                rows.put(label(key), cell(value, mapper));
            }
        }
        return rows;
    }

    private static String errorKey(String key, Map<String, ?> values) {
        String[] split = splitUnit(key);
        for (String suffix : ERRORS) {
            String candidate = split[0] + "_" + suffix + (split[1] == null ? "" : "_" + split[1]);
            if (!candidate.equals(key) && values.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** {name, unit suffix or null}: "delta_f_kjmol" gives {"delta_f", "kjmol"}. */
    private static String[] splitUnit(String key) {
        int cut = key.lastIndexOf('_');
        if (cut > 0 && UNITS.containsKey(key.substring(cut + 1).toLowerCase(java.util.Locale.ROOT))) {
            return new String[]{key.substring(0, cut), key.substring(cut + 1)};
        }
        return new String[]{key, null};
    }

    /** A key as people read it: "delta_f_error_kjmol" gives "Delta F error (kJ/mol)", "n_shots" "number of shots". */
    static String label(String key) {
        String[] split = splitUnit(key);
        String words = (" " + split[0].replace('_', ' ') + " ")
                .replace(" n ", " number of ").replace(" pB half ", " p_B = 0.5 ").replace(" pB ", " p_B ")
                .replace(" delta f ", " Delta F ").replace(" pearson r ", " Pearson r ").replace(" spearman ", " Spearman ")
                .replace(" tau alpha ", " tau_alpha ").replace(" phi psi ", " (phi, psi) ").replace(" cv ", " CV ")
                .replace(" top20 ", " (top 20) ").replace(" lime ", " LIME ").replace(" shap ", " SHAP ").replace(" pmf ", " PMF ").strip()
                .replaceAll("(\\d*\\.?\\d+) (\\d*\\.?\\d+)$", "in [$1, $2]").replace("in in [", "in [");
        if (words.endsWith(" test")) {
            words = words.substring(0, words.length() - 5) + " (test set)";
        }
        if (words.equals("number of")) {
            return "n";
        }
        String unit = split[1] == null ? "" : " (" + UNITS.get(split[1].toLowerCase(java.util.Locale.ROOT)) + ")";
        // symbols such as p_B or tau_alpha keep their case
        boolean symbol = words.split(" ")[0].contains("_");
        return words.isEmpty() ? key : (symbol ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1)) + unit;
    }

    /** "7.49 ± 0.44": the uncertainty to two significant digits, the value to the same decimal place. */
    static String withUncertainty(double value, double uncertainty) {
        if (!Double.isFinite(value) || !Double.isFinite(uncertainty) || uncertainty <= 0) {
            return readable(value) + (Double.isFinite(uncertainty) ? " ± " + readable(uncertainty) : "");
        }
        int scale = 1 - (int) Math.floor(Math.log10(uncertainty)); // decimals; negative: round to tens, hundreds, ...
        return round(value, scale) + " ± " + round(uncertainty, scale);
    }

    private static String round(double v, int scale) {
        return new java.math.BigDecimal(v).setScale(scale, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** JSON trees as plain maps, lists, numbers and strings. */
    private static Object plain(Object value, ObjectMapper mapper) {
        return value instanceof JsonNode node ? mapper.convertValue(node, Object.class) : value;
    }

    /** A value as HTML: numbers rounded, lists comma-separated, tables (maps, lists of maps) as nested tables. */
    static String cell(Object value, ObjectMapper mapper) {
        value = plain(value, mapper);
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            if (fields.get("mean") instanceof Number m && fields.get("std") instanceof Number sd) {
                fields.remove("std");
                fields.put("mean", withUncertainty(m.doubleValue(), sd.doubleValue()) + " (± 1 standard deviation)");
            }
            StringBuilder t = new StringBuilder("<table>");
            rows(fields, mapper).forEach((k, v) -> t.append("<tr><th>").append(escape(k)).append("</th><td>").append(v).append("</td></tr>"));
            return t.append("</table>").toString();
        }
        if (value instanceof java.util.Collection<?> list && !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?>)) {
            List<String> columns = new ArrayList<>();
            list.forEach(i -> ((Map<?, ?>) i).keySet().forEach(k -> {
                if (!columns.contains(String.valueOf(k))) {
                    columns.add(String.valueOf(k));
                }
            }));
            StringBuilder t = new StringBuilder("<table><tr>");
            columns.forEach(c -> t.append("<th>").append(escape(label(c))).append("</th>"));
            t.append("</tr>");
            for (Object item : list) {
                t.append("<tr>");
                columns.forEach(c -> t.append("<td>").append(cell(((Map<?, ?>) item).get(c), mapper)).append("</td>"));
                t.append("</tr>");
            }
            return t.append("</table>").toString();
        }
        if (value == null) {
            return "none";
        }
        String text = readable(value);
        if (value instanceof java.util.Collection<?> || value instanceof double[] || value instanceof Object[]) {
            text = text.substring(1, text.length() - 1); // [a, b] without brackets
        }
        return escape(text.equals("NaN") ? "not available (NaN)" : text);
    }

    /** Step parameters on one line: "label = value; ...". */
    private static String inline(Map<String, Object> values, ObjectMapper mapper) {
        StringBuilder t = new StringBuilder();
        values.forEach((k, v) -> {
            Object p = plain(v, mapper);
            t.append(t.length() == 0 ? "" : "; ").append(escape(k)).append(" = ")
                    .append(p instanceof Map<?, ?> || p instanceof java.util.Collection<?> ? escape(readable(p)) : cell(p, mapper));
        });
        return t.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.github.mdxai.pipeline;

import io.github.mdxai.figures.ScatterPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report is a web page: headless Chromium loads it and a script counts the images that did not decode
 * (naturalWidth 0). Skipped where Debian's chromium is not installed (.ci/run installs it).
 */
class ReportRenderTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Appended to a copy of the page: after load, the body carries the number of images and of broken ones. */
    private static final String PROBE = "<script>window.addEventListener('load', () => {"
            + "const broken = [...document.images].filter(i => !(i.complete && i.naturalWidth > 0));"
            + "document.body.setAttribute('data-images', document.images.length);"
            + "document.body.setAttribute('data-broken', broken.length);});</script>";

    @Test
    void everyFigureOfTheReportLoadsInChromium(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
        Path png = dir.resolve("curve.png");
        new ScatterPlot("A curve", "x (nm)", "y (kJ/mol)").curve("y = x^2", new double[]{0, 1, 2}, new double[]{0, 1, 4},
                Color.RED).writePng(png, 400, 300);
        Report report = new Report("Render check").put("delta_f_kjmol", 7.4926).put("delta_f_error_kjmol", 1.0424)
                .figure(png, "first").figure(png, "second");
        report.write(dir, List.of(new Pipeline.StepRecord("01_step", false, 1.5, Map.of("bins", 50))), Map.of("seed", 1));
        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(html.contains("figure missing"), "a figure file was missing");
        assertTrue(html.contains("7.5 ± 1.0"), "value and uncertainty on one row, rounded");
        int[] counts = loaded(dir, html);
        assertEquals(2, counts[0], "images in the report");
        assertEquals(0, counts[1], "images that did not decode");

        // the probe can fail: an image whose bytes are not a PNG counts as broken
        String corrupt = html.replaceFirst("data:image/png;base64,[A-Za-z0-9+/=]{20}", "data:image/png;base64,AAAA");
        assertEquals(1, loaded(dir, corrupt)[1]);
    }

    /** {images, broken images} of the page after Chromium loaded it. */
    private static int[] loaded(Path dir, String html) throws Exception {
        Path page = Files.createTempFile(dir, "page", ".html");
        Files.writeString(page, html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=5000", "--dump-dom",
                page.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] dom = chromium.getInputStream().readAllBytes();
        assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        Matcher body = Pattern.compile("<body data-images=\"(\\d+)\" data-broken=\"(\\d+)\"")
                .matcher(new String(dom, StandardCharsets.UTF_8));
        assertTrue(body.find(), "the probe did not run: " + new String(dom, StandardCharsets.UTF_8).lines().findFirst().orElse(""));
        return new int[]{Integer.parseInt(body.group(1)), Integer.parseInt(body.group(2))};
    }
}

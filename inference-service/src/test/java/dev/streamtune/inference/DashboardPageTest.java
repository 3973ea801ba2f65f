package dev.streamtune.inference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.streamtune.inference.fixtures.Glosses;
import dev.streamtune.inference.fixtures.HeadlessChromium;
import dev.streamtune.inference.fixtures.TrainingSet;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard page in a real browser: Debian's headless Chromium opens {@code /dashboard/} of the running service,
 * which follows real versions on the test broker; the test reads the rendered page back through the DevTools
 * protocol, uses the prediction box, and saves a screenshot to {@code target/dashboard/dashboard.png}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DashboardPageTest extends ServiceTest {

    private static final String MODEL = "dashboard-page";
    private static final String IMAGE_MODEL = "dashboard-page-image";
    private static final Path OUT = Path.of("target", "dashboard");
    private static final Duration RENDER = Duration.ofSeconds(60);

    @TestHTTPResource("/dashboard/")
    URL page;

    @Test
    void rendersVersionsChartsTrainerStateAndPredictions() throws Exception {
        assumeChromium();
        textModel(MODEL, 3);
        awaitServing(MODEL, 3);
        try (HeadlessChromium browser = new HeadlessChromium(json, OUT, 1400, 1000)) {
            browser.open(page + "#" + MODEL);
            await().atMost(RENDER).until(() -> browser.evaluate("document.querySelectorAll('#versions tbody tr').length").asInt() == 3);

            assertEquals(List.of("v3", "v2", "v1"), texts(browser, "#versions tbody tr td:first-child"));
            assertEquals("v3", text(browser, "#kpi-serving"));
            assertTrue(text(browser, "#kpi-accuracy").endsWith("%"), "accuracy KPI: " + text(browser, "#kpi-accuracy"));
            assertTrue(text(browser, "nav#models button.selected").startsWith(MODEL), "selected model button");
            for (String chart : List.of("chart-accuracy", "chart-classes", "chart-timeline", "chart-training")) {
                assertTrue(browser.evaluate("document.querySelectorAll('#" + chart + " .uplot canvas').length").asInt() > 0,
                        chart + " has no uPlot canvas");
            }
            assertEquals("3", browser.evaluate("document.getElementById('chart-accuracy').dataset.points").asText());
            List<String> classSeries = texts(browser, "#chart-classes .u-legend .u-series .u-label");
            assertTrue(classSeries.containsAll(Glosses.LABELS), "per-class chart series: " + classSeries);
            String trainer = text(browser, "#trainer-state");
            assertTrue(trainer.startsWith("trainer unreachable") && trainer.contains("connection refused"), "trainer state: " + trainer);

            submitPrediction(browser, "");
            await().atMost(RENDER).until(() -> browser.evaluate("!!document.getElementById('predict-error')").asBoolean());
            assertTrue(text(browser, "#predict-error").contains("text"), "bad input shown: " + text(browser, "#predict-error"));

            submitPrediction(browser, "a large carnivorous feline with a tawny coat that hunts in prides");
            await().atMost(RENDER).until(() -> browser.evaluate("!!document.getElementById('predicted-label')").asBoolean());
            assertTrue(Glosses.LABELS.contains(text(browser, "#predicted-label")), "predicted " + text(browser, "#predicted-label"));
            assertEquals("v3", text(browser, "#predicted-version"));

            Path shot = OUT.resolve("dashboard.png");
            browser.screenshot(shot);
            byte[] png = Files.readAllBytes(shot);
            assertTrue(png.length > 20_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "screenshot " + shot + " is not a page PNG");
        }
    }

    @Test
    void predictsAnImageModelFromAChosenFile() throws Exception {
        assumeChromium();
        publisher().register(IMAGE_MODEL, images());
        publisher().publish(IMAGE_MODEL, 1);
        awaitServing(IMAGE_MODEL, 1);
        Path dark = OUT.resolve("dark.png");
        Path notAnImage = OUT.resolve("not-an-image.png");
        Files.createDirectories(OUT);
        Files.write(dark, TrainingSet.png(20));
        Files.writeString(notAnImage, "plain text, not a picture");
        try (HeadlessChromium browser = new HeadlessChromium(json, OUT, 1400, 1000)) {
            browser.open(page + "#" + IMAGE_MODEL);
            await().atMost(RENDER).until(() -> "v1".equals(text(browser, "#kpi-serving")));
            assertTrue(browser.evaluate("document.getElementById('predict-text').hidden").asBoolean(), "text box hidden for images");

            browser.chooseFile("#predict-image", notAnImage);
            submitPrediction(browser, null);
            await().atMost(RENDER).until(() -> browser.evaluate("!!document.getElementById('predict-error')").asBoolean());
            assertTrue(text(browser, "#predict-error").contains("image"), "bad image shown: " + text(browser, "#predict-error"));

            browser.chooseFile("#predict-image", dark);
            submitPrediction(browser, null);
            await().atMost(RENDER).until(() -> browser.evaluate("!!document.getElementById('predicted-label')").asBoolean());
            assertEquals("dark", text(browser, "#predicted-label"));
        }
    }

    private static void assumeChromium() {
        assumeTrue(HeadlessChromium.installed(), "dashboard page test skipped: " + HeadlessChromium.EXECUTABLE
                + " is absent (apt-get install chromium; CI installs it)");
    }

    /** Clears the last answer and submits the prediction form, with {@code text} in the text box unless null. */
    private static void submitPrediction(HeadlessChromium browser, String text) {
        browser.evaluate("document.getElementById('predict-result').replaceChildren();"
                + (text == null ? "" : "document.getElementById('predict-text').value = " + jsString(text) + ";")
                + "document.getElementById('predict-button').click(); true");
    }

    private static String text(HeadlessChromium browser, String selector) {
        return browser.evaluate("(document.querySelector(" + jsString(selector) + ") || {}).textContent || ''").asText().trim();
    }

    private static List<String> texts(HeadlessChromium browser, String selector) {
        List<String> out = new java.util.ArrayList<>();
        browser.evaluate("[...document.querySelectorAll(" + jsString(selector) + ")].map(e => e.textContent.trim())")
                .forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String jsString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

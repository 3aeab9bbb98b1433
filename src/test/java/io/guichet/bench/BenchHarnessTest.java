package io.guichet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The benchmark harness's own logic: its options, what it counts, and the chart it draws. */
class BenchHarnessTest {

    @Test
    void theStandardScenarioIsTheIssuesGrid() {
        BenchOptions options = BenchOptions.parse(new String[0]);
        assertEquals(List.of(100, 1000, 10_000), options.docs());
        assertEquals(List.of(10, 100, 500), options.users());
        assertEquals(List.of(10_000), options.loadDocs(), "users are driven on the largest base only");
        assertEquals(Duration.ofMillis(100), options.think());
        assertEquals(Path.of("target", "bench"), options.out());
    }

    @Test
    void optionsAreReadAndWrongOnesRefusedWithTheUsage() {
        BenchOptions options = BenchOptions.parse(new String[] {"--docs", "50, 200", "--users", "3", "--duration",
                "1500ms", "--ramp", "2s", "--jfr", "--url", "http://localhost:9000"});
        assertEquals(List.of(50, 200), options.docs());
        assertEquals(List.of(200), options.loadDocs());
        assertEquals(Duration.ofMillis(1500), options.duration());
        assertEquals(Duration.ofSeconds(2), options.rampUp());
        assertTrue(options.flightRecording());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--users"}))
                .getMessage().contains("usage:"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--docs", "0"}));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--ramp", "5 minutes"}));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--nope", "1"}));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--url", "http://192.0.2.10:8080"})).getMessage()
                .contains("127.0.0.1 or localhost"), "the harness never loads another machine");
    }

    @Test
    void onlyTheMeasurementWindowCounts() {
        Measurement measurement = new Measurement();
        measurement.completed("ramp-up", System.nanoTime());
        measurement.shed();
        measurement.open();
        for (int i = 1; i <= 100; i++) {
            // Started i ms ago: latencies of 1 to 100 ms.
            measurement.completed(i % 4 == 0 ? "bonjour" : "question " + i, System.nanoTime() - i * 1_000_000L);
        }
        measurement.shed();
        measurement.error(new IllegalStateException("refused"));
        measurement.close();
        measurement.completed("after the window", System.nanoTime());

        assertEquals(100, measurement.count());
        assertEquals(1, measurement.shedCount());
        assertEquals(1, measurement.errorCount());
        assertEquals(List.of("refused"), measurement.errorSamples());
        assertEquals(0.76, measurement.distinctShare(), 1e-9, "75 distinct questions and one greeting");
        assertEquals(50, measurement.millisAt(50), 2);
        assertEquals(99, measurement.millisAt(99), 3);
        assertTrue(measurement.maxMillis() >= 100, "the slowest took at least 100 ms: " + measurement.maxMillis());
    }

    @Test
    void theChartIsAnSvgWithALineForEachChannelAndPercentile() throws Exception {
        JsonArray runs = new JsonArray();
        for (String scenario : List.of("http", "widget")) {
            for (int users : List.of(10, 100, 500)) {
                runs.add(new JsonObject().put("scenario", scenario).put("docs", 10_000).put("users", users)
                        .put("p50_ms", users / 10.0).put("p99_ms", users / 2.0));
            }
        }
        runs.add(new JsonObject().put("scenario", "search").put("docs", 10_000).put("users", 1)
                .put("p50_ms", 3.0).put("p99_ms", 9000.0));

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                LatencyChart.svg(runs).getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        NodeList lines = svg.getElementsByTagName("polyline");
        assertEquals(4, lines.getLength(), "p50 and p99 of HTTP and of the widget; searches are not conversations");
        for (int i = 0; i < lines.getLength(); i++) {
            assertEquals(3, ((Element) lines.item(i)).getAttribute("points").split(" ").length, "one point per load");
        }
        List<String> labels = new ArrayList<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent());
        }
        assertTrue(labels.contains("400") && !labels.contains("10000"),
                "the axis tops out at 500 ms, above the highest p99 plotted (250), not at the search's 9 s: " + labels);
    }
}

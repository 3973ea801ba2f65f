package dev.streamtune.ingest.rest;

import static dev.streamtune.ingest.IngestTestSupport.PRODUCER_KEY;
import static dev.streamtune.ingest.IngestTestSupport.asProducer;
import static dev.streamtune.ingest.IngestTestSupport.assertOnlyMarkerVisible;
import static dev.streamtune.ingest.IngestTestSupport.registerTextModel;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.ingest.SamplesTopic;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** NDJSON bodies: large, streamed, one Kafka transaction each (committed whole or not at all). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class NdjsonStreamingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";

    @TestHTTPResource("/")
    URL base;

    @Test
    void acceptsOneHundredThousandSamplesAndPutsAllOnTheTopic() throws Exception {
        String model = registerTextModel("nd-100k");
        int n = 100_000;
        StringBuilder body = new StringBuilder(n * 60);
        for (int i = 0; i < n; i++) {
            body.append("{\"text\":\"sample number ").append(i).append("\",\"label\":\"c").append(i % 7).append("\"}\n");
        }
        try (SamplesTopic topic = SamplesTopic.fromNow()) {
            byte[] answer = asProducer().contentType(NDJSON).body(body.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/v1/models/" + model + "/samples").then().statusCode(202).extract().asByteArray();
            JsonNode accepted = JSON.readTree(answer);
            assertEquals(n, accepted.get("accepted").asInt());
            List<String> ids = new java.util.ArrayList<>(n);
            accepted.get("ids").forEach(id -> ids.add(id.asText()));
            assertEquals(n, ids.size());
            assertEquals(n, new HashSet<>(ids).size(), "ids are unique");
            List<ConsumerRecord<String, String>> records = topic.read(model, n);
            assertEquals(n, records.size());
            for (int i = 0; i < n; i += 997) {
                JsonNode s = JSON.readTree(records.get(i).value());
                assertEquals(ids.get(i), s.get("id").asText());
                assertEquals("sample number " + i, s.get("text").asText());
            }
            assertEquals(ids.get(n - 1), JSON.readTree(records.get(n - 1).value()).get("id").asText());
        }
    }

    /**
     * The body is held back half-way until the first half is on Kafka (visible to a read_uncommitted reader,
     * inside the still-open transaction). Were the body buffered whole before processing, nothing could reach
     * Kafka before the body ended and this request would time out.
     */
    @Test
    void writesLinesToKafkaWhileTheBodyIsStillArriving() throws Exception {
        String model = registerTextModel("nd-stream");
        int n = 20_000;
        try (SamplesTopic uncommitted = SamplesTopic.uncommittedFromNow(); SamplesTopic committed = SamplesTopic.fromNow()) {
            IntFunction<String> line = i -> "{\"id\":\"s-" + i + "\",\"text\":\"streamed " + i + "\",\"label\":\"x\"}\n";
            InputStream body = new GatedLines(n, line, n / 2,
                    () -> uncommitted.readUntil(model, records -> !records.isEmpty()));
            HttpResponse<String> response = send(model, body);
            assertEquals(202, response.statusCode(), response.body());
            assertEquals(n, JSON.readTree(response.body()).get("accepted").asInt());
            List<ConsumerRecord<String, String>> records = committed.read(model, n);
            assertEquals("s-" + (n - 1), JSON.readTree(records.get(n - 1).value()).get("id").asText());
        }
    }

    @Test
    void anInvalidLineAbortsTheTransactionListingEveryBadLine() {
        String model = registerTextModel("nd-bad");
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            body.append(switch (i) {
                case 10 -> "{\"text\":\"no label\"}";
                case 500 -> "{\"text\": oops}";
                case 999 -> "{\"text\":\"t\",\"label\":\"\"}";
                default -> "{\"text\":\"line " + i + "\",\"label\":\"ok\"}";
            }).append('\n');
        }
        try (SamplesTopic uncommitted = SamplesTopic.uncommittedFromNow(); SamplesTopic committed = SamplesTopic.fromNow()) {
            ndjson(model, body.toString()).statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://streamtune.dev/problems/invalid-samples"))
                    .body("detail", containsString("3 of the 1000 NDJSON lines are invalid; nothing was written"))
                    .body("errors.line", contains(10, 500, 999))
                    .body("errors.field", contains("label", "$", "label"))
                    .body("errors[1].reason", containsString("malformed JSON at column"));
            // lines 1-9 went into the transaction before line 10 failed it ...
            uncommitted.read(model, 9);
            // ... and the abort keeps them from read_committed consumers
            assertOnlyMarkerVisible(committed, model);
        }
    }

    @Test
    void aRepeatedIdAbortsTheTransactionNamingTheFirstLineWithIt() {
        String model = registerTextModel("nd-repeat");
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            body.append(switch (i) {
                case 700 -> "{\"id\":\"s-3\",\"text\":\"plain line\",\"label\":\"ok\"}"; // the splice path
                case 900 -> "{\"label\":\"ok\",\"text\":\"caf\\u00e9\",\"id\":\"s-5\"}"; // a slower path
                case 950 -> "{\"id\":\"s-3\",\"text\":\"again\",\"label\":\"ok\"}";
                default -> "{\"id\":\"s-" + i + "\",\"text\":\"line " + i + "\",\"label\":\"ok\"}";
            }).append('\n');
        }
        try (SamplesTopic committed = SamplesTopic.fromNow()) {
            ndjson(model, body.toString()).statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("3 of the 1000 NDJSON lines are invalid; nothing was written"))
                    .body("errors.line", contains(700, 900, 950))
                    .body("errors.field", contains("id", "id", "id"))
                    .body("errors.reason", contains("'s-3' is already the id of the sample at line 3",
                            "'s-5' is already the id of the sample at line 5",
                            "'s-3' is already the id of the sample at line 3"));
            assertOnlyMarkerVisible(committed, model);
        }
    }

    @Test
    void moreLinesThanTheLimitIs413AndNothingIsVisible() {
        String model = registerTextModel("nd-limit");
        int lines = 120_001; // %test.ingest.limits.max-ndjson-lines=120000
        StringBuilder body = new StringBuilder(lines * 30);
        for (int i = 0; i < lines; i++) {
            body.append("{\"text\":\"t").append(i).append("\",\"label\":\"l\"}\n");
        }
        try (SamplesTopic committed = SamplesTopic.fromNow()) {
            ndjson(model, body.toString()).statusCode(413)
                    .body("type", equalTo("https://streamtune.dev/problems/request-too-large"))
                    .body("detail", containsString("more than 120000 samples"));
            assertOnlyMarkerVisible(committed, model);
        }
    }

    @Test
    void bodyOverTheSizeLimitIs413() throws Exception {
        String model = registerTextModel("nd-bytes");
        // %test.ingest.limits.max-ndjson-body-size=16M; 17 lines of 1 MiB, streamed without Content-Length
        String mib = "x".repeat(1024 * 1024 - 1) + "\n";
        HttpResponse<String> response = send(model, new GatedLines(17, i -> mib, -1, () -> { }));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("https://streamtune.dev/problems/request-too-large", JSON.readTree(response.body()).get("type").asText());
    }

    @Test
    void lineLongerThanAnyValidSampleIsReportedWithItsLineNumber() {
        String model = registerTextModel("nd-long");
        String body = "{\"text\":\"fine\",\"label\":\"a\"}\n" + "{\"text\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}\n";
        ndjson(model, body).statusCode(400).body("errors.line", contains(2))
                .body("errors[0].reason", containsString("line is longer than"));
    }

    @Test
    void emptyBodyIsRejected() {
        String model = registerTextModel("nd-empty");
        ndjson(model, "\n\n").statusCode(400).body("detail", containsString("no samples"));
    }

    private static ValidatableResponse ndjson(String model, String body) {
        return asProducer().contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/models/" + model + "/samples").then();
    }

    private HttpResponse<String> send(String model, InputStream body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "v1/models/" + model + "/samples"))
                .header("Content-Type", NDJSON).header("X-API-Key", PRODUCER_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertFalse(response.body().isEmpty());
        return response;
    }
}

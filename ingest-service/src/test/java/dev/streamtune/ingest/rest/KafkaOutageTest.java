package dev.streamtune.ingest.rest;

import static dev.streamtune.ingest.IngestTestSupport.asAdmin;
import static dev.streamtune.ingest.IngestTestSupport.asProducer;
import static dev.streamtune.ingest.IngestTestSupport.registerTextModel;
import static dev.streamtune.ingest.IngestTestSupport.uniqueModel;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.ingest.SamplesTopic;
import dev.streamtune.kafka.local.InjectKafkaBroker;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * With the (real, shared) broker stopped, every write fails with 503 and Retry-After within the configured
 * bound (5 s) and never 202; once the broker is back, the same service accepts again without a restart.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class KafkaOutageTest {

    /** ingest.kafka.request-timeout (5 s) plus room for a loaded 2-core machine. */
    private static final Duration BOUND = Duration.ofSeconds(8);

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void answers503WithinTheBoundWhileKafkaIsDownAndRecoversWhenItIsBack() {
        String model = registerTextModel("outage");
        String single = "{\"text\":\"while down\",\"label\":\"a\"}";
        String batch = "{\"samples\":[{\"text\":\"b1\",\"label\":\"a\"},{\"text\":\"b2\",\"label\":\"a\"}]}";
        String ndjson = "{\"text\":\"n1\",\"label\":\"a\"}\n{\"text\":\"n2\",\"label\":\"a\"}\n";
        // warm up every path first, so the outage hits producers that already know the cluster
        postJson(model, single).then().statusCode(202);
        postJson(model, batch).then().statusCode(202);
        postNdjson(model, ndjson).then().statusCode(202);

        broker.stop();
        try {
            unavailable(() -> postJson(model, single));
            unavailable(() -> postJson(model, batch));
            unavailable(() -> postNdjson(model, ndjson));
            unavailable(() -> asAdmin().contentType(ContentType.JSON)
                    .body("{\"name\":\"" + uniqueModel("outage-spec") + "\",\"task\":\"text-classification\"}")
                    .post("/v1/models"));
        } finally {
            broker.start();
        }

        try (SamplesTopic topic = SamplesTopic.fromNow()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> postJson(model, "{\"id\":\"back-1\",\"text\":\"back\",\"label\":\"a\"}").statusCode() == 202);
            postJson(model, batch).then().statusCode(202).body("accepted", equalTo(2));
            postNdjson(model, ndjson).then().statusCode(202).body("accepted", equalTo(2));
            assertTrue(topic.readUntil(model, rs -> rs.stream().anyMatch(r -> r.value().contains("\"back-1\""))).size() >= 1);
        }
        asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + uniqueModel("after-outage") + "\",\"task\":\"text-classification\"}")
                .post("/v1/models").then().statusCode(201);
    }

    private static void unavailable(Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(503, response.statusCode(), response.asString());
        assertEquals("5", response.header("Retry-After"));
        assertEquals("https://streamtune.dev/problems/kafka-unavailable", response.jsonPath().getString("type"));
        assertTrue(took.compareTo(BOUND) <= 0, "503 came after " + took.toMillis() + " ms");
    }

    private static Response postJson(String model, String body) {
        return asProducer().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/models/" + model + "/samples");
    }

    private static Response postNdjson(String model, String body) {
        return asProducer().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/models/" + model + "/samples");
    }
}

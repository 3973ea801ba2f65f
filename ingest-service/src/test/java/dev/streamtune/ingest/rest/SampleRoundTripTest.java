package dev.streamtune.ingest.rest;

import static dev.streamtune.ingest.IngestTestSupport.asProducer;
import static dev.streamtune.ingest.IngestTestSupport.imageBase64;
import static dev.streamtune.ingest.IngestTestSupport.registerImageModel;
import static dev.streamtune.ingest.IngestTestSupport.registerTextModel;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.ingest.SamplesTopic;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every field of every accepted sample comes back from the samples topic exactly as sent, in order. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SampleRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRICKY_TEXT = "Héllo \"wörld\" \\ 😀 tab\there\nsecond line, 中文";

    @Test
    void singleTextSampleKeepsEveryField() throws Exception {
        String model = registerTextModel("rt-text");
        ObjectNode sample = JSON.createObjectNode().put("id", "client-1").put("text", TRICKY_TEXT)
                .put("label", "greeting ✓").put("producedAt", 1_700_000_000_123L);
        try (SamplesTopic topic = SamplesTopic.fromNow()) {
            long before = System.currentTimeMillis();
            asProducer().contentType(ContentType.JSON).body(JSON.writeValueAsString(sample))
                    .post("/v1/models/" + model + "/samples")
                    .then().statusCode(202).body("accepted", equalTo(1)).body("ids", contains("client-1"));
            long after = System.currentTimeMillis();
            ConsumerRecord<String, String> r = topic.read(model, 1).get(0);
            assertEquals(model, r.key());
            SampleRecord s = JSON.readValue(r.value(), SampleRecord.class);
            assertEquals("client-1", s.id());
            assertEquals(model, s.model());
            assertEquals(TRICKY_TEXT, s.text());
            assertNull(s.image());
            assertEquals("greeting ✓", s.label());
            assertEquals(1_700_000_000_123L, s.producedAt());
            assertTrue(s.ingestedAt() >= before && s.ingestedAt() <= after, "ingestedAt " + s.ingestedAt());
            assertTrue(!r.value().contains("\"image\""), "no image field for a text sample: " + r.value());
        }
    }

    @Test
    void singleImageSamplesKeepTheirBase64ExactlyAndGetAUuid() throws Exception {
        String model = registerImageModel("rt-image");
        List<String> images = List.of(imageBase64("png", 1), imageBase64("jpeg", 2));
        try (SamplesTopic topic = SamplesTopic.fromNow()) {
            List<String> ids = new ArrayList<>();
            for (String image : images) {
                ids.add(asProducer().contentType(ContentType.JSON)
                        .body(JSON.createObjectNode().put("image", image).put("label", "shirt").toString())
                        .post("/v1/models/" + model + "/samples")
                        .then().statusCode(202).body("accepted", equalTo(1)).extract().jsonPath().getString("ids[0]"));
            }
            List<ConsumerRecord<String, String>> records = topic.read(model, 2);
            for (int i = 0; i < 2; i++) {
                SampleRecord s = JSON.readValue(records.get(i).value(), SampleRecord.class);
                assertEquals(model, records.get(i).key());
                assertEquals(images.get(i), s.image());
                assertNull(s.text());
                assertEquals("shirt", s.label());
                assertEquals(ids.get(i), s.id());
                assertEquals(ids.get(i), UUID.fromString(ids.get(i)).toString());
                assertEquals(s.ingestedAt(), s.producedAt(), "producedAt defaults to ingestedAt");
            }
        }
    }

    @Test
    void jsonBatchKeepsOrderAndEveryField() throws Exception {
        String model = registerTextModel("rt-batch");
        ArrayNode samples = JSON.createArrayNode();
        for (int i = 0; i < 50; i++) {
            ObjectNode s = samples.addObject().put("text", TRICKY_TEXT + " #" + i).put("label", "l" + (i % 3));
            if (i % 2 == 0) {
                s.put("id", "b-" + i);
            }
        }
        ObjectNode body = JSON.createObjectNode().set("samples", samples);
        try (SamplesTopic topic = SamplesTopic.fromNow()) {
            List<String> ids = asProducer().contentType(ContentType.JSON).body(body.toString())
                    .post("/v1/models/" + model + "/samples")
                    .then().statusCode(202).body("accepted", equalTo(50))
                    .extract().jsonPath().getList("ids", String.class);
            List<ConsumerRecord<String, String>> records = topic.read(model, 50);
            assertEquals(50, records.size());
            for (int i = 0; i < 50; i++) {
                SampleRecord s = JSON.readValue(records.get(i).value(), SampleRecord.class);
                assertEquals(model, records.get(i).key());
                assertEquals(TRICKY_TEXT + " #" + i, s.text());
                assertEquals("l" + (i % 3), s.label());
                assertEquals(ids.get(i), s.id());
                if (i % 2 == 0) {
                    assertEquals("b-" + i, s.id());
                }
            }
        }
    }

    @Test
    void ndjsonTextAndImageSamplesKeepOrderAndEveryField() throws Exception {
        String textModel = registerTextModel("rt-ndjson");
        String imageModel = registerImageModel("rt-ndjson-img");
        StringBuilder text = new StringBuilder();
        StringBuilder image = new StringBuilder();
        List<String> images = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            text.append(JSON.createObjectNode().put("id", "n-" + i).put("text", TRICKY_TEXT + i).put("label", "x"))
                    .append(i % 2 == 0 ? "\n" : "\r\n");
            images.add(imageBase64(i % 2 == 0 ? "png" : "jpeg", i));
            image.append(JSON.createObjectNode().put("image", images.get(i)).put("label", "y" + i)).append('\n');
        }
        text.append("\n   \n"); // blank lines are skipped
        try (SamplesTopic topic = SamplesTopic.fromNow()) {
            asProducer().contentType("application/x-ndjson").body(text.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/v1/models/" + textModel + "/samples")
                    .then().statusCode(202).body("accepted", equalTo(30)).body("ids[29]", equalTo("n-29"));
            List<String> ids = asProducer().contentType("application/x-ndjson").body(image.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/v1/models/" + imageModel + "/samples")
                    .then().statusCode(202).body("accepted", equalTo(30))
                    .extract().jsonPath().getList("ids", String.class);
            List<ConsumerRecord<String, String>> texts = topic.read(textModel, 30);
            List<ConsumerRecord<String, String>> imgs = topic.read(imageModel, 30);
            for (int i = 0; i < 30; i++) {
                SampleRecord t = JSON.readValue(texts.get(i).value(), SampleRecord.class);
                assertEquals("n-" + i, t.id());
                assertEquals(TRICKY_TEXT + i, t.text());
                assertEquals(textModel, texts.get(i).key());
                SampleRecord m = JSON.readValue(imgs.get(i).value(), SampleRecord.class);
                assertEquals(images.get(i), m.image());
                assertEquals("y" + i, m.label());
                assertEquals(ids.get(i), m.id());
                assertEquals(imageModel, imgs.get(i).key());
            }
        }
    }
}

package dev.streamtune.ingest.rest;

import static dev.streamtune.ingest.IngestTestSupport.asProducer;
import static dev.streamtune.ingest.IngestTestSupport.assertOnlyMarkerVisible;
import static dev.streamtune.ingest.IngestTestSupport.imageBase64;
import static dev.streamtune.ingest.IngestTestSupport.registerImageModel;
import static dev.streamtune.ingest.IngestTestSupport.registerTextModel;
import static dev.streamtune.ingest.IngestTestSupport.uniqueModel;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamtune.ingest.SamplesTopic;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The bad-input matrix of the samples endpoint: each case gets a specific problem+json answer. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SampleValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEMS = "https://streamtune.dev/problems/";

    @Test
    void rejectsMalformedJsonWithItsPosition() {
        String model = registerTextModel("v-malformed");
        problem(post(model, "{\"text\": \"a\", "), 400, "malformed-json")
                .body("errors[0].field", equalTo("$")).body("errors[0].reason", containsString("line 1"));
        problem(post(model, "{\"text\":\"a\",\"label\":\"b\"} trailing"), 400, "malformed-json");
        problem(post(model, "{\"text\":\"a\",\"text\":\"b\",\"label\":\"c\"}"), 400, "malformed-json")
                .body("errors[0].reason", containsString("Duplicate field"));
        problem(post(model, ""), 400, "malformed-json");
    }

    @Test
    void rejectsWrongJsonTypes() {
        String model = registerTextModel("v-types");
        invalid(post(model, "{\"text\":5,\"label\":[\"a\"],\"id\":true,\"producedAt\":\"yesterday\"}"))
                .body("errors.field", containsInAnyOrder("text", "label", "id", "producedAt"))
                .body("errors.find { it.field == 'text' }.reason", equalTo("must be a string, got number"))
                .body("errors.find { it.field == 'label' }.reason", equalTo("must be a string, got array"));
        invalid(post(model, "[{\"text\":\"a\",\"label\":\"b\"}]")).body("errors[0].field", equalTo("$"));
        invalid(post(model, "{\"samples\":{\"text\":\"a\"}}")).body("errors[0].field", equalTo("samples"));
    }

    @Test
    void rejectsUnknownFields() {
        String model = registerTextModel("v-unknown");
        invalid(post(model, "{\"text\":\"a\",\"label\":\"b\",\"colour\":\"red\"}"))
                .body("errors.field", contains("colour")).body("errors[0].reason", containsString("unknown field"));
        invalid(post(model, "{\"samples\":[{\"text\":\"a\",\"label\":\"b\"}],\"extra\":1}"))
                .body("errors.field", contains("extra"));
    }

    @Test
    void unknownModelIs404() {
        problem(post(uniqueModel("v-nobody"), "{\"text\":\"a\",\"label\":\"b\"}"), 404, "unknown-model");
        problem(post("NOT_A_NAME", "{\"text\":\"a\",\"label\":\"b\"}"), 404, "unknown-model");
    }

    @Test
    void rejectsWrongModalityForTheModelsTask() {
        String text = registerTextModel("v-mod-text");
        String image = registerImageModel("v-mod-image");
        invalid(post(text, "{\"image\":\"" + imageBase64("png", 3) + "\",\"label\":\"b\"}"))
                .body("errors.field", containsInAnyOrder("text", "image"))
                .body("errors.find { it.field == 'image' }.reason", containsString("text-classification model"));
        invalid(post(image, "{\"text\":\"a\",\"label\":\"b\"}"))
                .body("errors.field", containsInAnyOrder("image", "text"))
                .body("errors.find { it.field == 'text' }.reason", containsString("image-classification model"));
    }

    @Test
    void rejectsEmptyOverLongAndControlCharacterText() {
        String model = registerTextModel("v-text");
        textError(model, "", "must not be empty");
        textError(model, "   ", "only whitespace");
        textError(model, "x".repeat(10_001), "10001 characters long; at most 10000");
        textError(model, "bell\u0007", "control character U+0007 at position 4");
        invalid(post(model, "{\"text\":\"half \\ud800 pair\",\"label\":\"l\"}")) // the JSON escape, not the char
                .body("errors.field", contains("text")).body("errors[0].reason", containsString("unpaired UTF-16"));
        asProducer().contentType(ContentType.JSON)
                .body(JSON.createObjectNode().put("text", "😀".repeat(10_000)).put("label", "emoji").toString())
                .post("/v1/models/" + model + "/samples").then().statusCode(202); // 10,000 characters, 20,000 chars
    }

    @Test
    void rejectsUndecodableForeignAndOversizeImages() throws Exception {
        String model = registerImageModel("v-image");
        imageError(model, "@@not base64@@", "not valid base64");
        imageError(model, Base64.getEncoder().encodeToString("just some text".getBytes()), "not a PNG or JPEG");
        byte[] png = Base64.getDecoder().decode(imageBase64("png", 5));
        imageError(model, Base64.getEncoder().encodeToString(Arrays.copyOf(png, png.length / 2)), "does not decode");
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new java.io.ByteArrayInputStream(png)), "gif", gif);
        imageError(model, Base64.getEncoder().encodeToString(gif.toByteArray()), "GIF image; only PNG and JPEG");
        // %test.ingest.limits.max-image-size=1M (the 5M default is checked in ImageCheckTest)
        imageError(model, Base64.getEncoder().encodeToString(new byte[1024 * 1024 + 1]), "1048577 bytes decoded; at most 1048576");
        imageError(model, "", "must not be empty");
    }

    @Test
    void rejectsEmptyOverLongControlCharacterAndUnlistedLabels() {
        String model = registerTextModel("v-label", "[\"cat\",\"dog\"]");
        labelError(model, "", "must not be empty");
        labelError(model, "l".repeat(129), "129 characters long; at most 128");
        labelError(model, "ca\nt", "control character U+000A");
        labelError(model, "bird", "'bird' is not in the closed label set");
        asProducer().contentType(ContentType.JSON).body("{\"text\":\"meow\",\"label\":\"cat\"}")
                .post("/v1/models/" + model + "/samples").then().statusCode(202);
    }

    @Test
    void rejectsBadClientIdsAndTimestamps() {
        String model = registerTextModel("v-id");
        invalid(post(model, "{\"id\":\"" + "i".repeat(129) + "\",\"text\":\"a\",\"label\":\"b\"}"))
                .body("errors.field", contains("id"));
        invalid(post(model, "{\"producedAt\":-5,\"text\":\"a\",\"label\":\"b\"}")).body("errors.field", contains("producedAt"));
        invalid(post(model, "{\"samples\":[{\"id\":\"same\",\"text\":\"a\",\"label\":\"b\"},"
                + "{\"id\":\"same\",\"text\":\"c\",\"label\":\"d\"}]}"))
                .body("errors[0].field", equalTo("id")).body("errors[0].index", equalTo(1))
                .body("errors[0].reason", containsString("index 0"));
    }

    @Test
    void batchWithSomeInvalidEntriesIsRejectedWholeListingEveryBadEntry() throws Exception {
        String model = registerTextModel("v-batch");
        ArrayNode samples = JSON.createArrayNode();
        for (int i = 0; i < 10; i++) {
            ObjectNode s = samples.addObject().put("text", "sample " + i).put("label", "ok");
            if (i == 2) {
                s.put("label", "");
            } else if (i == 5) {
                s.remove("text");
            } else if (i == 7) {
                s.put("text", 7).put("label", 8);
            }
        }
        try (SamplesTopic topic = SamplesTopic.fromNow()) {
            invalid(post(model, JSON.createObjectNode().set("samples", samples).toString()))
                    .body("detail", containsString("3 of the 10 samples are invalid; nothing was written"))
                    .body("errors.index", contains(2, 5, 7, 7))
                    .body("errors.field", contains("label", "text", "label", "text"))
                    .body("errors.line", everyItem(nullValue()));
            assertOnlyMarkerVisible(topic, model);
        }
    }

    @Test
    void rejectsEmptyAndOversizeBatches() {
        String model = registerTextModel("v-batch-size");
        invalid(post(model, "{\"samples\":[]}")).body("errors[0].reason", equalTo("must not be empty"));
        ArrayNode samples = JSON.createArrayNode();
        for (int i = 0; i < 1001; i++) {
            samples.addObject().put("text", "t").put("label", "l");
        }
        problem(post(model, JSON.createObjectNode().set("samples", samples).toString()), 413, "request-too-large")
                .body("detail", containsString("1001 samples; at most 1000"));
    }

    @Test
    void rejectsJsonBodyOverTheSizeLimit() {
        String model = registerTextModel("v-body");
        // %test.ingest.limits.max-json-body-size=2M; a valid-looking body just over it
        String body = "{\"text\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"label\":\"b\"}";
        problem(post(model, body), 413, "request-too-large").body("detail", containsString("NDJSON"));
    }

    @Test
    void rejectsUnsupportedContentType() {
        String model = registerTextModel("v-ctype");
        problem(asProducer().contentType(ContentType.TEXT).body("hello").post("/v1/models/" + model + "/samples")
                .then(), 415, "unsupported-media-type");
    }

    private static ValidatableResponse post(String model, String body) {
        return asProducer().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/models/" + model + "/samples").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + type)).body("status", equalTo(status))
                .body("title", notNullValue()).body("detail", notNullValue());
    }

    private static ValidatableResponse invalid(ValidatableResponse response) {
        return problem(response, 400, "invalid-samples");
    }

    private static void textError(String model, String text, String reason) {
        invalid(post(model, JSON.createObjectNode().put("text", text).put("label", "l").toString()))
                .body("errors.field", contains("text")).body("errors[0].reason", containsString(reason));
    }

    private static void imageError(String model, String image, String reason) {
        invalid(post(model, JSON.createObjectNode().put("image", image).put("label", "l").toString()))
                .body("errors.field", contains("image")).body("errors[0].reason", containsString(reason));
    }

    private static void labelError(String model, String label, String reason) {
        invalid(post(model, JSON.createObjectNode().put("text", "t").put("label", label).toString()))
                .body("errors.field", contains("label")).body("errors[0].reason", containsString(reason));
    }
}

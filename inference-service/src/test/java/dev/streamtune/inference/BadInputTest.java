package dev.streamtune.inference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.streamtune.inference.fixtures.TrainingSet;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a predict request can be wrong gets a specific application/problem+json answer. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class BadInputTest extends ServiceTest {

    private static final String TEXT_MODEL = "bad-input-text";
    private static final String IMAGE_MODEL = "bad-input-image";
    private static boolean published;

    @BeforeEach
    void models() {
        synchronized (BadInputTest.class) {
            if (!published) {
                textModel(TEXT_MODEL, 1);
                publisher().register(IMAGE_MODEL, images());
                publisher().publish(IMAGE_MODEL, 1);
                published = true;
            }
        }
        awaitServing(TEXT_MODEL, 1);
        awaitServing(IMAGE_MODEL, 1);
    }

    private static ValidatableResponse post(String model, String rawBody) {
        return given().contentType("application/json").body(rawBody.getBytes(StandardCharsets.UTF_8))
                .post("/v1/models/{m}/predict", model).then()
                .contentType(containsString("application/problem+json"));
    }

    private static ValidatableResponse badInput(ValidatableResponse r, String field) {
        return r.statusCode(400).body("status", equalTo(400)).body("type", equalTo("https://streamtune.dev/problems/bad-input"))
                .body("field", equalTo(field));
    }

    @Test
    void rejectsMalformedJson() {
        badInput(post(TEXT_MODEL, "{\"text\": \"unterminated"), null).body("detail", startsWith("request body is not valid JSON"));
    }

    @Test
    void rejectsEmptyBody() {
        badInput(post(TEXT_MODEL, ""), null).body("detail", containsString("empty"));
    }

    @Test
    void rejectsTextOfWrongType() {
        badInput(post(TEXT_MODEL, "{\"text\": 12}"), "text").body("detail", containsString("must be a string, got number"));
    }

    @Test
    void rejectsEmptyText() {
        badInput(post(TEXT_MODEL, "{\"text\": \"\"}"), "text").body("detail", containsString("empty"));
    }

    @Test
    void rejectsBatchItemOfWrongTypeNamingIt() {
        badInput(post(TEXT_MODEL, "{\"inputs\": [{\"text\": \"fine\"}, {\"text\": false}]}"), "inputs[1].text");
    }

    @Test
    void rejectsImageForTextModel() {
        String png = Base64.getEncoder().encodeToString(TrainingSet.png(100));
        post(TEXT_MODEL, "{\"image\": \"" + png + "\"}").statusCode(400)
                .body("type", equalTo("https://streamtune.dev/problems/wrong-modality"))
                .body("field", equalTo("image"))
                .body("detail", containsString("reads text inputs"));
    }

    @Test
    void rejectsTextForImageModel() {
        post(IMAGE_MODEL, "{\"text\": \"a dark picture\"}").statusCode(400)
                .body("type", equalTo("https://streamtune.dev/problems/wrong-modality")).body("field", equalTo("text"));
    }

    @Test
    void rejectsImageThatIsNotBase64() {
        badInput(post(IMAGE_MODEL, "{\"image\": \"%%% not base64 %%%\"}"), "image").body("detail", containsString("not valid base64"));
    }

    @Test
    void rejectsBytesThatAreNotAnImageAndAnswersTheRestOfTheBatch() {
        String notImage = Base64.getEncoder().encodeToString("just some text bytes".getBytes(StandardCharsets.UTF_8));
        badInput(post(IMAGE_MODEL, "{\"image\": \"" + notImage + "\"}"), "image").body("detail", containsString("not a PNG"));
        String png = Base64.getEncoder().encodeToString(TrainingSet.png(30));
        badInput(post(IMAGE_MODEL, "{\"inputs\": [{\"image\": \"" + png + "\"}, {\"image\": \"" + notImage + "\"}]}"),
                "inputs[1].image");
        predict(IMAGE_MODEL, Map.of("image", png)).statusCode(200);
    }

    @Test
    void answersTooManyInputsWith413() {
        List<Map<String, String>> inputs = new ArrayList<>();
        for (int i = 0; i <= cfg.predict().maxInputs(); i++) {
            inputs.add(Map.of("text", "text " + i));
        }
        given().contentType("application/json").body(Map.of("inputs", inputs)).post("/v1/models/{m}/predict", TEXT_MODEL).then()
                .statusCode(413).contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://streamtune.dev/problems/too-many-inputs")).body("field", equalTo("inputs"));
    }

    @Test
    void answersUnknownModelWith404() {
        post("no-such-model", "{\"text\": \"hello\"}").statusCode(404)
                .body("type", equalTo("https://streamtune.dev/problems/unknown-model")).body("field", equalTo("model"));
    }

    @Test
    void answersModelWithoutVersionWith409() {
        publisher().register("bad-input-no-version", glosses());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> given().get("/v1/models/bad-input-no-version").statusCode() == 200);
        post("bad-input-no-version", "{\"text\": \"hello\"}").statusCode(409)
                .body("type", equalTo("https://streamtune.dev/problems/no-version"))
                .body("detail", containsString("has no published version yet"));
    }

    @Test
    void rejectsKThatIsNotAPositiveInteger() {
        given().contentType("application/json").body(Map.of("text", "a cat")).queryParam("k", "three")
                .post("/v1/models/{m}/predict", TEXT_MODEL).then().statusCode(400).body("field", equalTo("k"));
        given().contentType("application/json").body(Map.of("text", "a cat")).queryParam("k", 0)
                .post("/v1/models/{m}/predict", TEXT_MODEL).then().statusCode(400).body("field", equalTo("k"));
    }
}

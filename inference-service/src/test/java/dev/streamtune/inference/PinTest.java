package dev.streamtune.inference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.streamtune.inference.fixtures.VersionPublisherFixture.Tamper;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pinning, unpinning and rolling back through the admin endpoints. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PinTest extends ServiceTest {

    private static ValidatableResponse pin(String model, String body, String key) {
        var request = given().contentType("application/json").body(body);
        if (key != null) {
            request = request.header("X-API-Key", key);
        }
        return request.put("/v1/models/{m}/pin", model).then();
    }

    private static ValidatableResponse unpin(String model, String key) {
        var request = given();
        if (key != null) {
            request = request.header("X-API-Key", key);
        }
        return request.delete("/v1/models/{m}/pin", model).then();
    }

    @Test
    void pinnedModelServesItsPinUntilUnpinned() {
        textModel("pin-basic", 3);
        awaitServing("pin-basic", 3);
        pin("pin-basic", "{\"version\": 1}", ADMIN_KEY).statusCode(200).body("pinnedVersion", equalTo(1));
        awaitServing("pin-basic", 1);
        predictText("pin-basic", "a loaf of bread").statusCode(200).body("modelVersion", equalTo(1));
        publisher().publish("pin-basic", 4);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/v1/models/pin-basic").jsonPath().getLong("latestVersion") == 4);
        given().get("/v1/models/pin-basic").then().body("servingVersion", equalTo(1)).body("pinnedVersion", equalTo(1));
        given().get("/v1/models/pin-basic/versions").then().body("versions.find { it.version == 1 }.pinned", equalTo(true));
        unpin("pin-basic", ADMIN_KEY).statusCode(200).body("pinnedVersion", nullValue());
        awaitServing("pin-basic", 4);
    }

    @Test
    void rollsBackToThePreviousVersion() {
        textModel("pin-rollback", 2);
        awaitServing("pin-rollback", 2);
        pin("pin-rollback", "{\"version\": 1}", ADMIN_KEY).statusCode(200);
        awaitServing("pin-rollback", 1);
        predictText("pin-rollback", "a hammer").statusCode(200).body("modelVersion", equalTo(1));
        given().get("/v1/models/pin-rollback/versions").then().body("versions.version", equalTo(List.of(1, 2)))
                .body("servingVersion", equalTo(1));
    }

    @Test
    void pinNeedsTheAdminKey() {
        textModel("pin-auth", 1);
        pin("pin-auth", "{\"version\": 1}", null).statusCode(401).contentType(containsString("application/problem+json"))
                .body("field", equalTo("X-API-Key"));
        pin("pin-auth", "{\"version\": 1}", "wrong-key").statusCode(403).contentType(containsString("application/problem+json"));
        unpin("pin-auth", null).statusCode(401);
        unpin("pin-auth", "wrong-key").statusCode(403);
    }

    @Test
    void rejectsPinToAVersionThatIsNotKept() {
        textModel("pin-missing", 1);
        awaitServing("pin-missing", 1);
        pin("pin-missing", "{\"version\": 7}", ADMIN_KEY).statusCode(404)
                .body("type", equalTo("https://streamtune.dev/problems/unknown-version"))
                .body("detail", containsString("kept versions: [1]"));
    }

    @Test
    void rejectsPinToARefusedVersion() {
        textModel("pin-refused", 1);
        awaitServing("pin-refused", 1);
        publisher().publish("pin-refused", 2, Tamper.CORRUPT);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                !given().get("/v1/models/pin-refused").jsonPath().getList("refused").isEmpty());
        pin("pin-refused", "{\"version\": 2}", ADMIN_KEY).statusCode(409)
                .body("type", equalTo("https://streamtune.dev/problems/refused-version"));
    }

    @Test
    void rejectsMalformedPinBodies() {
        textModel("pin-body", 1);
        awaitServing("pin-body", 1);
        pin("pin-body", "{\"version\": ", ADMIN_KEY).statusCode(400).body("detail", containsString("not valid JSON"));
        pin("pin-body", "{\"version\": \"one\"}", ADMIN_KEY).statusCode(400).body("field", equalTo("version"));
        pin("pin-body", "{\"version\": 0}", ADMIN_KEY).statusCode(400).body("detail", containsString("at least 1"));
        pin("pin-body", "{\"ver\": 1}", ADMIN_KEY).statusCode(400).body("field", equalTo("ver"));
    }

    @Test
    void rejectsPinOfUnknownModel() {
        pin("pin-nobody", "{\"version\": 1}", ADMIN_KEY).statusCode(404)
                .body("type", equalTo("https://streamtune.dev/problems/unknown-model"));
    }
}

package dev.streamtune.ingest.rest;

import static dev.streamtune.ingest.IngestTestSupport.asAdmin;
import static dev.streamtune.ingest.IngestTestSupport.asProducer;
import static dev.streamtune.ingest.IngestTestSupport.registerTextModel;
import static dev.streamtune.ingest.IngestTestSupport.uniqueModel;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** X-API-Key: 401 without a known key, 403 for a producer key on admin endpoints; the admin key does everything. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ApiKeyTest {

    private static final String SAMPLE = "{\"text\":\"t\",\"label\":\"l\"}";

    @Test
    void missingKeyIs401ProblemJson() {
        given().contentType(ContentType.JSON).body(SAMPLE).post("/v1/models/" + uniqueModel("k") + "/samples")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-API-Key"))
                .body("type", equalTo("https://streamtune.dev/problems/unauthorized"))
                .body("detail", containsString("needs an API key"));
        given().get("/v1/models").then().statusCode(401);
    }

    @Test
    void unknownKeyIs401() {
        given().header("X-API-Key", "test-admin-key-but-longer").get("/v1/models").then().statusCode(401)
                .body("detail", containsString("not hold a known key"));
        given().header("X-API-Key", "").get("/v1/models").then().statusCode(401);
    }

    @Test
    void producerKeyCannotRegisterModels() {
        asProducer().contentType(ContentType.JSON)
                .body("{\"name\":\"" + uniqueModel("k") + "\",\"task\":\"text-classification\"}")
                .post("/v1/models").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://streamtune.dev/problems/forbidden"))
                .body("detail", containsString("needs the admin key; a producer key was given"));
    }

    @Test
    void producerKeysSendSamplesAndReadSpecs() {
        String model = registerTextModel("keys");
        asProducer().contentType(ContentType.JSON).body(SAMPLE).post("/v1/models/" + model + "/samples")
                .then().statusCode(202);
        given().header("X-API-Key", "other-producer-key").contentType(ContentType.JSON).body(SAMPLE)
                .post("/v1/models/" + model + "/samples").then().statusCode(202);
        asProducer().get("/v1/models/" + model).then().statusCode(200);
    }

    @Test
    void adminKeyAlsoSendsSamples() {
        String model = registerTextModel("admin-samples");
        asAdmin().contentType(ContentType.JSON).body(SAMPLE).post("/v1/models/" + model + "/samples")
                .then().statusCode(202).body("accepted", equalTo(1));
    }
}

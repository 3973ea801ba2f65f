package dev.streamtune.inference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.streamtune.inference.fixtures.Glosses;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model listing, details and kept versions; readiness and metrics. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ModelsResourceTest extends ServiceTest {

    @Test
    void listsModelsWithServingVersionPinAndLoadTime() {
        textModel("models-list", 1);
        awaitServing("models-list", 1);
        given().get("/v1/models").then().statusCode(200)
                .body("find { it.name == 'models-list' }.servingVersion", equalTo(1))
                .body("find { it.name == 'models-list' }.loadedAt", notNullValue());
    }

    @Test
    void listsRegisteredModelWithoutVersion() {
        publisher().register("models-unpublished", glosses());
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/v1/models/models-unpublished").statusCode() == 200);
        given().get("/v1/models").then().statusCode(200)
                .body("find { it.name == 'models-unpublished' }.name", equalTo("models-unpublished"))
                .body("find { it.name == 'models-unpublished' }.servingVersion", nullValue());
    }

    @Test
    void detailsCarryLabelsAndMetricsOfTheServingVersion() {
        textModel("models-details", 1);
        awaitServing("models-details", 1);
        given().get("/v1/models/models-details").then().statusCode(200)
                .body("labels", equalTo(Glosses.LABELS))
                .body("metrics.accuracy", greaterThan(0.5f))
                .body("versionCreatedAt", notNullValue())
                .body("refused", hasSize(0));
    }

    @Test
    void keepsOnlyTheNewestVersions() {
        int keep = cfg.keepVersions();
        textModel("models-kept", keep + 2);
        awaitServing("models-kept", keep + 2);
        List<Integer> expected = java.util.stream.IntStream.rangeClosed(3, keep + 2).boxed().toList();
        given().get("/v1/models/models-kept/versions").then().statusCode(200)
                .body("versions.version", equalTo(expected))
                .body("versions.find { it.version == " + (keep + 2) + " }.serving", equalTo(true))
                .body("versions[0].signed", equalTo(true));
    }

    @Test
    void unknownModelIs404() {
        given().get("/v1/models/models-nobody").then().statusCode(404).contentType(containsString("application/problem+json"));
        given().get("/v1/models/models-nobody/versions").then().statusCode(404);
    }

    @Test
    void readyOnceEveryModelWithAVersionIsLoaded() {
        textModel("models-ready", 1);
        awaitServing("models-ready", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().body("checks.name", hasItem("models-loaded"));
    }

    @Test
    void exposesPrometheusMetrics() {
        textModel("models-metrics", 1);
        awaitServing("models-metrics", 1);
        predictText("models-metrics", "a bowl of soup").statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("streamtune_inference_request_seconds_bucket{", "streamtune_inference_batch_size_count",
                "streamtune_inference_swaps_total{model=\"models-metrics\"", "streamtune_inference_serving_version{model=\"models-metrics\"} 1.0",
                "streamtune_inference_version_age_seconds{model=\"models-metrics\"")) {
            org.junit.jupiter.api.Assertions.assertTrue(metrics.contains(name), "metrics lack " + name);
        }
    }
}

package dev.streamtune.ingest.rest;

import static dev.streamtune.ingest.IngestTestSupport.asProducer;
import static dev.streamtune.ingest.IngestTestSupport.registerTextModel;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.contracts.Topics;
import dev.streamtune.kafka.common.TopicCreator;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Readiness, metrics, OpenAPI, and the topics created at startup. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class OperationsTest {

    @Inject
    TopicCreator topicCreator;

    @Test
    void readinessIncludesKafkaAndTheModelRegistry() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("model registry caught up", "Kafka connection health check"));
    }

    @Test
    void prometheusMetricsCountAcceptedAndRejectedSamplesProduceLatencyAndRegistrations() {
        String model = registerTextModel("metrics");
        asProducer().contentType(ContentType.JSON).body("{\"text\":\"t\",\"label\":\"l\"}")
                .post("/v1/models/" + model + "/samples").then().statusCode(202);
        asProducer().contentType(ContentType.JSON).body("{\"text\":\"\",\"label\":\"l\"}")
                .post("/v1/models/" + model + "/samples").then().statusCode(400);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("streamtune_ingest_samples_accepted_total{kind=\"single\"}"), metrics);
        assertTrue(metrics.contains("streamtune_ingest_samples_rejected_total{reason=\"invalid-samples\"}"), metrics);
        assertTrue(metrics.contains("streamtune_ingest_produce_seconds_count{kind=\"single\"}"), metrics);
        assertTrue(metrics.contains("streamtune_ingest_spec_registrations_total{outcome=\"created\"}"), metrics);
    }

    @Test
    void openApiDescribesTheEndpointsAndTheApiKey() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/v1/models", "/v1/models/{model}", "/v1/models/{model}/samples"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerProblemJson() {
        asProducer().delete("/v1/models").then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://streamtune.dev/problems/method-not-allowed"));
        asProducer().get("/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://streamtune.dev/problems/not-found"));
    }

    @Test
    void topicsWereCreatedWithTheirLayoutAndCreatingAgainChangesNothing() throws Exception {
        Topics topics = Topics.defaults();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)))) {
            var described = admin.describeTopics(List.of(topics.samples(), topics.modelSpecs())).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            assertEquals(3, described.get(topics.samples()).partitions().size());
            ConfigResource specs = new ConfigResource(ConfigResource.Type.TOPIC, topics.modelSpecs());
            Config config = admin.describeConfigs(List.of(specs)).all().get(10, TimeUnit.SECONDS).get(specs);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
        assertEquals(List.of(), topicCreator.ensure(
                List.of(TopicLayout.samples(topics), TopicLayout.modelSpecs(topics)), Duration.ofSeconds(10)));
    }
}

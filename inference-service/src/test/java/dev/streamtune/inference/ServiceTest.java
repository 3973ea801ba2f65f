package dev.streamtune.inference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.Topics;
import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.backbone.MiniLmBackbone;
import dev.streamtune.inference.batching.SharedBackbones;
import dev.streamtune.inference.config.InferenceConfig;
import dev.streamtune.inference.fixtures.GrayHistogramBackbone;
import dev.streamtune.inference.fixtures.TrainingSet;
import dev.streamtune.inference.fixtures.VersionPublisherFixture;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Base of the service tests: one application (one test profile) against the JVM's shared KRaft broker, one
 * MiniLM shared by the service and the fixtures, and a publisher that plays the trainer. Each test uses its own
 * model names.
 */
public abstract class ServiceTest {

    /** The admin key of the test profile. */
    protected static final String ADMIN_KEY = "test-admin-key";
    private static VersionPublisherFixture publisher;
    private static TrainingSet glosses;
    private static TrainingSet images;

    @Inject
    protected ObjectMapper json;
    @Inject
    protected SharedBackbones backbones;
    @Inject
    protected InferenceConfig cfg;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrap;

    /** The JVM's publisher (created on first use, closed with the JVM). */
    protected VersionPublisherFixture publisher() {
        synchronized (ServiceTest.class) {
            if (publisher == null) {
                publisher = new VersionPublisherFixture(bootstrap, Topics.of(cfg.topicPrefix()), json, cfg.signingKey().orElseThrow());
            }
            return publisher;
        }
    }

    /** 10 WordNet glosses of each of three lexnames, embedded by the service's MiniLM. */
    @SuppressWarnings("unchecked")
    protected TrainingSet glosses() {
        synchronized (ServiceTest.class) {
            if (glosses == null) {
                glosses = TrainingSet.glosses((Backbone<String>) backbones.get(MiniLmBackbone.ID, Modality.TEXT).backbone(), 10);
            }
            return glosses;
        }
    }

    /** Dark and light grey images, embedded by the test image backbone. */
    @SuppressWarnings("unchecked")
    protected TrainingSet images() {
        synchronized (ServiceTest.class) {
            if (images == null) {
                images = TrainingSet.greyImages((Backbone<byte[]>) backbones.get(GrayHistogramBackbone.ID, Modality.IMAGE).backbone());
            }
            return images;
        }
    }

    /** Registers a text model and publishes versions 1..{@code versions}. */
    protected void textModel(String model, int versions) {
        publisher().register(model, glosses());
        for (int v = 1; v <= versions; v++) {
            publisher().publish(model, v);
        }
    }

    /** Waits until this replica serves {@code version} of {@code model}. */
    protected void awaitServing(String model, long version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var r = given().get("/v1/models/{m}", model);
            return r.statusCode() == 200 && Long.valueOf(version).equals(r.jsonPath().getObject("servingVersion", Long.class));
        });
    }

    /** POSTs {@code body} (a JSON-able map) to the predict endpoint. */
    protected ValidatableResponse predict(String model, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/models/{m}/predict", model).then();
    }

    /** POSTs {@code {"text": text}}. */
    protected ValidatableResponse predictText(String model, String text) {
        return predict(model, Map.of("text", text));
    }
}

package dev.streamtune.inference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamtune.core.bert.SharedBaseEncoder;
import dev.streamtune.inference.service.InferenceMetrics;
import dev.streamtune.inference.service.ServingStack;
import dev.streamtune.inference.service.StackSettings;
import dev.streamtune.inference.swap.HeadLoader;
import dev.streamtune.inference.swap.ModelEntry;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a restarted replica serves: a second {@link ServingStack} over the same topics (sharing this JVM's
 * backbones) reads everything from the beginning and loads the latest version, or the pinned one.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class RestartTest extends ServiceTest {

    @Inject
    HeadLoader heads;

    @Inject
    SharedBaseEncoder baseEncoder;

    private ServingStack restartedReplica() {
        return new ServingStack(StackSettings.from(cfg), bootstrap, json, backbones, baseEncoder, heads,
                new InferenceMetrics(new SimpleMeterRegistry()));
    }

    private static long servingAfterStart(ServingStack replica, String model) {
        await().atMost(Duration.ofSeconds(60)).until(() -> replica.models().waiting().isEmpty());
        ModelEntry e = replica.models().find(model);
        return e == null ? 0 : e.servingVersion();
    }

    @Test
    void restartedReplicaLoadsTheLatestVersion() {
        textModel("restart-latest", 3);
        awaitServing("restart-latest", 3);
        try (ServingStack replica = restartedReplica()) {
            assertEquals(3, servingAfterStart(replica, "restart-latest"));
        }
    }

    @Test
    void restartedReplicaLoadsThePinnedVersion() {
        textModel("restart-pinned", 3);
        awaitServing("restart-pinned", 3);
        given().contentType("application/json").header("X-API-Key", ADMIN_KEY).body("{\"version\": 2}")
                .put("/v1/models/restart-pinned/pin").then().statusCode(200);
        try (ServingStack replica = restartedReplica()) {
            assertEquals(2, servingAfterStart(replica, "restart-pinned"));
            assertEquals(2L, replica.models().find("restart-pinned").pinned());
        }
    }

    @Test
    void restartedReplicaSkipsARefusedNewestVersion() {
        textModel("restart-refused", 2);
        awaitServing("restart-refused", 2);
        publisher().publish("restart-refused", 3, dev.streamtune.inference.fixtures.VersionPublisherFixture.Tamper.CORRUPT);
        try (ServingStack replica = restartedReplica()) {
            assertEquals(2, servingAfterStart(replica, "restart-refused"));
        }
    }
}

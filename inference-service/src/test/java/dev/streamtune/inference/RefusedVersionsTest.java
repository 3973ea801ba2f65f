package dev.streamtune.inference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamtune.inference.fixtures.VersionPublisherFixture.Tamper;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spoiled version is refused with a reason and a metric, and the version before it keeps serving. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class RefusedVersionsTest extends ServiceTest {

    private void refusedWhileOldVersionServes(String model, Tamper tamper, String reason) {
        textModel(model, 1);
        awaitServing(model, 1);
        double before = refusedCount(model, reason);
        publisher().publish(model, 2, tamper);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> refused = given().get("/v1/models/{m}", model).jsonPath().getList("refused");
            return refused.stream().anyMatch(r -> ((Number) r.get("version")).longValue() == 2 && reason.equals(tag(r)));
        });
        predictText(model, "a small furry animal").statusCode(200).body("modelVersion", equalTo(1));
        assertEquals(before + 1, refusedCount(model, reason), "refused-versions metric for " + reason);
        given().get("/v1/models/{m}/versions", model).then().body("versions.version", equalTo(List.of(1)));
        publisher().publish(model, 3);
        awaitServing(model, 3);
    }

    private static String tag(Map<String, Object> refusal) {
        return refusal.get("reason").toString().toLowerCase().replace('_', '-');
    }

    private static double refusedCount(String model, String reason) {
        String metrics = given().get("/q/metrics").asString();
        String prefix = "streamtune_inference_versions_refused_total{";
        return metrics.lines().filter(l -> l.startsWith(prefix) && l.contains("model=\"" + model + "\"")
                        && l.contains("reason=\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void refusesCorruptedArtifact() {
        refusedWhileOldVersionServes("refuse-corrupt", Tamper.CORRUPT, "corrupt");
    }

    @Test
    void refusesUnsignedArtifactWhenAKeyIsConfigured() {
        refusedWhileOldVersionServes("refuse-unsigned", Tamper.UNSIGNED, "unsigned");
    }

    @Test
    void refusesArtifactSignedWithAnotherKey() {
        refusedWhileOldVersionServes("refuse-bad-signature", Tamper.BAD_SIGNATURE, "bad-signature");
    }

    @Test
    void refusesVersionTrainedOnOtherBackboneWeights() {
        refusedWhileOldVersionServes("refuse-incompatible", Tamper.OTHER_BACKBONE_WEIGHTS, "incompatible");
    }
}

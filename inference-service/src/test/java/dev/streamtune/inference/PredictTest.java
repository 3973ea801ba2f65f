package dev.streamtune.inference;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.isIn;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.core.learn.Example;
import dev.streamtune.inference.fixtures.Glosses;
import dev.streamtune.inference.fixtures.TrainingSet;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PredictTest extends ServiceTest {

    @Test
    void answersOneTextWithTopKVersionAndFreshness() {
        textModel("predict-one", 1);
        awaitServing("predict-one", 1);
        var gloss = Glosses.sample(10).get(0);
        predictText("predict-one", gloss.gloss()).statusCode(200)
                .body("label", isIn(Glosses.LABELS))
                .body("topK", hasSize(3))
                .body("modelVersion", equalTo(1))
                .body("versionCreatedAt", greaterThanOrEqualTo(0L))
                .body("freshnessMs", greaterThanOrEqualTo(5000));
    }

    @Test
    void kQueryParameterSetsTheNumberOfLabels() {
        textModel("predict-k", 1);
        awaitServing("predict-k", 1);
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("text", "a small furry animal"))
                .queryParam("k", 2).post("/v1/models/predict-k/predict").then()
                .statusCode(200).body("topK", hasSize(2));
    }

    @Test
    void answersABatchWithOneVersion() {
        textModel("predict-batch", 1);
        awaitServing("predict-batch", 1);
        predict("predict-batch", Map.of("inputs", List.of(Map.of("text", "a loaf of bread"), Map.of("text", "a horse"),
                Map.of("text", "a hammer")))).statusCode(200)
                .body("predictions", hasSize(3))
                .body("predictions[0].topK", hasSize(3))
                .body("modelVersion", equalTo(1))
                .body("label", equalTo(null));
    }

    @Test
    void servedModelClassifiesItsTrainingGlosses() {
        textModel("predict-quality", 1);
        awaitServing("predict-quality", 1);
        TrainingSet set = glosses();
        int correct = 0;
        List<Example> examples = set.examples();
        var glosses = Glosses.sample(10);
        for (int i = 0; i < glosses.size(); i++) {
            String label = predictText("predict-quality", glosses.get(i).gloss()).statusCode(200).extract().path("label");
            if (label.equals(examples.get(i).label())) {
                correct++;
            }
        }
        assertTrue(correct >= glosses.size() * 0.8, correct + " of " + glosses.size() + " training glosses classified right");
    }

    @Test
    void answersAnImageModel() {
        publisher().register("predict-image", images());
        publisher().publish("predict-image", 1);
        awaitServing("predict-image", 1);
        String dark = Base64.getEncoder().encodeToString(TrainingSet.png(20));
        predict("predict-image", Map.of("image", dark)).statusCode(200).body("label", equalTo("dark")).body("topK", hasSize(2));
    }
}

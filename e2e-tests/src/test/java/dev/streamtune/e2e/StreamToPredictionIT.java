package dev.streamtune.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamtune.bench.DemoGlosses;
import dev.streamtune.bench.LocalStack;
import dev.streamtune.bench.StackClient;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.SharedKafka;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole product as a user runs it: a real KRaft broker, the three services as processes from their packaged
 * jars, a model registered through ingest's REST API, real WordNet glosses streamed to it, versions published by
 * the trainer and hot-swapped by inference, and predictions on glosses that were never sent.
 */
class StreamToPredictionIT {

    /**
     * Accuracy the served version must reach on 240 held-out glosses of the 6 classes (chance: 1/6 = 0.17).
     * Measured with 150 training glosses per class: 0.888 and 0.892 in two runs; one standard error of a
     * 240-sample accuracy near 0.89 is 0.02, so 0.80 fails only when learning or serving is really broken.
     */
    static final double ACCURACY_FLOOR = 0.80;
    private static final int TRAIN_PER_CLASS = 150;
    private static final int TEST_PER_CLASS = 40;

    private static LocalStack stack;
    private static StackClient client;

    @BeforeAll
    static void startStack() throws Exception {
        KafkaBroker broker = SharedKafka.get();
        Path root = Path.of("..").toAbsolutePath().normalize();
        stack = LocalStack.start(broker.bootstrapServers(), root, Path.of("target", "it-logs"),
                Map.of(LocalStack.Service.TRAINER, Map.of("trainer.consume.max-wait-ms", "100")));
        client = stack.client();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void servedVersionClassifiesHeldOutGlossesWellAboveChance() throws Exception {
        String model = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        DemoGlosses glosses = DemoGlosses.open(Path.of("/usr/share/wordnet"));
        List<StackClient.Sample> train = glosses.samples(0, TRAIN_PER_CLASS, 11);
        List<StackClient.Sample> heldOut = glosses.samples(TRAIN_PER_CLASS, TEST_PER_CLASS, 11);
        register(model);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < train.size(); i += 100) {
            ids.addAll(client.send(model, train.subList(i, Math.min(train.size(), i + 100))));
        }
        assertEquals(train.stream().map(StackClient.Sample::id).toList(), ids, "202 answers carry the client's ids in order");

        JsonNode served = await("a served version trained on all " + train.size() + " samples")
                .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> servedVersion(model), v -> v != null && v.path("cumulativeSamples").asLong() == train.size());
        assertTrue(served.path("version").asLong() >= 2, "publishing every 300 samples gives several versions: " + served);
        assertTrue(served.path("signed").asBoolean(), "versions are signed with the stack's key");

        int correct = 0;
        for (int i = 0; i < heldOut.size(); i += 120) {
            List<StackClient.Sample> chunk = heldOut.subList(i, Math.min(heldOut.size(), i + 120));
            StackClient.Predictions p = client.predictAll(model, chunk.stream().map(StackClient.Sample::text).toList());
            assertEquals(served.path("version").asLong(), p.modelVersion(), "answered by the served version");
            for (int k = 0; k < chunk.size(); k++) {
                correct += chunk.get(k).label().equals(p.labels().get(k)) ? 1 : 0;
            }
        }
        double accuracy = (double) correct / heldOut.size();
        System.out.printf("e2e: %s, %d training glosses, version %d, held-out accuracy %.3f on %d glosses (floor %.2f)%n",
                glosses.source(), train.size(), served.path("version").asLong(), accuracy, heldOut.size(), ACCURACY_FLOOR);
        assertTrue(accuracy >= ACCURACY_FLOOR, "held-out accuracy " + accuracy + " below " + ACCURACY_FLOOR);
    }

    @Test
    void rejectsSamplesOutsideTheLabelSetAndPredictionsForUnknownModels() throws Exception {
        String model = "e2e-bad-" + UUID.randomUUID().toString().substring(0, 8);
        register(model);
        IOException refused = assertThrows(IOException.class,
                () -> client.send(model, List.of(new StackClient.Sample(null, "a large cat of the forests", "noun.weather"))));
        assertTrue(refused.getMessage().contains("400"), refused.getMessage());
        assertFalse(client.predict("e2e-never-registered", "anything").isPresent(), "no version: no prediction");
    }

    private static void register(String model) throws IOException, InterruptedException {
        ObjectNode spec = new ObjectMapper().createObjectNode().put("name", model).put("task", "text-classification");
        DemoGlosses.CLASSES.forEach(spec.putArray("labels")::add);
        spec.putObject("publish").put("everySamples", 300).put("everySeconds", 2.0);
        client.register(spec);
    }

    /** The version inference serves, as listed by its versions endpoint, or null when none. */
    private static JsonNode servedVersion(String model) throws IOException, InterruptedException {
        JsonNode versions = client.versions(model).orElse(null);
        if (versions == null || !versions.hasNonNull("servingVersion")) {
            return null;
        }
        for (JsonNode v : versions.path("versions")) {
            if (v.path("serving").asBoolean()) {
                return v;
            }
        }
        return null;
    }
}

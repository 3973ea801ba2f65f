package dev.streamtune.trainer.flow;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.kafka.local.InjectKafkaBroker;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.KafkaTestResource;
import dev.streamtune.trainer.messaging.DeadLetters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trainer against a real broker: real WordNet glosses in, versions out, poison to the DLQ, the gate. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TrainerFlowTest {

    private static final List<String> FOUR = List.of("noun.animal", "noun.food", "noun.plant", "noun.artifact");

    @InjectKafkaBroker
    KafkaBroker broker;

    @jakarta.inject.Inject
    PublishedModels published;

    private StreamFixture fixture;

    @BeforeEach
    void open() {
        fixture = new StreamFixture(broker.bootstrapServers());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<VersionInfo> versions(String model) {
        return VersionLog.read(broker.bootstrapServers(), fixture.topics().modelVersions(), model);
    }

    @Test
    void streamsWordNetGlossesIntoVersionsWithRisingAccuracy() throws Exception {
        String model = "flow-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.register(model, 100, 3600, 1.0, ModelSpec.ReplaySettings.defaults());
        StreamFixture.Split data = StreamFixture.split(FOUR, 150, 40, 7);
        fixture.send(model, data.train(), "", l -> l);
        await().atMost(Duration.ofMinutes(5)).until(() -> versions(model).size() >= 6);
        List<VersionInfo> v = versions(model);
        for (int i = 0; i < v.size(); i++) {
            assertEquals(i + 1, v.get(i).version(), "versions are consecutive");
            assertEquals(i, v.get(i).parent());
        }
        // every version judged on the same unseen glosses, through its published artifact
        double first = published.accuracy(model, 1, data.test());
        double last = published.accuracy(model, v.size(), data.test());
        assertTrue(last > first, "accuracy on unseen glosses should rise: v1 " + first + ", v" + v.size() + " " + last);
        assertTrue(last >= 0.75, "4-class WordNet accuracy after 600 samples should be >= 0.75, was " + last);
        assertEquals(4, v.get(v.size() - 1).labels().size());
        assertTrue(v.get(v.size() - 1).metrics().accuracy() > 0.5, "holdout accuracy is recorded");
        given().get("/v1/models/" + model + "/training").then().statusCode(200);
    }

    @Test
    void poisonRecordsLandInDeadLetterTopicWithReasonsWhileTrainingContinues() throws Exception {
        String model = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.register(model, 40, 2, 1.0, ModelSpec.ReplaySettings.defaults());
        List<WordNetGloss> glosses = StreamFixture.glosses(FOUR, 15, 11);
        fixture.send(model, glosses.subList(0, 30), "a-", l -> l);
        fixture.sendRaw(model, "{this is not json".getBytes(StandardCharsets.UTF_8));
        fixture.sendRaw(model, ("{\"id\":\"p1\",\"model\":\"" + model + "\",\"image\":\"iVBORw0K\",\"label\":\"x\"}").getBytes(StandardCharsets.UTF_8));
        fixture.sendRaw(model, ("{\"id\":\"p2\",\"model\":\"" + model + "\",\"text\":\"a gloss\",\"label\":\"\"}").getBytes(StandardCharsets.UTF_8));
        fixture.sendRaw(model + "-ghost", ("{\"id\":\"p3\",\"model\":\"" + model + "-ghost\",\"text\":\"a gloss\",\"label\":\"l\"}").getBytes(StandardCharsets.UTF_8));
        fixture.send(model, glosses.subList(30, 60), "b-", l -> l);
        await().atMost(Duration.ofMinutes(4)).until(() -> deadLetters(Map.of(model, 3, model + "-ghost", 1)).size() == 4);
        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : deadLetters(Map.of(model, 3, model + "-ghost", 1))) {
            String offset = new String(r.headers().lastHeader(DeadLetters.SOURCE_OFFSET).value(), StandardCharsets.UTF_8);
            reasons.put(new String(r.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8), offset);
        }
        assertEquals(java.util.Set.of("malformed", "wrong-modality", "empty-label", "unknown-model"), reasons.keySet());
        await().atMost(Duration.ofMinutes(4)).until(() -> !versions(model).isEmpty()
                && versions(model).get(versions(model).size() - 1).cumulativeSamples() == 60);
    }

    @Test
    void flippedLabelsForOldClassesYieldARejectedCandidate() throws Exception {
        String model = "gate-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.register(model, 100, 3600, 0.05, new ModelSpec.ReplaySettings("reservoir", 0, 0));
        List<WordNetGloss> glosses = StreamFixture.glosses(List.of("noun.animal", "noun.food"), 200, 3);
        fixture.send(model, glosses.subList(0, 200), "", l -> l);
        await().atMost(Duration.ofMinutes(4)).until(() -> versions(model).size() >= 2);
        int published = versions(model).size();
        fixture.send(model, glosses.subList(200, 400), "flip-", l -> l.equals("noun.animal") ? "noun.food" : "noun.animal");
        await().atMost(Duration.ofMinutes(4)).until(() -> "rejected".equals(
                given().get("/v1/models/" + model + "/training").then().extract().path("lastDecision")));
        assertEquals(published, versions(model).size(), "a rejected candidate is not published");
        int rejected = given().get("/v1/models/" + model + "/training").then().extract().path("rejectedCandidates");
        assertTrue(rejected >= 1);
    }

    /** Dead letters of the given keys, expecting up to {@code n} of each. */
    private List<ConsumerRecord<String, byte[]>> deadLetters(Map<String, Integer> keys) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(fixture.topics().samplesDlq()));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(300))) {
                    if (keys.containsKey(r.key())) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }
}

package dev.streamtune.inference.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.VersionEnvelope;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.bert.MiniLmEncoder;
import dev.streamtune.core.bert.TextClassifier;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.data.WordNetReader;
import dev.streamtune.core.weights.ArtifactPolicy;
import dev.streamtune.core.weights.WeightsArtifact;
import dev.streamtune.core.weights.WeightsArtifactReader;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.KafkaExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole pipeline with a {@code lora} and a {@code fine-tune} model: ingest-service, trainer-service and
 * inference-service run as separate processes from their packaged jars over a real KRaft broker. Real WordNet
 * glosses go in through ingest's REST API, the trainer tunes the real MiniLM (rank-8 adapters on its top 2 layers,
 * or its top layer itself) and publishes versions, and the inference replica rebuilds them on its shared base encoder and serves
 * predictions that equal a local rebuild of the published artifact.
 */
@ExtendWith(KafkaExtension.class)
class TunedPipelineIT {

    private static final List<String> CLASSES = List.of("noun.animal", "noun.food");
    private static final int MAX_TOKENS = 32;
    private static final int SAMPLES = 48;
    private static final int PUBLISH_EVERY = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void loraAndFineTuneModelsFlowFromIngestThroughTrainerToServedPredictions(KafkaBroker broker) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String prefix = "tuned" + run + ".";
        String bootstrap = broker.bootstrapServers();
        String lora = "lora-" + run;
        String fineTune = "ft-" + run;
        List<WordNetGloss> glosses = glosses();
        try (ServiceProcess ingest = ServiceProcess.launch("ingest-service", bootstrap, Map.of(
                        "ingest.topics.prefix", prefix, "ingest.security.mode", "open"));
                ServiceProcess trainer = ServiceProcess.launch("trainer-service", bootstrap, Map.of(
                        "trainer.topic-prefix", prefix, "trainer.instance-id", "tuned-" + run,
                        "trainer.tuning.max-tokens", Integer.toString(MAX_TOKENS), "trainer.tuning.batch-size", "8",
                        "trainer.checkpoint.every-seconds", "2"));
                ServiceProcess inference = ServiceProcess.launch("inference-service", bootstrap, Map.of(
                        "inference.topic-prefix", prefix, "inference.security.mode", "open",
                        "inference.text.max-length", Integer.toString(MAX_TOKENS)))) {
            for (ServiceProcess service : List.of(ingest, trainer, inference)) {
                service.awaitReady(Duration.ofSeconds(150));
            }
            register(ingest, lora, "lora", "{\"layers\":2,\"rank\":8}");
            register(ingest, fineTune, "fine-tune", "{\"layers\":1}");
            send(ingest, lora, glosses.subList(0, SAMPLES));
            send(ingest, fineTune, glosses.subList(0, SAMPLES));

            for (String model : List.of(lora, fineTune)) {
                await(model + " served; logs " + trainer.log() + ", " + inference.log()).atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> servingVersion(inference, model) >= 1);
            }
            Map<String, VersionEnvelope> published = firstVersions(bootstrap, prefix + "model-versions");
            try (MiniLmEncoder base = MiniLmEncoder.openBuiltIn(TextEncoderOptions.defaults().withMaxLength(MAX_TOKENS))) {
                checkServed(inference, base, published.get(lora), lora, Strategy.LORA, glosses.get(SAMPLES));
                checkServed(inference, base, published.get(fineTune), fineTune, Strategy.FINE_TUNE, glosses.get(SAMPLES + 1));
            }
            int loraBytes = published.get(lora).artifact().length;
            int fineTuneBytes = published.get(fineTune).artifact().length;
            System.out.printf("artifact bytes: lora-r8-top2 %d, fine-tune-top1 %d%n", loraBytes, fineTuneBytes);
            assertTrue(loraBytes < 2_000_000, "a rank-8 LoRA artifact is well under 2 MB: " + loraBytes);
            assertTrue(fineTuneBytes > 7_000_000, "a fine-tune artifact holds a whole layer (7.1 MB): " + fineTuneBytes);
        }
    }

    /** The served answer for {@code gloss} equals that of the published artifact rebuilt here on the same base. */
    private static void checkServed(ServiceProcess inference, MiniLmEncoder base, VersionEnvelope envelope, String model,
            Strategy strategy, WordNetGloss gloss) throws IOException, InterruptedException {
        VersionInfo info = JSON.readValue(envelope.infoJson(), VersionInfo.class);
        assertEquals(strategy, info.strategy());
        JsonNode view = get(inference, "/v1/models/" + model);
        assertEquals(strategy.id(), view.get("strategy").asText());
        JsonNode answer = post(inference, "/v1/models/" + model + "/predict?k=2",
                JSON.createObjectNode().put("text", gloss.gloss()));
        assertEquals(view.get("servingVersion").asLong(), answer.get("modelVersion").asLong(), "one version answered");
        WeightsArtifact artifact = new WeightsArtifactReader(ArtifactPolicy.defaults())
                .read(envelope.artifact(), info.artifactSha256(), info.signature());
        assertEquals(strategy, artifact.metadata().strategy().kind());
        Map<String, Double> local = new HashMap<>();
        try (TextClassifier rebuilt = TextClassifier.rebuild(base, artifact.trainableWeights(base.config()))) {
            float[] logits = rebuilt.predict(List.of(gloss.gloss()))[0];
            double max = Math.max(logits[0], logits[1]);
            double sum = Math.exp(logits[0] - max) + Math.exp(logits[1] - max);
            for (int i = 0; i < 2; i++) {
                local.put(rebuilt.labels().get(i), Math.exp(logits[i] - max) / sum);
            }
        }
        assertEquals(info.version(), answer.get("modelVersion").asLong(), "fewer samples than two versions need");
        assertEquals(2, answer.get("topK").size());
        for (JsonNode scored : answer.get("topK")) {
            assertEquals(local.get(scored.get("label").asText()), scored.get("score").asDouble(), 1e-4,
                    model + ": served score of " + scored.get("label") + " vs the local rebuild of v" + info.version());
        }
        System.out.printf("%s v%d (%s): '%s' -> %s%n", model, answer.get("modelVersion").asLong(), strategy.id(),
                gloss.gloss(), answer.get("topK"));
    }

    private static List<WordNetGloss> glosses() {
        List<WordNetGloss> nouns = WordNetReader.system().read("noun");
        List<WordNetGloss> out = new ArrayList<>();
        Random random = new Random(17);
        List<List<WordNetGloss>> byClass = new ArrayList<>();
        for (String c : CLASSES) {
            List<WordNetGloss> l = new ArrayList<>(nouns.stream().filter(g -> g.lexname().equals(c)).toList());
            Collections.shuffle(l, random);
            byClass.add(l);
        }
        for (int i = 0; i < SAMPLES; i++) {
            for (List<WordNetGloss> l : byClass) {
                out.add(l.get(i));
            }
        }
        return out;
    }

    private static void register(ServiceProcess ingest, String model, String strategy, String tuning)
            throws IOException, InterruptedException {
        ObjectNode spec = (ObjectNode) JSON.readTree("{\"task\":\"text-classification\",\"tuning\":" + tuning
                + ",\"replay\":{\"policy\":\"class-balanced\",\"capacity\":200,\"ratio\":0.5},"
                + "\"publish\":{\"everySamples\":" + PUBLISH_EVERY + ",\"everySeconds\":3600,\"maxForgetting\":1.0}}");
        spec.put("name", model).put("strategy", strategy);
        spec.set("labels", JSON.valueToTree(CLASSES));
        HttpResponse<String> r = send(ingest, "/v1/models", spec);
        assertEquals(201, r.statusCode(), r.body());
    }

    private static void send(ServiceProcess ingest, String model, List<WordNetGloss> glosses)
            throws IOException, InterruptedException {
        ArrayNode samples = JSON.createArrayNode();
        for (WordNetGloss g : glosses) {
            samples.addObject().put("id", g.id()).put("text", g.gloss()).put("label", g.lexname());
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("samples", samples);
        HttpResponse<String> r = send(ingest, "/v1/models/" + model + "/samples", body);
        assertEquals(202, r.statusCode(), r.body());
    }

    private static long servingVersion(ServiceProcess inference, String model) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(inference.url("/v1/models/" + model)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode serving = r.statusCode() == 200 ? JSON.readTree(r.body()).get("servingVersion") : null;
        return serving == null || serving.isNull() ? 0 : serving.asLong();
    }

    private static JsonNode get(ServiceProcess service, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(service.url(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode post(ServiceProcess service, String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> r = send(service, path, body);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(ServiceProcess service, String path, JsonNode body)
            throws IOException, InterruptedException {
        URI uri = service.url(path);
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Version 1 of every model on the versions topic, by model. */
    private static Map<String, VersionEnvelope> firstVersions(String bootstrap, String topic) throws IOException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        Map<String, VersionEnvelope> out = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            while (c.position(tp) < end) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofSeconds(1))) {
                    if (r.key().endsWith("/1")) {
                        out.put(r.key().substring(0, r.key().length() - 2), VersionEnvelope.decode(r.value()));
                    }
                }
            }
        }
        return out;
    }
}

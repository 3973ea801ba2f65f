package dev.streamtune.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.contracts.Topics;
import dev.streamtune.contracts.VersionEnvelope;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.learn.ContinualLearner;
import dev.streamtune.core.learn.Example;
import dev.streamtune.core.learn.LearnerConfig;
import dev.streamtune.core.weights.Lineage;
import dev.streamtune.core.weights.WeightsArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the trainer for a benchmark: trains a model-core head on real WordNet glosses (MiniLM features), and
 * publishes its spec and signed versions to Kafka in the trainer's record layout.
 */
final class VersionMaker implements AutoCloseable {

    /** A version record ready to send. */
    record Record(String key, byte[] value) {}

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final ObjectMapper json = new ObjectMapper();
    private final String signingKey;
    private final Backbone<String> backbone;
    private final ContinualLearner learner;
    private final List<Example> examples = new ArrayList<>();

    /** Embeds {@code training} with {@code backbone} and trains a head on it (label = lexname). */
    VersionMaker(String bootstrap, Topics topics, String signingKey, Backbone<String> backbone, List<WordNetGloss> training) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicLayout.ARTIFACT_MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
        this.signingKey = signingKey;
        this.backbone = backbone;
        float[][] features = backbone.embed(training.stream().map(WordNetGloss::gloss).toList());
        for (int i = 0; i < features.length; i++) {
            examples.add(Example.of(training.get(i).id(), features[i], training.get(i).lexname()));
        }
        this.learner = ContinualLearner.create(LearnerConfig.defaults(backbone.info().dimension()));
        learner.learn(examples, 3);
    }

    /** Registers {@code model} as a text classifier on the backbone. */
    void registerSpec(String model) throws Exception {
        ModelSpec spec = new ModelSpec(model, Task.TEXT_CLASSIFICATION, backbone.info().id(), Strategy.FEATURE_EXTRACTION, null,
                ModelSpec.ReplaySettings.defaults(), ModelSpec.PublishSettings.defaults(), 1, System.currentTimeMillis());
        send(new Record(model, json.writeValueAsBytes(spec)), topics.modelSpecs());
    }

    /** Versions {@code from..to} of {@code model}, each after one more training pass over a slice of the examples. */
    List<Record> versions(String model, long from, long to) throws IOException {
        List<Record> out = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            int slice = (int) (v * 64 % examples.size());
            learner.learn(examples.subList(slice, Math.min(examples.size(), slice + 64)));
            long now = System.currentTimeMillis();
            double accuracy = learner.evaluate(examples).accuracy();
            WeightsArtifact a = learner.exportWeights(new dev.streamtune.core.weights.VersionInfo(model, v, v > 1 ? v - 1 : null,
                    backbone.info(), Map.of("accuracy", accuracy), new Lineage(learner.stats().trainedExamples(),
                    learner.stats().steps(), List.of()), now), signingKey.getBytes(StandardCharsets.UTF_8));
            VersionInfo info = new VersionInfo(model, v, v - 1, now, Strategy.FEATURE_EXTRACTION, backbone.info().id(),
                    backbone.info().sha256(), learner.labels(),
                    new VersionInfo.Metrics(accuracy, Map.of(), accuracy, 0, examples.size()), List.of(),
                    learner.stats().trainedExamples(), now, a.sha256(), a.signature());
            out.add(new Record(info.key(), new VersionEnvelope(json.writeValueAsBytes(info), a.bytes()).encode()));
        }
        return out;
    }

    /** Sends one version record and waits for the broker's acknowledgement. */
    void publish(Record r) throws Exception {
        send(r, topics.modelVersions());
    }

    private void send(Record r, String topic) throws Exception {
        producer.send(new ProducerRecord<>(topic, r.key(), r.value())).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
        learner.close();
    }
}

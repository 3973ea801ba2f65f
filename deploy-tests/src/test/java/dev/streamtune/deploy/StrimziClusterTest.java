package dev.streamtune.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.contracts.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerType;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Strimzi resources against what the services need: one KRaft cluster of the project's Kafka version, a
 * bootstrap address the services are given, and a {@code KafkaTopic} per topic with the partitions and configs of
 * {@link TopicLayout}.
 */
class StrimziClusterTest {

    private static KustomizeTree base;
    private static Kafka kafka;

    @BeforeAll
    static void load() {
        base = KustomizeTree.load(KustomizationTest.BASE);
        assertEquals(List.of(), base.errors());
        List<Kafka> clusters = base.all(Kafka.class);
        assertEquals(1, clusters.size(), "one Kafka cluster");
        kafka = clusters.get(0);
    }

    @Test
    void topicsCarryTheLayoutTheServicesUse() {
        List<KafkaTopic> topics = base.all(KafkaTopic.class);
        assertEquals(List.of(), TopicComparison.differences(topics, TopicLayout.all(Topics.defaults())));
        for (KafkaTopic topic : topics) {
            assertEquals(kafka.getMetadata().getName(), topic.getMetadata().getLabels().get("strimzi.io/cluster"),
                    topic.getMetadata().getName() + " belongs to another cluster");
        }
    }

    @Test
    void comparisonFindsEachKindOfDifference() {
        List<KafkaTopic> topics = base.all(KafkaTopic.class);
        Topics names = Topics.defaults();
        List<TopicLayout> changed = new ArrayList<>(TopicLayout.all(names));
        changed.set(1, new TopicLayout(names.samples(), 7, changed.get(1).configs()));
        changed.set(2, new TopicLayout(names.samplesDlq(), TopicLayout.SAMPLES_PARTITIONS,
                Map.of("cleanup.policy", "compact")));
        changed.remove(5);
        List<String> problems = TopicComparison.differences(topics, changed);
        assertTrue(problems.stream().anyMatch(p -> p.contains("model-pins")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("samples: partitions 3, TopicLayout says 7")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("samples-dlq: cleanup.policy=delete")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("samples-dlq: retention.ms is set here")),
                problems.toString());
    }

    @Test
    void clusterIsKraftWithEnoughBrokersForTheTopics() {
        List<KafkaNodePool> pools = base.all(KafkaNodePool.class).stream()
                .filter(p -> kafka.getMetadata().getName().equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                .toList();
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        int controllers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertTrue(controllers % 2 == 1, "an odd number of KRaft controllers, got " + controllers);
        assertEquals(RepoPaths.kafkaVersion(), kafka.getSpec().getKafka().getVersion(),
                "the cluster should run the Kafka version the services are built and tested with");
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        int minIsr = Integer.parseInt(String.valueOf(config.getOrDefault("min.insync.replicas", 1)));
        for (KafkaTopic topic : base.all(KafkaTopic.class)) {
            int replicas = topic.getSpec().getReplicas();
            assertTrue(replicas <= brokers, topic.getMetadata().getName() + ": " + replicas + " replicas, " + brokers
                    + " brokers");
            assertTrue(minIsr < replicas, topic.getMetadata().getName() + ": min.insync.replicas " + minIsr
                    + " must stay below " + replicas + " replicas, or one broker down stops every write");
        }
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
            assertTrue(Integer.parseInt(String.valueOf(config.get(key))) <= brokers, key);
        }
    }

    @Test
    void servicesAreGivenTheClustersBootstrapAddress() {
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getType() == KafkaListenerType.INTERNAL && !l.isTls()).findFirst()
                .orElseThrow(() -> new AssertionError("the services speak PLAINTEXT: an internal listener without TLS"));
        String expected = kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort();
        List<String> given = base.all(ConfigMap.class).stream()
                .map(cm -> cm.getData().get("KAFKA_BOOTSTRAP_SERVERS")).filter(v -> v != null).toList();
        assertFalse(given.isEmpty(), "no ConfigMap sets KAFKA_BOOTSTRAP_SERVERS");
        given.forEach(v -> assertEquals(expected, v));
    }
}

package dev.streamtune.kafka.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The follower and the compacted view on a real KRaft broker. */
@ExtendWith(KafkaExtension.class)
class TopicFollowerTest {

    private final KafkaBroker broker;

    TopicFollowerTest(KafkaBroker broker) {
        this.broker = broker;
    }

    private static String topic(KafkaBroker broker, String config) {
        String name = "follower-" + UUID.randomUUID();
        TopicCreator.ensure(broker.bootstrapServers(), List.of(new TopicLayout(name, 2, Map.of("cleanup.policy", config))),
                (short) 1, 30_000);
        return name;
    }

    private static KafkaProducer<String, byte[]> producer(KafkaBroker broker, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void handsOverEveryRecordFromTheBeginningIncludingLaterOnes() throws Exception {
        String topic = topic(broker, "delete");
        List<String> seen = new CopyOnWriteArrayList<>();
        try (KafkaProducer<String, byte[]> p = producer(broker, null)) {
            p.send(new ProducerRecord<>(topic, 0, "k", bytes("before-1"))).get();
            p.send(new ProducerRecord<>(topic, 0, "k", bytes("before-2"))).get();
            try (TopicFollower follower = new TopicFollower(broker.bootstrapServers(), topic, "test-follower",
                    r -> seen.add(new String(r.value(), StandardCharsets.UTF_8)))) {
                assertTrue(follower.awaitCaughtUp(Duration.ofSeconds(30)));
                assertEquals(List.of("before-1", "before-2"), seen);
                p.send(new ProducerRecord<>(topic, 1, "k", bytes("after"))).get();
                assertTrue(follower.awaitCaughtUp(Duration.ofSeconds(30)));
                assertEquals(List.of("before-1", "before-2", "after"), seen);
                assertTrue(follower.alive());
            }
        }
    }

    @Test
    void neverHandsOverRecordsOfAbortedTransactions() throws Exception {
        String topic = topic(broker, "delete");
        List<String> seen = new CopyOnWriteArrayList<>();
        try (KafkaProducer<String, byte[]> p = producer(broker, "follower-test-" + UUID.randomUUID())) {
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>(topic, 0, "k", bytes("aborted")));
            p.abortTransaction();
            p.beginTransaction();
            p.send(new ProducerRecord<>(topic, 0, "k", bytes("committed")));
            p.commitTransaction();
        }
        try (TopicFollower follower = new TopicFollower(broker.bootstrapServers(), topic, "test-follower",
                r -> seen.add(new String(r.value(), StandardCharsets.UTF_8)))) {
            assertTrue(follower.awaitCaughtUp(Duration.ofSeconds(30)));
            assertEquals(List.of("committed"), seen);
        }
    }

    @Test
    void viewKeepsTheLatestValuePerKeyAndForgetsTombstonedKeys() throws Exception {
        String topic = topic(broker, "compact");
        List<String> changes = new ArrayList<>();
        try (KafkaProducer<String, byte[]> p = producer(broker, null);
                CompactedTopicView<String> view = new CompactedTopicView<>(broker.bootstrapServers(), topic,
                        b -> new String(b, StandardCharsets.UTF_8))) {
            view.onChange((k, v) -> changes.add(k + "=" + v));
            p.send(new ProducerRecord<>(topic, 0, "a", bytes("1"))).get();
            p.send(new ProducerRecord<>(topic, 0, "a", bytes("2"))).get();
            p.send(new ProducerRecord<>(topic, 1, "b", bytes("3"))).get();
            assertTrue(view.awaitCaughtUp(Duration.ofSeconds(30)));
            assertEquals(Map.of("a", "2", "b", "3"), view.all());
            p.send(new ProducerRecord<>(topic, 0, "a", null)).get();
            assertTrue(view.awaitCaughtUp(Duration.ofSeconds(30)));
            assertNull(view.get("a"));
            assertTrue(changes.contains("a=null"), changes.toString());
        }
    }

    @Test
    void anOnDemandViewReadsOnlyWhileACatchUpWaits() throws Exception {
        String topic = topic(broker, "compact");
        try (KafkaProducer<String, byte[]> p = producer(broker, null);
                CompactedTopicView<String> view = CompactedTopicView.onDemand(broker.bootstrapServers(), topic,
                        b -> new String(b, StandardCharsets.UTF_8))) {
            p.send(new ProducerRecord<>(topic, 0, "a", bytes("1"))).get();
            assertTrue(view.awaitCaughtUp(Duration.ofSeconds(30)));
            assertEquals(Map.of("a", "1"), view.all());
            p.send(new ProducerRecord<>(topic, 0, "a", bytes("2"))).get();
            p.send(new ProducerRecord<>(topic, 1, "b", bytes("3"))).get();
            // no thread reads on demand: acknowledged records stay unread until the next catch-up
            assertEquals(Map.of("a", "1"), view.all(), "nothing is read between catch-ups");
            assertTrue(view.awaitCaughtUp(Duration.ofSeconds(30)));
            assertEquals(Map.of("a", "2", "b", "3"), view.all());
        }
    }
}

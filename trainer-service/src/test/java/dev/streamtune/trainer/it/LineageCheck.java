package dev.streamtune.trainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.VersionInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Checks that the published lineage of a model covers each of its sample offsets exactly once. */
final class LineageCheck {

    private LineageCheck() {}

    /** Offsets of {@code model}'s records in the samples topic, per partition. */
    static Map<Integer, TreeSet<Long>> sampleOffsets(String bootstrap, String topic, String model) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "lineage-" + UUID.randomUUID());
        Map<Integer, TreeSet<Long>> out = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo pi : c.partitionsFor(topic)) {
                parts.add(new TopicPartition(topic, pi.partition()));
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(300))) {
                    if (model.equals(r.key())) {
                        out.computeIfAbsent(r.partition(), k -> new TreeSet<>()).add(r.offset());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Asserts versions are numbered 1..n without gaps or repeats, and that every sample offset of the model lies
     * in exactly one version's lineage range, with counts adding up.
     */
    static void assertExactlyOnce(List<VersionInfo> versions, Map<Integer, TreeSet<Long>> offsets) {
        for (int i = 0; i < versions.size(); i++) {
            assertEquals(i + 1, versions.get(i).version(), "versions are 1..n in order, none twice");
        }
        long total = offsets.values().stream().mapToLong(TreeSet::size).sum();
        long counted = 0;
        for (Map.Entry<Integer, TreeSet<Long>> e : offsets.entrySet()) {
            for (long offset : e.getValue()) {
                int covering = 0;
                for (VersionInfo v : versions) {
                    for (VersionInfo.OffsetRange r : v.lineage()) {
                        if (r.partition() == e.getKey() && r.from() <= offset && offset <= r.to()) {
                            covering++;
                        }
                    }
                }
                assertEquals(1, covering, "offset " + e.getKey() + "@" + offset + " covered by " + covering + " versions");
            }
        }
        for (VersionInfo v : versions) {
            for (VersionInfo.OffsetRange r : v.lineage()) {
                counted += r.count();
            }
        }
        assertEquals(total, counted, "lineage counts add up to the samples sent");
        assertTrue(total > 0);
        assertEquals(total, versions.get(versions.size() - 1).cumulativeSamples());
    }
}

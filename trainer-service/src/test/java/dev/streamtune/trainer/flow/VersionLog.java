package dev.streamtune.trainer.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.VersionEnvelope;
import dev.streamtune.contracts.VersionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every committed version record of the model-versions topic, as a consumer of the versions would. */
public final class VersionLog {

    private VersionLog() {}

    /** Every committed record of {@code topic} (single partition), in order. */
    public static List<ConsumerRecord<String, byte[]>> records(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "versions-" + UUID.randomUUID());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            while (c.position(tp) < end) {
                c.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    /** All committed versions of {@code model}, in topic order. */
    public static List<VersionInfo> read(String bootstrap, String topic, String model) {
        ObjectMapper json = new ObjectMapper();
        List<VersionInfo> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records(bootstrap, topic)) {
            if (r.key() != null && r.key().startsWith(model + "/")) {
                try {
                    out.add(json.readValue(VersionEnvelope.decode(r.value()).infoJson(), VersionInfo.class));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}

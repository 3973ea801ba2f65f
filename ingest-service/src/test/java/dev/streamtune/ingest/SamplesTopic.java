package dev.streamtune.ingest;

import static org.awaitility.Awaitility.await;

import dev.streamtune.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads what the service wrote to the samples topic, as a trainer would (read_committed), from a position taken
 * before the request under test, keeping the records of one model.
 */
public final class SamplesTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final Map<String, List<ConsumerRecord<String, String>>> byModel = new HashMap<>();

    private SamplesTopic(String topic, String isolation) {
        this.topic = topic;
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before the request under test
    }

    /** A read_committed reader of the default samples topic, positioned at its current end. */
    public static SamplesTopic fromNow() {
        return new SamplesTopic(Topics.defaults().samples(), "read_committed");
    }

    /** A read_uncommitted reader (sees records of open transactions), positioned at the current end. */
    public static SamplesTopic uncommittedFromNow() {
        return new SamplesTopic(Topics.defaults().samples(), "read_uncommitted");
    }

    /** Reads until {@code count} records of {@code model} arrived (in topic order), failing after 60 s. */
    public List<ConsumerRecord<String, String>> read(String model, int count) {
        return readUntil(model, records -> records.size() >= count);
    }

    /**
     * Reads until {@code done} holds for the records of {@code model} read so far (by this reader, since it was
     * made), failing after 60 s; returns those records in topic order.
     */
    public List<ConsumerRecord<String, String>> readUntil(String model,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
            if (done.test(recordsOf(model))) {
                return true;
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                byModel.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
            return done.test(recordsOf(model));
        });
        return List.copyOf(recordsOf(model));
    }

    private List<ConsumerRecord<String, String>> recordsOf(String model) {
        return byModel.getOrDefault(model, List.of());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** The topic read. */
    public String topic() {
        return topic;
    }
}

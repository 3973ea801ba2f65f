package dev.streamtune.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline: the same records sent straight to Kafka with kafka-clients, the way the ingest service writes an
 * NDJSON request: a pool of transactional (so idempotent, acks=all) producers, one transaction per chunk, a record
 * counted once its transaction committed. Producers are created and initialised up front, as the service's pool
 * is, so only sending is timed. The topic is created like the samples topic (3 partitions) if missing.
 */
final class RawProducerLoad implements AutoCloseable {

    private final String topic;
    private final Map<String, Object> settings;
    private final List<KafkaProducer<String, byte[]>> producers = new ArrayList<>();
    private final ChunkWorkers<KafkaProducer<String, byte[]>> workers;

    /**
     * @param settings producer settings that must match the ingest service's (compression, linger, batch size),
     *     applied over this class's defaults
     */
    RawProducerLoad(String bootstrap, String topic, int poolSize, Map<String, String> settings) {
        this.topic = topic;
        createTopicIfMissing(bootstrap, topic);
        Map<String, Object> merged = defaults(bootstrap);
        merged.putAll(settings);
        this.settings = Map.copyOf(merged);
        String run = Long.toString(System.currentTimeMillis(), 36);
        try {
            for (int i = 0; i < poolSize; i++) {
                Map<String, Object> config = new HashMap<>(this.settings);
                config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-raw-" + run + "-" + i);
                KafkaProducer<String, byte[]> p =
                        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
                producers.add(p);
                p.initTransactions();
            }
        } catch (RuntimeException e) {
            producers.forEach(KafkaProducer::close);
            throw e;
        }
        this.workers = new ChunkWorkers<>(producers, "raw-producer");
    }

    /**
     * The producer settings the baseline uses unless overridden: the ingest service's defaults
     * for bulk writes ({@code ingest.kafka.*} and its KafkaClientConfig): acks=all, idempotence, lz4, linger 100 ms
     * ({@code ingest.kafka.bulk-linger-ms}), 256 KiB batches.
     */
    static Map<String, Object> defaults(String bootstrap) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        c.put(ProducerConfig.LINGER_MS_CONFIG, "100");
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        c.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(32L * 1024 * 1024));
        return c;
    }

    private static void createTopicIfMissing(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(Set.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topic " + topic + " at " + bootstrap, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }

    /** The producer settings in use (without the per-producer transactional id), for the report. */
    Map<String, Object> settings() {
        return settings;
    }

    Throughput run(String path, IngestWorkload workload, int chunkSize) throws Exception {
        return workers.run(path, workload, chunkSize, (p, i, chunk) -> sendInTransaction(p, workload, chunk));
    }

    private long sendInTransaction(KafkaProducer<String, byte[]> p, IngestWorkload w, IngestWorkload.Chunk c) {
        p.beginTransaction();
        try {
            for (int i = c.from(); i < c.to(); i++) {
                p.send(new ProducerRecord<>(topic, w.model(), w.value(i)));
            }
            p.commitTransaction(); // flushes and fails if any send failed
        } catch (RuntimeException e) {
            try {
                p.abortTransaction();
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
        return c.size();
    }

    @Override
    public void close() {
        workers.close();
        for (KafkaProducer<String, byte[]> p : producers) {
            p.close();
        }
    }
}

package dev.streamtune.trainer.service;

import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.kafka.common.NativeLz4;
import dev.streamtune.trainer.config.TrainerConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The trainer's Kafka clients, with every setting exactly-once training depends on spelled out. */
final class KafkaClients {

    /** Compression of everything the trainer produces (versions, checkpoints, dead letters). */
    static final String COMPRESSION = "lz4";

    private KafkaClients() {}

    /** Group consumer of the samples topic: read_committed, manual offsets (they go into the transaction). */
    static KafkaConsumer<String, byte[]> samplesConsumer(String bootstrap, TrainerConfig cfg) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, cfg.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "trainer-" + cfg.instanceId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, cfg.consume().maxRecords());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, TopicLayout.SAMPLES_MAX_MESSAGE_BYTES);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * TopicLayout.SAMPLES_MAX_MESSAGE_BYTES);
        // a model's first batch may restore a checkpoint and load a backbone: allow slow polls
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Transactional producer; its id is stable per instance so a restart fences its killed predecessor. */
    static KafkaProducer<String, byte[]> transactionalProducer(String bootstrap, TrainerConfig cfg) {
        NativeLz4.enable(); // JNI lz4 for the checkpoints, also under Quarkus's class loader
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, cfg.topicPrefix() + "trainer-" + cfg.instanceId());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "trainer-" + cfg.instanceId());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // lz4, not zstd: checkpoints are mostly float32 tensors, which compress little either way; zstd cost the
        // publish path time (bench trainer: publish p50 176 -> 143-147 ms, samples/s +12 % with lz4)
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        // checkpoints are the largest records it writes (versions stay below ARTIFACT_MAX_MESSAGE_BYTES)
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicLayout.CHECKPOINT_MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * TopicLayout.CHECKPOINT_MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}

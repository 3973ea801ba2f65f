package dev.streamtune.ingest.config;

import dev.streamtune.contracts.TopicLayout;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings of the service: the {@code kafka.*} properties of the application (bootstrap servers,
 * security) plus explicit producer, consumer and admin settings derived from {@link IngestConfig}.
 *
 * <p>Producers: {@code acks=all} and idempotence (no loss, no duplicates on retry), a small {@code linger.ms} for
 * single samples and a longer one for bulk transactions, compression, and {@code max.block.ms} /
 * {@code delivery.timeout.ms} bounded by {@code ingest.kafka.request-timeout} so that a request fails in about that
 * time when Kafka is down.
 */
@ApplicationScoped
public class KafkaClientConfig {

    private static final int BATCH_BYTES = 256 * 1024;
    private static final long BUFFER_BYTES = 32L * 1024 * 1024;

    private final Map<String, Object> base;
    private final IngestConfig.KafkaSettings kafka;

    @Inject
    public KafkaClientConfig(@Identifier("default-kafka-broker") Map<String, Object> base, IngestConfig config) {
        this.base = Map.copyOf(base);
        this.kafka = config.kafka();
    }

    /** The idempotent producer for single samples and specs. */
    public Map<String, Object> idempotentProducer() {
        Map<String, Object> p = producerBase();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "streamtune-ingest");
        return p;
    }

    /** A transactional producer of the pool. */
    public Map<String, Object> transactionalProducer(int index) {
        Map<String, Object> p = producerBase();
        String id = kafka.transactionalIdPrefix() + "-" + index;
        p.put(ProducerConfig.CLIENT_ID_CONFIG, id);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) kafka.transactionTimeout().toMillis());
        lingerWithin(p, kafka.bulkLingerMs());
        return p;
    }

    /** The model-spec view's consumer: no group, committed records only, never creates the topic. */
    public Map<String, Object> specConsumer() {
        Map<String, Object> c = new HashMap<>(base);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "streamtune-ingest-spec-view");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafka.requestTimeout().toMillis());
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, TopicLayout.SPEC_MAX_MESSAGE_BYTES);
        return c;
    }

    /** The admin client that creates topics. */
    public Map<String, Object> admin() {
        Map<String, Object> a = new HashMap<>(base);
        a.put(AdminClientConfig.CLIENT_ID_CONFIG, "streamtune-ingest-admin");
        int timeout = (int) kafka.requestTimeout().toMillis();
        a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2 * timeout);
        return a;
    }

    private Map<String, Object> producerBase() {
        Map<String, Object> p = new HashMap<>(base);
        int timeout = (int) kafka.requestTimeout().toMillis();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, kafka.compression());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicLayout.SAMPLES_MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_BYTES);
        // A request may wait this long for metadata or buffer space, and a record this long for its ack.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        lingerWithin(p, kafka.lingerMs());
        return p;
    }

    /** Sets {@code linger.ms}, and the request timeout so that linger + request fits the delivery timeout. */
    private void lingerWithin(Map<String, Object> p, int lingerMs) {
        int timeout = (int) kafka.requestTimeout().toMillis();
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, timeout - lingerMs));
    }
}

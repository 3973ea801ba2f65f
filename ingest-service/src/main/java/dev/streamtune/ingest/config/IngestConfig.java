package dev.streamtune.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of the ingest service, under the prefix {@code ingest}. Each key can be overridden by an
 * environment variable in the usual way ({@code ingest.security.admin-key} = {@code INGEST_SECURITY_ADMIN_KEY}).
 */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Topic names and creation. */
    TopicSettings topics();

    /** Kafka producers: timeouts, transactions, batching. */
    KafkaSettings kafka();

    /** API keys. */
    SecuritySettings security();

    /** Request and sample size limits. */
    LimitSettings limits();

    /** Topic names and creation. */
    interface TopicSettings {
        /** Prefix of every topic name, e.g. {@code streamtune.} gives {@code streamtune.samples}. */
        @WithDefault("streamtune.")
        String prefix();

        /** Replication factor for topics this service creates; {@code -1} uses the broker's default. */
        @WithDefault("-1")
        short replicationFactor();
    }

    /** Kafka producer behaviour. */
    interface KafkaSettings {
        /**
         * How long a request may wait for Kafka (metadata, buffer space, acknowledgements, transaction commit)
         * before it fails with 503. Also bounds the producers' {@code max.block.ms} and {@code delivery.timeout.ms}.
         */
        @WithDefault("5s")
        Duration requestTimeout();

        /** Seconds a client is told to wait ({@code Retry-After}) after a 503. */
        @WithDefault("5")
        int retryAfterSeconds();

        /** Transactional producers in the pool used for NDJSON streams and JSON batches (concurrent transactions). */
        @WithDefault("4")
        int transactionalProducers();

        /**
         * Prefix of the producers' {@code transactional.id}s ({@code prefix-0}, {@code prefix-1}, ...). Must differ
         * between replicas and stay stable across restarts of one replica (a restart then fences and aborts what its
         * previous life left open); the pod or host name is a good choice.
         */
        @WithDefault("streamtune-ingest-${HOSTNAME:local}")
        String transactionalIdPrefix();

        /** Longest time one NDJSON request may keep its transaction open. */
        @WithDefault("5m")
        Duration transactionTimeout();

        /** {@code linger.ms} of the producer of single samples: small, so a single sample is not held back. */
        @WithDefault("1")
        int lingerMs();

        /**
         * {@code linger.ms} of the transactional producers (JSON batches and NDJSON): long enough for batches to
         * fill while a request is still parsing lines, so that Kafka gets few large compressed batches instead of
         * many small ones. The commit sends what still lingers at once, so this does not delay the answer.
         */
        @WithDefault("100")
        int bulkLingerMs();

        /** Producer compression: {@code lz4}, {@code zstd}, {@code gzip}, {@code snappy} or {@code none}. */
        @WithDefault("lz4")
        String compression();
    }

    /** API-key security. */
    interface SecuritySettings {
        /** {@code keys}: every {@code /v1} request needs a valid {@code X-API-Key}; {@code open}: no checks (logs a WARN). */
        @WithDefault("keys")
        SecurityMode mode();

        /** The admin key: registers models, and may also send samples. Empty means no admin key. */
        @WithDefault("")
        Optional<String> adminKey();

        /** Producer keys (comma separated): may send samples and read specs. Empty means none. */
        @WithDefault("")
        Optional<Set<String>> producerKeys();
    }

    /** Security modes. */
    enum SecurityMode {
        /** API keys are required. */
        KEYS,
        /** Nothing is checked: for a local laptop only. */
        OPEN
    }

    /** Limits on what one request and one sample may carry. */
    interface LimitSettings {
        /** Longest text, in characters (Unicode code points). */
        @WithDefault("10000")
        int maxTextLength();

        /** Longest label, in characters. */
        @WithDefault("128")
        int maxLabelLength();

        /** Longest client-chosen sample id, in characters. */
        @WithDefault("128")
        int maxIdLength();

        /** Largest image, decoded (the PNG/JPEG bytes, not the base64 text). */
        @WithDefault("5M")
        MemorySize maxImageSize();

        /** Largest image in pixels (width x height), checked before the pixels are decoded. */
        @WithDefault("16777216")
        long maxImagePixels();

        /** Most samples in one JSON batch ({@code {"samples": [...]}}); more is answered 413. */
        @WithDefault("1000")
        int maxBatchSamples();

        /** Largest JSON body (single sample or batch), read whole into memory; larger is answered 413. */
        @WithDefault("32M")
        MemorySize maxJsonBodySize();

        /** Most lines in one NDJSON request; more is answered 413. */
        @WithDefault("200000")
        int maxNdjsonLines();

        /** Largest NDJSON body; it is streamed, so this bounds time and disk, not memory. */
        @WithDefault("1G")
        MemorySize maxNdjsonBodySize();

        /** Most entries listed in {@code errors} of one rejection; the {@code detail} still counts all of them. */
        @WithDefault("1000")
        int maxListedErrors();

        /** Largest labels list of a model spec. */
        @WithDefault("10000")
        int maxSpecLabels();
    }
}

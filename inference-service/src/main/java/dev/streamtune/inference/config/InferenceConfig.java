package dev.streamtune.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Every setting of inference-service, prefix {@code inference}; each key is overridable by environment variable. */
@ConfigMapping(prefix = "inference")
public interface InferenceConfig {

    /** Topic name prefix shared by all StreamTune services. */
    @WithDefault("streamtune.")
    String topicPrefix();

    /** Replication factor of the topics this service creates when missing; {@code -1}: the broker's default. */
    @WithDefault("-1")
    short topicReplicationFactor();

    /** How many of each model's newest valid versions stay in memory for pinning and rollback. */
    @WithDefault("10")
    int keepVersions();

    /**
     * HMAC-SHA256 key the trainer signs artifacts with. When set, unsigned or badly signed versions are refused;
     * when absent, signatures are not checked.
     */
    Optional<String> signingKey();

    /** Who may call the admin endpoints (pin, unpin). */
    Security security();

    /** Dynamic batching of backbone calls. */
    Batching batching();

    /** Limits and defaults of the predict endpoint. */
    Predict predict();

    /** The built-in text encoder. */
    Text text();

    /** The live dashboard ({@code /dashboard/}) and where it reads the trainers' figures. */
    Dashboard dashboard();

    /** Who may call the admin endpoints. */
    interface Security {
        /** {@code keys}: admin endpoints need header {@code X-API-Key} equal to the admin key; {@code open}: no check. */
        @WithDefault("keys")
        SecurityMode mode();

        /** The admin key; without it, in {@code keys} mode, the admin endpoints answer 403. */
        Optional<String> adminKey();
    }

    /** Dynamic batching of backbone calls. */
    interface Batching {
        /** Most inputs in one backbone call. */
        @WithDefault("32")
        int maxBatch();

        /** Longest wait for more inputs after the first of a batch arrived, in milliseconds. */
        @WithDefault("2")
        int maxDelayMs();

        /** Backbone calls that may run at the same time (worker threads, one backbone predictor each). */
        @WithDefault("2")
        int workers();

        /** Inputs waiting for a backbone call at most; beyond that requests are answered 503. */
        @WithDefault("4096")
        int queueCapacity();
    }

    /** Limits and defaults of the predict endpoint. */
    interface Predict {
        /** Most inputs in one batch request; more is answered 413. */
        @WithDefault("256")
        int maxInputs();

        /** Labels returned per input when the request has no {@code k}. */
        @WithDefault("3")
        int defaultK();

        /** Largest {@code k} accepted. */
        @WithDefault("100")
        int maxK();
    }

    /** The built-in text encoder. */
    interface Text {
        /** Tokens per text, longer texts are truncated. */
        @WithDefault("128")
        int maxLength();

        /**
         * ONNX Runtime threads per forward pass. With {@code batching.workers} batches running at once, one thread
         * each keeps the cores busy without oversubscribing them (on 2 cores, 1 thread x 2 workers used about 30 %
         * less CPU per text than 2 x 2).
         */
        @WithDefault("1")
        int intraOpThreads();
    }

    /** The live dashboard and where it reads the trainers' figures. */
    interface Dashboard {
        /**
         * Base URLs of the trainer instances whose {@code GET /v1/training} the dashboard shows (samples/s, consumer
         * lag, gate decisions), comma-separated; each instance reports the models it owns.
         */
        @WithDefault("http://127.0.0.1:8082")
        List<String> trainerUrls();

        /**
         * How long one trainer may take to answer before the dashboard marks it unreachable, in milliseconds (a
         * trainer's first answer took over a second on a loaded 2-core machine; later ones 30 to 60 ms).
         */
        @WithDefault("2000")
        int trainerTimeoutMs();
    }
}

package dev.streamtune.contracts;

import java.util.List;
import java.util.Map;

/**
 * How one StreamTune topic is created: partition count and topic-level configs. Pure data, so that every
 * service that creates topics at startup (with {@code Admin.createTopics}, ignoring "already exists") creates
 * them the same way. The replication factor is left to the deployment (the broker default, or a per-service
 * setting).
 *
 * @param name full topic name (prefix included)
 * @param partitions number of partitions
 * @param configs topic-level configs, e.g. {@code cleanup.policy=compact}
 */
public record TopicLayout(String name, int partitions, Map<String, String> configs) {

    /** Partitions of the samples topic: models spread over them by key, each model stays in one. */
    public static final int SAMPLES_PARTITIONS = 3;
    /** Largest sample record: a 5 MB image is 6.7 MB in base64, plus JSON around it. */
    public static final int SAMPLES_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** Largest spec, version or checkpoint record before chunking is needed. */
    public static final int ARTIFACT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
    /**
     * Largest checkpoint record: a {@code fine-tune} model's checkpoint holds its tuned layers and two Adam moments
     * per weight (top-2 MiniLM layers: 3 × 14.2 MB) besides replay and holdout token ids. Set per topic, so it
     * overrides the broker's {@code message.max.bytes}; below the broker's default 100 MiB request limit.
     */
    public static final int CHECKPOINT_MAX_MESSAGE_BYTES = 96 * 1024 * 1024;
    /** Largest model spec record (a spec with a large closed label set stays far below). */
    public static final int SPEC_MAX_MESSAGE_BYTES = 1024 * 1024;
    /** Samples and rejected samples are kept 30 days: long enough to rebuild a model from its checkpoint. */
    public static final long SAMPLES_RETENTION_MS = 30L * 24 * 60 * 60 * 1000;

    private static final String CLEANUP = "cleanup.policy";
    private static final String MAX_BYTES = "max.message.bytes";
    private static final String RETENTION = "retention.ms";

    public TopicLayout {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, got " + partitions);
        }
        configs = Map.copyOf(configs);
    }

    /** Compacted, one partition (specs are few and read whole); key = model name. */
    public static TopicLayout modelSpecs(Topics topics) {
        return new TopicLayout(topics.modelSpecs(), 1,
                Map.of(CLEANUP, "compact", MAX_BYTES, Integer.toString(SPEC_MAX_MESSAGE_BYTES)));
    }

    /** Deleted after {@link #SAMPLES_RETENTION_MS}; {@link #SAMPLES_PARTITIONS} partitions; key = model name. */
    public static TopicLayout samples(Topics topics) {
        return new TopicLayout(topics.samples(), SAMPLES_PARTITIONS, Map.of(
                CLEANUP, "delete",
                RETENTION, Long.toString(SAMPLES_RETENTION_MS),
                MAX_BYTES, Integer.toString(SAMPLES_MAX_MESSAGE_BYTES)));
    }

    /** Same partitioning and retention as the samples topic, so a rejected sample sits next to its model's. */
    public static TopicLayout samplesDlq(Topics topics) {
        return new TopicLayout(topics.samplesDlq(), SAMPLES_PARTITIONS, Map.of(
                CLEANUP, "delete",
                RETENTION, Long.toString(SAMPLES_RETENTION_MS),
                MAX_BYTES, Integer.toString(SAMPLES_MAX_MESSAGE_BYTES)));
    }

    /** Kept forever (versions are the audit trail); one partition keeps versions of all models in order. */
    public static TopicLayout modelVersions(Topics topics) {
        return new TopicLayout(topics.modelVersions(), 1, Map.of(
                CLEANUP, "delete",
                RETENTION, "-1",
                MAX_BYTES, Integer.toString(ARTIFACT_MAX_MESSAGE_BYTES)));
    }

    /** Compacted checkpoints, one per model, partitioned like the samples they summarise. */
    public static TopicLayout trainerState(Topics topics) {
        return new TopicLayout(topics.trainerState(), SAMPLES_PARTITIONS,
                Map.of(CLEANUP, "compact", MAX_BYTES, Integer.toString(CHECKPOINT_MAX_MESSAGE_BYTES)));
    }

    /** Compacted pins, one per model. */
    public static TopicLayout modelPins(Topics topics) {
        return new TopicLayout(topics.modelPins(), 1,
                Map.of(CLEANUP, "compact", MAX_BYTES, Integer.toString(SPEC_MAX_MESSAGE_BYTES)));
    }

    /** Every StreamTune topic. */
    public static List<TopicLayout> all(Topics topics) {
        return List.of(modelSpecs(topics), samples(topics), samplesDlq(topics), modelVersions(topics),
                trainerState(topics), modelPins(topics));
    }
}

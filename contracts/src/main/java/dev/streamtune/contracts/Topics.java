package dev.streamtune.contracts;

/**
 * Kafka topic names used between the StreamTune services, in one place so services and tests agree.
 *
 * <p>Every name is {@code prefix + base name}; the default prefix is {@value #DEFAULT_PREFIX}. A deployment
 * may choose another prefix (one Kafka cluster, several StreamTune installations), so services resolve names
 * through {@link #of(String)} rather than using the base names directly.
 */
public record Topics(String prefix) {

    /** Prefix used when none is configured. */
    public static final String DEFAULT_PREFIX = "streamtune.";

    /** Compacted; key = model name; value = {@link ModelSpec} JSON; a tombstone deletes the model. */
    public static final String MODEL_SPECS = "model-specs";
    /** Key = model name (keeps a model's samples ordered); value = {@link SampleRecord} JSON. */
    public static final String SAMPLES = "samples";
    /** Rejected sample records with reason headers. */
    public static final String SAMPLES_DLQ = "samples-dlq";
    /** Published model versions (metadata + weights artifact). */
    public static final String MODEL_VERSIONS = "model-versions";
    /** Compacted trainer checkpoints, key = model name. */
    public static final String TRAINER_STATE = "trainer-state";
    /** Compacted inference pins, key = model name. */
    public static final String MODEL_PINS = "model-pins";

    /** Topics with the default prefix. */
    public static Topics defaults() {
        return new Topics(DEFAULT_PREFIX);
    }

    /** Topics with the given prefix ({@code null} means the default). */
    public static Topics of(String prefix) {
        return new Topics(prefix == null ? DEFAULT_PREFIX : prefix);
    }

    public String modelSpecs() {
        return prefix + MODEL_SPECS;
    }

    public String samples() {
        return prefix + SAMPLES;
    }

    public String samplesDlq() {
        return prefix + SAMPLES_DLQ;
    }

    public String modelVersions() {
        return prefix + MODEL_VERSIONS;
    }

    public String trainerState() {
        return prefix + TRAINER_STATE;
    }

    public String modelPins() {
        return prefix + MODEL_PINS;
    }
}

package dev.streamtune.inference.service;

import dev.streamtune.contracts.Topics;
import dev.streamtune.inference.batching.BatchSettings;
import dev.streamtune.inference.config.InferenceConfig;

/**
 * What a {@link ServingStack} needs to know.
 *
 * @param topics topic names
 * @param replicationFactor replication factor of the topics created when missing ({@code -1}: the broker's default)
 * @param keepVersions versions kept per model for pinning and rollback
 * @param signingKey the trainer's signing key, or {@code null} when signatures are not required
 * @param batching dynamic batching settings
 */
public record StackSettings(Topics topics, short replicationFactor, int keepVersions, String signingKey,
        BatchSettings batching) {

    /** The settings from the service configuration. */
    public static StackSettings from(InferenceConfig cfg) {
        InferenceConfig.Batching b = cfg.batching();
        return new StackSettings(Topics.of(cfg.topicPrefix()), cfg.topicReplicationFactor(), cfg.keepVersions(),
                cfg.signingKey().orElse(null),
                new BatchSettings(b.maxBatch(), b.maxDelayMs(), b.workers(), b.queueCapacity()));
    }
}

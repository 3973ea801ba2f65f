package dev.streamtune.core.learn;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.core.replay.ReplayPolicy;
import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;

/**
 * Experience-replay settings of a learner.
 *
 * @param policy which samples the buffer keeps, or {@code null} for no replay
 * @param capacity buffer size in samples ({@code > 0} with a policy)
 * @param ratio share of each training step's batch drawn from the buffer, in {@code [0, 1)}: with batch size
 *     {@code B}, a full step trains on {@code B − round(ratio·B)} new and {@code round(ratio·B)} replayed samples
 * @param asymmetricLoss the ER-ACE loss (Caccia et al., ICLR 2022, "New Insights on Reducing Abrupt
 *     Representation Change in Online Continual Learning"): the new samples of a step compete only among the
 *     classes present in those new samples, while replayed samples compete among all classes. New classes then
 *     stop pushing down the logits of old classes they never appear with, which is the main source of forgetting
 *     in class-incremental learning. {@code false}: plain cross-entropy over all classes for every sample.
 */
public record ReplayConfig(ReplayPolicy policy, int capacity, double ratio, boolean asymmetricLoss) {

    public ReplayConfig {
        if (policy == null) {
            capacity = 0;
            ratio = 0;
            asymmetricLoss = false;
        } else {
            if (capacity <= 0) {
                throw new IllegalArgumentException("replay capacity must be positive, got " + capacity);
            }
            if (!(ratio >= 0 && ratio < 1)) {
                throw new IllegalArgumentException("replay ratio must be in [0, 1), got " + ratio);
            }
        }
    }

    /** No replay: every step trains on new samples only, with plain cross-entropy. */
    public static ReplayConfig none() {
        return new ReplayConfig(null, 0, 0, false);
    }

    /** Replay with {@code policy} and the asymmetric (ER-ACE) loss. */
    public static ReplayConfig of(ReplayPolicy policy, int capacity, double ratio) {
        if (policy == null) {
            throw new IllegalArgumentException("replay policy is required (use ReplayConfig.none() for no replay)");
        }
        return new ReplayConfig(policy, capacity, ratio, true);
    }

    /**
     * The replay settings of a model spec (policy {@code reservoir} or {@code class-balanced}, capacity, ratio),
     * with the asymmetric loss; the spec's defaults when it has none.
     *
     * @throws IllegalArgumentException for an unknown policy or an invalid capacity or ratio
     */
    public static ReplayConfig from(ModelSpec.ReplaySettings settings) {
        ModelSpec.ReplaySettings s = settings == null ? ModelSpec.ReplaySettings.defaults() : settings;
        return of(ReplayPolicy.fromId(s.policy()), s.capacity(), s.ratio());
    }

    /** The same settings with or without the asymmetric loss. */
    public ReplayConfig withAsymmetricLoss(boolean asymmetric) {
        if (policy == null && asymmetric) {
            throw new IllegalArgumentException("the asymmetric loss needs replay");
        }
        return new ReplayConfig(policy, capacity, ratio, asymmetric);
    }

    /** Whether a buffer is kept. */
    public boolean enabled() {
        return policy != null;
    }

    /** Writes these settings to a snapshot (policy id or {@code null}, capacity, ratio, asymmetric loss). */
    public void writeTo(SnapshotWriter out) {
        out.putString(enabled() ? policy.id() : null).putInt(capacity).putDouble(ratio).putBoolean(asymmetricLoss);
    }

    /**
     * Reads settings written by {@link #writeTo}.
     *
     * @throws IllegalArgumentException when they are not valid replay settings
     */
    public static ReplayConfig readFrom(SnapshotReader in) {
        String policy = in.getString();
        int capacity = in.getInt();
        double ratio = in.getDouble();
        boolean asymmetric = in.getBoolean();
        return policy == null ? none()
                : of(ReplayPolicy.fromId(policy), capacity, ratio).withAsymmetricLoss(asymmetric);
    }
}

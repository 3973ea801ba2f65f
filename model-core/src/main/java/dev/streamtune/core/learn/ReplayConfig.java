package dev.streamtune.core.learn;

import dev.streamtune.core.replay.ReplayPolicy;

/**
 * Experience-replay settings of a learner.
 *
 * @param policy which samples the buffer keeps, or {@code null} for no replay
 * @param capacity buffer size in samples ({@code > 0} with a policy)
 * @param ratio share of each training step's batch drawn from the buffer, in {@code [0, 1)}: with batch size
 *     {@code B}, a full step trains on {@code B − round(ratio·B)} new and {@code round(ratio·B)} replayed samples
 */
public record ReplayConfig(ReplayPolicy policy, int capacity, double ratio) {

    public ReplayConfig {
        if (policy == null) {
            capacity = 0;
            ratio = 0;
        } else {
            if (capacity <= 0) {
                throw new IllegalArgumentException("replay capacity must be positive, got " + capacity);
            }
            if (!(ratio >= 0 && ratio < 1)) {
                throw new IllegalArgumentException("replay ratio must be in [0, 1), got " + ratio);
            }
        }
    }

    /** No replay: every step trains on new samples only. */
    public static ReplayConfig none() {
        return new ReplayConfig(null, 0, 0);
    }

    /** Replay with {@code policy}. */
    public static ReplayConfig of(ReplayPolicy policy, int capacity, double ratio) {
        if (policy == null) {
            throw new IllegalArgumentException("replay policy is required (use ReplayConfig.none() for no replay)");
        }
        return new ReplayConfig(policy, capacity, ratio);
    }

    /** Whether a buffer is kept. */
    public boolean enabled() {
        return policy != null;
    }
}

package dev.streamtune.core.learn;

import dev.streamtune.core.eval.HoldoutSelector;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.replay.ReplayPolicy;
import java.util.List;

/**
 * Everything that determines a learner's behaviour; with the same config and the same stream of examples a
 * learner produces bit-identical weights.
 *
 * @param head head shape
 * @param optimizer optimizer settings
 * @param batchSize samples per training step (new plus replayed), {@code >= 1}
 * @param replay replay settings
 * @param holdoutFraction share of sample ids held out for evaluation, in {@code [0, 1)}
 * @param holdoutCapacity most held-out samples kept (class-balanced), {@code >= 1}
 * @param seed seed of every random choice (initialisation, dropout, shuffling, replay, holdout reservoir)
 */
public record LearnerConfig(
        HeadConfig head,
        OptimizerConfig optimizer,
        int batchSize,
        ReplayConfig replay,
        double holdoutFraction,
        int holdoutCapacity,
        long seed) {

    /** Largest accepted batch size. */
    public static final int MAX_BATCH_SIZE = 1 << 16;

    public LearnerConfig {
        if (head == null || optimizer == null || replay == null) {
            throw new IllegalArgumentException("head, optimizer and replay settings are required");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batch size must be in [1, " + MAX_BATCH_SIZE + "], got " + batchSize);
        }
        new HoldoutSelector(holdoutFraction);
        if (holdoutCapacity < 1) {
            throw new IllegalArgumentException("holdout capacity must be at least 1, got " + holdoutCapacity);
        }
    }

    /**
     * Defaults for {@code inputDim}-d features: hidden layer of 256, dropout 0.1, Adam lr 1e-3, batch 64,
     * class-balanced replay of 2,000 with half of every step replayed, 10 % holdout (at most 2,000 kept), seed 42.
     */
    public static LearnerConfig defaults(int inputDim) {
        return new LearnerConfig(new HeadConfig(inputDim, List.of(256), 0.1f), OptimizerConfig.adam(1e-3f), 64,
                ReplayConfig.of(ReplayPolicy.CLASS_BALANCED, 2000, 0.5), HoldoutSelector.DEFAULT_FRACTION, 2000, 42L);
    }

    public LearnerConfig withHead(HeadConfig value) {
        return new LearnerConfig(value, optimizer, batchSize, replay, holdoutFraction, holdoutCapacity, seed);
    }

    public LearnerConfig withOptimizer(OptimizerConfig value) {
        return new LearnerConfig(head, value, batchSize, replay, holdoutFraction, holdoutCapacity, seed);
    }

    public LearnerConfig withBatchSize(int value) {
        return new LearnerConfig(head, optimizer, value, replay, holdoutFraction, holdoutCapacity, seed);
    }

    public LearnerConfig withReplay(ReplayConfig value) {
        return new LearnerConfig(head, optimizer, batchSize, value, holdoutFraction, holdoutCapacity, seed);
    }

    public LearnerConfig withHoldout(double fraction, int capacity) {
        return new LearnerConfig(head, optimizer, batchSize, replay, fraction, capacity, seed);
    }

    public LearnerConfig withSeed(long value) {
        return new LearnerConfig(head, optimizer, batchSize, replay, holdoutFraction, holdoutCapacity, value);
    }
}

package dev.streamtune.core.bert;

import dev.streamtune.core.eval.HoldoutSelector;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.learn.LearnerConfig;
import dev.streamtune.core.learn.ReplayConfig;

/**
 * Everything that determines a {@link TunedLearner}'s behaviour.
 *
 * @param strategy which encoder tensors train
 * @param head head shape (input = the encoder's hidden size, no dropout)
 * @param options learning rates, warm-up, regularisers (LwF is not available on streamed token ids)
 * @param batchSize samples per step (new plus replayed)
 * @param replay replay settings; replay keeps raw token ids
 * @param holdoutFraction share of sample ids held out for evaluation, in {@code [0, 1)}
 * @param holdoutCapacity most held-out samples kept (class-balanced)
 * @param seed seed of initialisation, replay and holdout choices
 * @param maxTokens most token ids kept per text (the tokenizer's max length): the width of replay rows
 */
public record TunedLearnerConfig(FineTuneStrategy strategy, HeadConfig head, TrainingOptions options, int batchSize,
        ReplayConfig replay, double holdoutFraction, int holdoutCapacity, long seed, int maxTokens) {

    public TunedLearnerConfig {
        if (strategy == null || head == null || options == null || replay == null) {
            throw new IllegalArgumentException("strategy, head, options and replay settings are required");
        }
        if (batchSize < 1 || batchSize > LearnerConfig.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batch size must be in [1, " + LearnerConfig.MAX_BATCH_SIZE + "], got "
                    + batchSize);
        }
        if (options.distillationWeight() > 0) {
            throw new IllegalArgumentException("LwF distillation is not available to a streaming learner");
        }
        new HoldoutSelector(holdoutFraction);
        if (maxTokens < 3) {
            throw new IllegalArgumentException("maxTokens must be at least 3 ([CLS], a token, [SEP]), got " + maxTokens);
        }
        if (holdoutCapacity < 1) {
            throw new IllegalArgumentException("holdout capacity must be at least 1, got " + holdoutCapacity);
        }
    }
}

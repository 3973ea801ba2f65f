package dev.streamtune.core.image;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.Set;

/**
 * Two optimizers in one: parameters whose ids are in {@code slowIds} (typically a pretrained backbone being
 * fine-tuned) are updated by {@code slow}, all others (the new head) by {@code fast}. DJL applies one optimizer per
 * trainer, so this is how a backbone gets a lower learning rate than its head.
 */
public final class SplitRateOptimizer extends Optimizer {

    private final Set<String> slowIds;
    private final Optimizer slow;
    private final Optimizer fast;

    /** Routes updates of {@code slowIds} to {@code slow} and every other parameter to {@code fast}. */
    public SplitRateOptimizer(Set<String> slowIds, Optimizer slow, Optimizer fast) {
        super(new NoOptions());
        this.slowIds = Set.copyOf(slowIds);
        this.slow = slow;
        this.fast = fast;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        (slowIds.contains(parameterId) ? slow : fast).update(parameterId, weight, grad);
    }

    /** The delegates carry all settings; this builder only satisfies {@link Optimizer}'s constructor. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}

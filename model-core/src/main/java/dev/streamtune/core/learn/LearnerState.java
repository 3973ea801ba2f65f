package dev.streamtune.core.learn;

import ai.djl.ndarray.NDManager;
import dev.streamtune.core.eval.HoldoutSet;
import dev.streamtune.core.head.MlpHead;
import dev.streamtune.core.random.SplitMix64;
import dev.streamtune.core.replay.ReplayBuffer;

/**
 * The complete state of a learner: exactly what {@link LearnerSnapshot} writes and reads. Owns the NDManager
 * holding the head and the optimizer state.
 */
final class LearnerState implements AutoCloseable {

    final LearnerConfig config;
    final NDManager manager;
    final MlpHead head;
    final Optimizer optimizer;
    final ReplayBuffer replay;
    final HoldoutSet holdout;
    final SplitMix64 random;
    final Counters counters;

    LearnerState(LearnerConfig config, NDManager manager, MlpHead head, Optimizer optimizer, ReplayBuffer replay,
            HoldoutSet holdout, SplitMix64 random, Counters counters) {
        this.config = config;
        this.manager = manager;
        this.head = head;
        this.optimizer = optimizer;
        this.replay = replay;
        this.holdout = holdout;
        this.random = random;
        this.counters = counters;
    }

    @Override
    public void close() {
        optimizer.close();
        head.close();
        manager.close();
    }
}

package dev.streamtune.core.learn;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.streamtune.core.eval.HoldoutSelector;
import dev.streamtune.core.eval.HoldoutSet;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.MlpHead;
import dev.streamtune.core.random.SplitMix64;
import dev.streamtune.core.replay.ReplayBuffer;
import java.util.List;
import java.util.function.BiFunction;

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

    /** Fresh state: a new head with {@code initialLabels}, zero optimizer state, empty replay and holdout. */
    static LearnerState create(LearnerConfig config, List<String> initialLabels, Device device) {
        return build(config, device, (manager, random) -> MlpHead.create(config.head(), initialLabels, random, manager));
    }

    /** State around an existing head's tensors, with fresh optimizer state, empty replay and holdout. */
    static LearnerState fromHead(LearnerConfig config, List<String> labels, List<FloatTensor> tensors, Device device) {
        return build(config, device, (manager, random) -> MlpHead.fromTensors(config.head(), labels, tensors, manager));
    }

    private static LearnerState build(LearnerConfig config, Device device, BiFunction<NDManager, SplitMix64, MlpHead> newHead) {
        SplitMix64 seeds = new SplitMix64(config.seed());
        SplitMix64 random = seeds.fork();
        long replaySeed = seeds.nextLong();
        long holdoutSeed = seeds.nextLong();
        int dim = config.head().inputDim();
        ReplayBuffer replay = config.replay().enabled()
                ? ReplayBuffer.create(config.replay().policy(), config.replay().capacity(), dim, replaySeed)
                : null;
        HoldoutSet holdout = HoldoutSet.create(new HoldoutSelector(config.holdoutFraction()), config.holdoutCapacity(),
                dim, holdoutSeed);
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            MlpHead head = newHead.apply(manager, random);
            Optimizer optimizer = Optimizer.create(config.optimizer(), manager);
            optimizer.matchShapes(head.parameters());
            return new LearnerState(config, manager, head, optimizer, replay, holdout, random, new Counters());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public void close() {
        optimizer.close();
        head.close();
        manager.close();
    }
}

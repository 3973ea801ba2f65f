package dev.streamtune.trainer.training;

import dev.streamtune.contracts.ModelSpec;

/** Makes the learner of a model: new for a model without checkpoint, or restored from checkpoint bytes. */
public interface LearnerFactory {

    /** A fresh learner for {@code spec}. */
    ModelLearner create(ModelSpec spec);

    /**
     * A learner continuing from {@link ModelLearner#snapshot()} bytes.
     *
     * @throws IllegalArgumentException when the bytes are not a usable snapshot
     */
    ModelLearner restore(ModelSpec spec, byte[] snapshot);
}

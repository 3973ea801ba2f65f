package dev.streamtune.core.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** SGD with optional momentum and L2 weight decay; see {@link OptimizerConfig} for the exact update. */
final class SgdOptimizer extends Optimizer {

    SgdOptimizer(OptimizerConfig config, NDManager parent) {
        super(config, parent);
    }

    @Override
    protected int slotsPerParameter() {
        return config.momentum() > 0 ? 1 : 0;
    }

    @Override
    protected void apply(NDArray parameter, NDArray gradient, NDArray[] slots, long step) {
        NDList inputs = slots.length == 0 ? new NDList(parameter, gradient) : new NDList(parameter, gradient, slots[0]);
        parameter.getNDArrayInternal().sgdUpdate(
                inputs, new NDList(parameter), config.learningRate(), config.weightDecay(), 1f, -1f, config.momentum(), false);
    }
}

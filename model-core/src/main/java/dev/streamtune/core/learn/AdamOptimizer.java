package dev.streamtune.core.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** Adam with decoupled weight decay; see {@link OptimizerConfig} for the exact update. */
final class AdamOptimizer extends Optimizer {

    AdamOptimizer(OptimizerConfig config, NDManager parent) {
        super(config, parent);
    }

    @Override
    protected int slotsPerParameter() {
        return 2;
    }

    @Override
    protected void apply(NDArray parameter, NDArray gradient, NDArray[] slots, long step) {
        double correction = Math.sqrt(1 - Math.pow(config.beta2(), step)) / (1 - Math.pow(config.beta1(), step));
        float stepSize = (float) (config.learningRate() * correction);
        parameter.getNDArrayInternal().adamUpdate(
                new NDList(parameter, gradient, slots[0], slots[1]),
                new NDList(parameter),
                config.learningRate(),
                stepSize,
                config.weightDecay(),
                1f,
                -1f,
                config.beta1(),
                config.beta2(),
                config.epsilon(),
                false,
                true);
    }
}

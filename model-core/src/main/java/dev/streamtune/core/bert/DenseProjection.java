package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;

/**
 * {@code y = x Wᵀ + b} with a Hugging Face {@code Linear}'s parameters.
 *
 * @param weight {@code [out, in]}
 * @param bias {@code [out]}
 */
public record DenseProjection(NDArray weight, NDArray bias) implements Projection {

    @Override
    public NDArray apply(NDArray x) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }
}

package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.LayerNorm;

/**
 * A LayerNorm over the last axis.
 *
 * @param gamma scale {@code [hidden]}
 * @param beta shift {@code [hidden]}
 * @param eps added to the variance
 */
public record LayerNormParams(NDArray gamma, NDArray beta, float eps) {

    /** {@code x} normalised over its last axis, scaled and shifted. */
    public NDArray apply(NDArray x) {
        return LayerNorm.layerNorm(x, gamma.getShape(), gamma, beta, eps).singletonOrThrow();
    }
}

package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.streamtune.core.backbone.TokenBatch;

/** The attention mask of a {@link TokenBatch} in the forms the encoder needs. */
final class TokenMasks {

    /** Attention bias of a padding position: softmax gives it exactly zero weight. */
    private static final float MASKED = -1e9f;

    private TokenMasks() {}

    /** The mask as a float {@code [batch, seq]} array (1 real, 0 padding) on {@code on}. */
    static NDArray floatMask(NDManager on, TokenBatch batch) {
        float[] values = new float[batch.mask().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = batch.mask()[i];
        }
        return on.create(values, new Shape(batch.batch(), batch.seq()));
    }

    /** The additive attention bias {@code [batch, 1, 1, seq]}: 0 for real tokens, a large negative for padding. */
    static NDArray attentionBias(NDManager on, TokenBatch batch) {
        float[] bias = new float[batch.mask().length];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = batch.mask()[i] == 0 ? MASKED : 0f;
        }
        return on.create(bias, new Shape(batch.batch(), 1, 1, batch.seq()));
    }
}

package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.streamtune.core.backbone.TokenBatch;

/**
 * The input of a model's tuned layers for one batch: the frozen layers' token vectors and the batch's masks, all
 * on one step manager.
 *
 * @param hidden {@code [batch, seq, hidden]} output of the frozen layers
 * @param attentionBias {@code [batch, 1, 1, seq]} additive attention bias
 * @param mask {@code [batch, seq]} float mask for pooling
 */
public record FrozenBatch(NDArray hidden, NDArray attentionBias, NDArray mask) {

    /** Rows in the batch. */
    public int size() {
        return (int) hidden.getShape().get(0);
    }

    /** Real (unmasked) tokens per row. */
    public int[] lengths() {
        float[] counts = mask.sum(new int[] {1}).toFloatArray();
        int[] lengths = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            lengths[i] = Math.round(counts[i]);
        }
        return lengths;
    }

    /**
     * Runs the embeddings and the pretrained layers below {@code layer} over {@code tokens} without gradients.
     */
    public static FrozenBatch compute(MiniLmEncoder base, int layer, NDManager on, TokenBatch tokens) {
        try (Autograd.Guard noGrad = Autograd.noGrad()) {
            NDArray bias = TokenMasks.attentionBias(on, tokens);
            NDArray hidden = base.run(base.embed(on, tokens), bias, 0, layer);
            return new FrozenBatch(hidden, bias, TokenMasks.floatMask(on, tokens));
        }
    }
}

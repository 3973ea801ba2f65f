package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;

/**
 * Sentence vectors from token vectors with NDArray ops (differentiable): the mean of the token vectors the mask
 * keeps, scaled to unit length, as sentence-transformers does for all-MiniLM-L6-v2 (and as
 * {@link dev.streamtune.core.backbone.MeanPooling} does on plain arrays for the frozen backbone).
 */
public final class SentencePooling {

    private static final float MIN_COUNT = 1e-9f;
    private static final float MIN_NORM = 1e-12f;

    private SentencePooling() {}

    /**
     * @param hidden {@code [batch, seq, dim]} token vectors
     * @param mask {@code [batch, seq]} float mask, 1 for a real token and 0 for padding
     * @return {@code [batch, dim]} unit vectors
     */
    public static NDArray meanNormalized(NDArray hidden, NDArray mask) {
        NDArray weights = mask.expandDims(2);
        NDArray mean = hidden.mul(weights).sum(new int[] {1}).divi(weights.sum(new int[] {1}).maximum(MIN_COUNT));
        return mean.div(mean.norm(new int[] {1}, true).maximum(MIN_NORM));
    }
}

package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;

/**
 * One of a BERT layer's linear maps from {@code [..., in]} to {@code [..., out]}: a plain {@link DenseProjection},
 * or one with a low-rank adapter ({@link LoraProjection}).
 *
 * <p>Implementations put the activation first in every NDArray operation, so results live on the activation's
 * manager and never on the (long-lived) manager of the weights.
 */
public interface Projection {

    /** Module name suffixes of the six projections of a layer, as in Hugging Face {@code BertLayer}. */
    String QUERY = "attention.self.query";
    /** Key projection. */
    String KEY = "attention.self.key";
    /** Value projection. */
    String VALUE = "attention.self.value";
    /** Attention output projection. */
    String ATTENTION_OUTPUT = "attention.output.dense";
    /** Feed-forward up projection. */
    String INTERMEDIATE = "intermediate.dense";
    /** Feed-forward down projection. */
    String OUTPUT = "output.dense";

    /** {@code x} projected. */
    NDArray apply(NDArray x);
}

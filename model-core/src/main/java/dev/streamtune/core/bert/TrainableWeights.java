package dev.streamtune.core.bert;

import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import java.util.List;

/**
 * What a {@link TextClassifier} learned, without the shared pretrained base: its strategy and head shape, its
 * labels in class order, and only its trainable tensors (tuned layer copies or LoRA adapters, then the head's
 * tensors in {@link dev.streamtune.core.head.HeadLayout} order). Rebuild the model with
 * {@link TextClassifier#rebuild}. For feature extraction the tensors are exactly an MLP head on the
 * {@code minilm-l6-v2} backbone's vectors.
 *
 * @param strategy the strategy the tensors belong to
 * @param head the head's shape
 * @param labels class labels; output row {@code i} is {@code labels.get(i)}
 * @param tensors the trainable tensors, encoder first, in model order
 */
public record TrainableWeights(FineTuneStrategy strategy, HeadConfig head, List<String> labels,
        List<FloatTensor> tensors) {

    public TrainableWeights {
        labels = List.copyOf(labels);
        tensors = List.copyOf(tensors);
    }

    /** Values in all tensors. */
    public long parameterCount() {
        return tensors.stream().mapToLong(t -> t.data().length).sum();
    }

    /** Bytes of the tensors as float32 (the size of a weights artifact, less its small header). */
    public long byteSize() {
        return 4L * parameterCount();
    }
}

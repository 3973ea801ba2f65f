package dev.streamtune.core.bert;

import java.util.List;
import java.util.Map;

/**
 * What a {@link TextClassifier} learned, without the shared pretrained base: its strategy, its labels in class
 * order, and only its trainable tensors by name (tuned layer copies or LoRA adapters, and {@code head.weight} /
 * {@code head.bias}). Rebuild the model with {@link TextClassifier#rebuild}.
 *
 * @param strategy the strategy the tensors belong to
 * @param labels class labels; row {@code i} of the head is {@code labels.get(i)}
 * @param tensors the trainable tensors, in model order
 */
public record TrainableWeights(FineTuneStrategy strategy, List<String> labels, Map<String, FloatTensor> tensors) {

    public TrainableWeights {
        labels = List.copyOf(labels);
        tensors = Map.copyOf(tensors);
    }

    /** Values in all tensors. */
    public long parameterCount() {
        return tensors.values().stream().mapToLong(FloatTensor::size).sum();
    }

    /** Bytes of the tensors as float32 (the size of a weights artifact, less its small header). */
    public long byteSize() {
        return tensors.values().stream().mapToLong(FloatTensor::byteSize).sum();
    }
}

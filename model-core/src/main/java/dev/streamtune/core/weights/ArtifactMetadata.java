package dev.streamtune.core.weights;

import dev.streamtune.contracts.Strategy;
import dev.streamtune.core.bert.FineTuneStrategy;
import dev.streamtune.core.head.HeadLayout;
import java.util.HashSet;
import java.util.List;

/**
 * Everything a weights artifact says about itself, stored in the safetensors header's {@code __metadata__}.
 *
 * @param version identity and provenance
 * @param inputDim head input dimension (equals the backbone's)
 * @param hidden hidden layer sizes
 * @param labels labels in class-index order (output row {@code i} is {@code labels.get(i)})
 * @param strategy how the backbone was reused; for {@code fine-tune} and {@code lora} the artifact also holds the
 *     trained encoder tensors
 * @param encoderTensors the trained encoder tensors the artifact holds besides the head; empty for feature
 *     extraction
 */
public record ArtifactMetadata(VersionInfo version, int inputDim, List<Integer> hidden, List<String> labels,
        FineTuneStrategy strategy, List<EncoderTensor> encoderTensors) {

    public ArtifactMetadata {
        hidden = List.copyOf(hidden);
        labels = List.copyOf(labels);
        encoderTensors = List.copyOf(encoderTensors);
        if (strategy == null) {
            throw new IllegalArgumentException("strategy is required");
        }
        boolean tuned = strategy.kind() != Strategy.FEATURE_EXTRACTION;
        if (tuned == encoderTensors.isEmpty()) {
            throw new IllegalArgumentException(strategy.label() + " artifacts " + (tuned ? "need" : "hold no")
                    + " encoder tensors, got " + encoderTensors.size());
        }
        HashSet<String> names = new HashSet<>();
        List<String> headNames = new HeadLayout(inputDim, hidden, Math.max(1, labels.size())).tensorNames();
        for (EncoderTensor t : encoderTensors) {
            if (!names.add(t.name()) || headNames.contains(t.name())) {
                throw new IllegalArgumentException("encoder tensor '" + t.name() + "' is declared twice or is a head"
                        + " tensor's name");
            }
        }
    }

    /** Metadata of a head on a frozen backbone (feature extraction). */
    public ArtifactMetadata(VersionInfo version, int inputDim, List<Integer> hidden, List<String> labels) {
        this(version, inputDim, hidden, labels, FineTuneStrategy.featureExtraction(), List.of());
    }

    /** The head layout these tensors must have. */
    public HeadLayout layout() {
        return new HeadLayout(inputDim, hidden, labels.size());
    }

    /** Whether the artifact holds trained encoder tensors ({@code fine-tune} or {@code lora}). */
    public boolean tunesEncoder() {
        return !encoderTensors.isEmpty();
    }
}

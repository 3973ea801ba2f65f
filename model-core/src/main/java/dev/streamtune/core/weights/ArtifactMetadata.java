package dev.streamtune.core.weights;

import dev.streamtune.core.head.HeadLayout;
import java.util.List;

/**
 * Everything a weights artifact says about itself, stored in the safetensors header's {@code __metadata__}.
 *
 * @param version identity and provenance
 * @param inputDim head input dimension (equals the backbone's)
 * @param hidden hidden layer sizes
 * @param labels labels in class-index order (output row {@code i} is {@code labels.get(i)})
 */
public record ArtifactMetadata(VersionInfo version, int inputDim, List<Integer> hidden, List<String> labels) {

    public ArtifactMetadata {
        hidden = List.copyOf(hidden);
        labels = List.copyOf(labels);
    }

    /** The head layout these tensors must have. */
    public HeadLayout layout() {
        return new HeadLayout(inputDim, hidden, labels.size());
    }
}

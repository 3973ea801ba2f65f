package dev.streamtune.core.weights;

import dev.streamtune.contracts.Digests;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadLayout;
import dev.streamtune.core.head.HeadPredictor;
import dev.streamtune.core.weights.ArtifactRejectedException.Reason;
import java.util.List;

/**
 * A published head: its trainable tensors in safetensors layout with {@link ArtifactMetadata} in the header,
 * the SHA-256 of those bytes and, optionally, their HMAC-SHA256 signature. Made by
 * {@link WeightsArtifactWriter}, checked by {@link WeightsArtifactReader}; transport {@link #bytes()} together
 * with {@link #sha256()} and {@link #signature()}.
 *
 * @param metadata what the artifact says about itself
 * @param tensors the head's tensors in {@link HeadLayout} order
 * @param bytes the safetensors file (not copied: do not modify)
 * @param sha256 lowercase hex SHA-256 of {@code bytes}
 * @param signature lowercase hex HMAC-SHA256 of {@code bytes}, or {@code null} when unsigned
 */
public record WeightsArtifact(
        ArtifactMetadata metadata, List<FloatTensor> tensors, byte[] bytes, String sha256, String signature) {

    public WeightsArtifact {
        tensors = List.copyOf(tensors);
    }

    /** The head layout of the tensors. */
    public HeadLayout layout() {
        return metadata.layout();
    }

    /** Labels in class-index order. */
    public List<String> labels() {
        return metadata.labels();
    }

    /**
     * Checks that this artifact was trained on {@code serving}: same backbone id, SHA-256 and dimension.
     *
     * @throws ArtifactRejectedException with {@link Reason#INCOMPATIBLE_BACKBONE} otherwise
     */
    public void requireBackbone(BackboneInfo serving) {
        BackboneInfo trained = metadata.version().backbone();
        if (!trained.id().equals(serving.id()) || !Digests.sameHex(trained.sha256(), serving.sha256())
                || trained.dimension() != serving.dimension()) {
            throw new ArtifactRejectedException(Reason.INCOMPATIBLE_BACKBONE, "artifact " + metadata.version().model()
                    + " v" + metadata.version().version() + " was trained on " + trained + ", not on " + serving);
        }
    }

    /**
     * An immutable, thread-safe predictor for this head, after checking the backbone (see
     * {@link #requireBackbone}). The caller closes it.
     */
    public HeadPredictor newPredictor(BackboneInfo serving) {
        requireBackbone(serving);
        return HeadPredictor.create(layout(), labels(), tensors);
    }
}

package dev.streamtune.core.weights;

import dev.streamtune.contracts.Digests;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadLayout;
import dev.streamtune.core.head.HeadPredictor;
import dev.streamtune.core.weights.ArtifactRejectedException.Reason;
import dev.streamtune.core.bert.BertConfig;
import dev.streamtune.core.bert.TrainableWeights;
import dev.streamtune.core.head.HeadConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A published head (and, for {@code fine-tune}/{@code lora}, the trained encoder tensors): its trainable tensors in safetensors layout with {@link ArtifactMetadata} in the header,
 * the SHA-256 of those bytes and, optionally, their HMAC-SHA256 signature. Made by
 * {@link WeightsArtifactWriter}, checked by {@link WeightsArtifactReader}; transport {@link #bytes()} together
 * with {@link #sha256()} and {@link #signature()}.
 *
 * @param metadata what the artifact says about itself
 * @param tensors the head's tensors in {@link HeadLayout} order
 * @param encoderTensors the trained encoder tensors ({@code fine-tune}/{@code lora}) in declaration order; empty
 *     for feature extraction
 * @param bytes the safetensors file (not copied: do not modify)
 * @param sha256 lowercase hex SHA-256 of {@code bytes}
 * @param signature lowercase hex HMAC-SHA256 of {@code bytes}, or {@code null} when unsigned
 */
public record WeightsArtifact(ArtifactMetadata metadata, List<FloatTensor> tensors, List<FloatTensor> encoderTensors,
        byte[] bytes, String sha256, String signature) {

    public WeightsArtifact {
        tensors = List.copyOf(tensors);
        encoderTensors = List.copyOf(encoderTensors);
    }

    /** A head-only (feature-extraction) artifact. */
    public WeightsArtifact(ArtifactMetadata metadata, List<FloatTensor> tensors, byte[] bytes, String sha256,
            String signature) {
        this(metadata, tensors, List.of(), bytes, sha256, signature);
    }

    /**
     * What it takes to rebuild the model on a base encoder ({@link dev.streamtune.core.bert.TextClassifier#rebuild}),
     * after checking that the declared encoder tensors are exactly those of the strategy on {@code base}.
     *
     * @throws ArtifactRejectedException {@link Reason#INCOMPATIBLE_ENCODER} when they are not (another depth,
     *     hidden size, rank or target set than the base allows)
     */
    public TrainableWeights trainableWeights(BertConfig base) {
        Map<String, int[]> expected;
        try {
            expected = metadata.strategy().trainableShapes(base);
        } catch (IllegalArgumentException e) {
            throw new ArtifactRejectedException(Reason.INCOMPATIBLE_ENCODER, e.getMessage(), e);
        }
        List<EncoderTensor> declared = metadata.encoderTensors();
        boolean same = expected.size() == declared.size();
        for (int i = 0; same && i < declared.size(); i++) {
            EncoderTensor d = declared.get(i);
            same = expected.containsKey(d.name()) && Arrays.equals(expected.get(d.name()), d.shape());
        }
        if (!same) {
            throw new ArtifactRejectedException(Reason.INCOMPATIBLE_ENCODER, metadata.strategy().label() + " on "
                    + "this base encoder trains " + expected.size() + " tensors " + names(expected) + ", the artifact"
                    + " declares " + declared);
        }
        List<FloatTensor> all = new ArrayList<>(encoderTensors);
        all.addAll(tensors);
        return new TrainableWeights(metadata.strategy(), new HeadConfig(metadata.inputDim(), metadata.hidden(), 0f),
                labels(), all);
    }

    private static String names(Map<String, int[]> shapes) {
        List<String> out = new ArrayList<>();
        shapes.forEach((name, shape) -> out.add(name + Arrays.toString(shape)));
        return out.size() > 4 ? out.subList(0, 4) + "…" : out.toString();
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

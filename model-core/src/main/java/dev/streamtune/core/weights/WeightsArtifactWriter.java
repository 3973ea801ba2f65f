package dev.streamtune.core.weights;

import dev.streamtune.contracts.Digests;
import dev.streamtune.core.bert.TextClassifier;
import dev.streamtune.core.bert.TrainableWeights;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import java.util.ArrayList;
import java.util.List;

/** Writes {@link WeightsArtifact}s: safetensors bytes, their SHA-256 and an optional HMAC-SHA256 signature. */
public final class WeightsArtifactWriter {

    private WeightsArtifactWriter() {}

    /**
     * Writes {@code tensors} with {@code metadata}.
     *
     * @param signingKey HMAC-SHA256 key, or {@code null} for an unsigned artifact
     * @throws IllegalArgumentException when the tensors do not match the metadata's layout or hold NaN/infinite
     *     values
     */
    public static WeightsArtifact write(ArtifactMetadata metadata, List<FloatTensor> tensors, byte[] signingKey) {
        return write(metadata, tensors, List.of(), signingKey);
    }

    /**
     * Writes what a {@link TextClassifier} exported: its head and, for {@code fine-tune}/{@code lora}, its trained
     * encoder tensors (declared in the metadata with name, shape and dtype), so the model can be rebuilt on the
     * shared base encoder.
     *
     * @param signingKey HMAC-SHA256 key, or {@code null} for an unsigned artifact
     * @throws IllegalArgumentException when {@code info}'s backbone dimension differs from the head's input, or a
     *     value is NaN/infinite
     */
    public static WeightsArtifact write(VersionInfo info, TrainableWeights weights, byte[] signingKey) {
        HeadConfig head = weights.head();
        List<String> headNames = head.layout(weights.labels().size()).tensorNames();
        List<FloatTensor> headTensors = new ArrayList<>();
        List<FloatTensor> encoder = new ArrayList<>();
        List<EncoderTensor> declared = new ArrayList<>();
        for (FloatTensor t : weights.tensors()) {
            if (headNames.contains(t.name())) {
                headTensors.add(t);
            } else {
                encoder.add(t);
                declared.add(new EncoderTensor(t.name(), t.shape(), SafetensorsDtype.F32));
            }
        }
        ArtifactMetadata metadata = new ArtifactMetadata(info, head.inputDim(), head.hidden(), weights.labels(),
                weights.strategy(), declared);
        return write(metadata, headTensors, encoder, signingKey);
    }

    /**
     * Writes the head {@code tensors} and the trained {@code encoder} tensors (in the order the metadata declares
     * them) with {@code metadata}.
     *
     * @throws IllegalArgumentException when the tensors do not match the metadata's layout or encoder
     *     declarations, or hold NaN/infinite values
     */
    public static WeightsArtifact write(ArtifactMetadata metadata, List<FloatTensor> tensors, List<FloatTensor> encoder,
            byte[] signingKey) {
        String undeclared = EncoderTensors.mismatch(metadata.encoderTensors(), encoder);
        if (undeclared != null) {
            throw new IllegalArgumentException("encoder tensors do not match the metadata: " + undeclared);
        }
        String mismatch = metadata.layout().mismatch(tensors);
        if (mismatch != null) {
            throw new IllegalArgumentException("tensors do not match the metadata's layout: " + mismatch);
        }
        if (metadata.inputDim() != metadata.version().backbone().dimension()) {
            throw new IllegalArgumentException("head input " + metadata.inputDim() + " differs from the backbone's "
                    + "dimension " + metadata.version().backbone().dimension());
        }
        List<FloatTensor> all = new ArrayList<>(encoder);
        all.addAll(tensors);
        String nonFinite = WeightsArtifactReader.firstNonFinite(all);
        if (nonFinite != null) {
            throw new IllegalArgumentException("refusing to write " + nonFinite);
        }
        byte[] bytes = Safetensors.write(MetadataCodec.encode(metadata), all);
        String signature = signingKey == null ? null : Digests.hmacSha256(signingKey, bytes);
        return new WeightsArtifact(metadata, tensors, encoder, bytes, Digests.sha256(bytes), signature);
    }
}

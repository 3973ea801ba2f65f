package dev.streamtune.core.weights;

import dev.streamtune.contracts.Digests;
import dev.streamtune.core.head.FloatTensor;
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
        String mismatch = metadata.layout().mismatch(tensors);
        if (mismatch != null) {
            throw new IllegalArgumentException("tensors do not match the metadata's layout: " + mismatch);
        }
        if (metadata.inputDim() != metadata.version().backbone().dimension()) {
            throw new IllegalArgumentException("head input " + metadata.inputDim() + " differs from the backbone's "
                    + "dimension " + metadata.version().backbone().dimension());
        }
        String nonFinite = WeightsArtifactReader.firstNonFinite(tensors);
        if (nonFinite != null) {
            throw new IllegalArgumentException("refusing to write " + nonFinite);
        }
        byte[] bytes = Safetensors.write(MetadataCodec.encode(metadata), tensors);
        String signature = signingKey == null ? null : Digests.hmacSha256(signingKey, bytes);
        return new WeightsArtifact(metadata, tensors, bytes, Digests.sha256(bytes), signature);
    }
}

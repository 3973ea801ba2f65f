package dev.streamtune.core.weights;

import dev.streamtune.contracts.Digests;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.weights.ArtifactRejectedException.Reason;
import java.util.List;

/**
 * Reads and strictly validates a {@link WeightsArtifact}. Every rejection is an
 * {@link ArtifactRejectedException} with a specific {@link Reason}; checks run in this order:
 * size limit ({@code OVERSIZE}); safetensors structure ({@code TRUNCATED} when the bytes end before what the
 * header declares; {@code MALFORMED_HEADER}, {@code UNKNOWN_DTYPE}, {@code WRONG_SHAPE},
 * {@code UNSUPPORTED_DTYPE}, or {@code CORRUPTED} when those fail and the SHA-256 differs too); SHA-256
 * ({@code CORRUPTED}); signature when the policy has a key ({@code UNSIGNED}, {@code BAD_SIGNATURE}); metadata
 * ({@code BAD_METADATA}); the encoder tensors a {@code fine-tune}/{@code lora} artifact declares against those
 * stored ({@code ENCODER_MISMATCH}); the remaining tensors against the head layout ({@code LAYOUT_MISMATCH});
 * values ({@code NON_FINITE}).
 */
public final class WeightsArtifactReader {

    private final ArtifactPolicy policy;

    public WeightsArtifactReader(ArtifactPolicy policy) {
        this.policy = policy;
    }

    /**
     * Validates and decodes an artifact.
     *
     * @param bytes the safetensors bytes
     * @param expectedSha256 hex SHA-256 published with the bytes (required)
     * @param signature hex HMAC-SHA256 published with the bytes, or {@code null}
     * @throws ArtifactRejectedException when any check fails
     */
    public WeightsArtifact read(byte[] bytes, String expectedSha256, String signature) {
        if (bytes == null || expectedSha256 == null) {
            throw new IllegalArgumentException("artifact bytes and their expected sha256 are required");
        }
        if (bytes.length > policy.maxBytes()) {
            throw new ArtifactRejectedException(Reason.OVERSIZE, "artifact has " + bytes.length + " bytes, the limit is "
                    + policy.maxBytes());
        }
        String actualSha = Digests.sha256(bytes);
        boolean intact = Digests.sameHex(actualSha, expectedSha256);
        Safetensors.Content content;
        try {
            content = Safetensors.read(bytes);
        } catch (ArtifactRejectedException e) {
            if (intact || e.reason() == Reason.TRUNCATED) {
                throw e;
            }
            throw corrupted(actualSha, expectedSha256, e);
        }
        if (!intact) {
            throw corrupted(actualSha, expectedSha256, null);
        }
        checkSignature(bytes, signature);
        ArtifactMetadata metadata = MetadataCodec.decode(content.metadata());
        EncoderTensors.Split split = EncoderTensors.split(metadata.encoderTensors(), content.tensors());
        String mismatch = metadata.layout().mismatch(split.head());
        if (mismatch != null) {
            throw new ArtifactRejectedException(Reason.LAYOUT_MISMATCH, mismatch);
        }
        String nonFinite = firstNonFinite(content.tensors());
        if (nonFinite != null) {
            throw new ArtifactRejectedException(Reason.NON_FINITE, nonFinite);
        }
        return new WeightsArtifact(metadata, split.head(), split.encoder(), bytes, actualSha, signature);
    }

    private void checkSignature(byte[] bytes, String signature) {
        byte[] key = policy.signingKey();
        if (key == null) {
            return;
        }
        if (signature == null || signature.isEmpty()) {
            throw new ArtifactRejectedException(Reason.UNSIGNED, "a signature is required and the artifact has none");
        }
        if (!Digests.sameHex(Digests.hmacSha256(key, bytes), signature)) {
            throw new ArtifactRejectedException(Reason.BAD_SIGNATURE, "HMAC-SHA256 signature does not match the bytes"
                    + " and the configured key");
        }
    }

    /** Describes the first NaN or infinite value, or returns {@code null} when all are finite. */
    static String firstNonFinite(List<FloatTensor> tensors) {
        for (FloatTensor t : tensors) {
            float[] data = t.data();
            for (int i = 0; i < data.length; i++) {
                if (!Float.isFinite(data[i])) {
                    return "tensor '" + t.name() + "' element " + i + " is " + data[i];
                }
            }
        }
        return null;
    }

    private static ArtifactRejectedException corrupted(String actual, String expected, Throwable cause) {
        return new ArtifactRejectedException(Reason.CORRUPTED, "SHA-256 is " + actual + ", expected " + expected, cause);
    }
}

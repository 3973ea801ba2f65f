package dev.streamtune.core.weights;

/**
 * What a reader accepts.
 *
 * @param maxBytes largest artifact accepted, in bytes
 * @param signingKey HMAC-SHA256 key; when set, every artifact must carry a valid signature made with it; when
 *     {@code null}, signatures are not checked
 */
public record ArtifactPolicy(long maxBytes, byte[] signingKey) {

    /** Default size limit: 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L << 20;

    public ArtifactPolicy {
        if (maxBytes <= 8) {
            throw new IllegalArgumentException("artifact size limit must exceed 8 bytes, got " + maxBytes);
        }
        if (signingKey != null && signingKey.length == 0) {
            throw new IllegalArgumentException("signing key is empty (pass null to accept unsigned artifacts)");
        }
        signingKey = signingKey == null ? null : signingKey.clone();
    }

    /** 512 MiB, signatures not required. */
    public static ArtifactPolicy defaults() {
        return new ArtifactPolicy(DEFAULT_MAX_BYTES, null);
    }

    /** The same limit, requiring signatures made with {@code key}. */
    public ArtifactPolicy requireSignature(byte[] key) {
        return new ArtifactPolicy(maxBytes, key);
    }

    /** Another size limit, the same key. */
    public ArtifactPolicy withMaxBytes(long limit) {
        return new ArtifactPolicy(limit, signingKey);
    }

    @Override
    public byte[] signingKey() {
        return signingKey == null ? null : signingKey.clone();
    }
}

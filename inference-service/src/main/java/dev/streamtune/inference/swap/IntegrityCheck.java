package dev.streamtune.inference.swap;

import dev.streamtune.contracts.Digests;
import dev.streamtune.contracts.VersionInfo;

/**
 * Checks that an artifact is the one the trainer published: its SHA-256 against the version metadata and, when a
 * signing key is configured, its HMAC-SHA256 signature (then unsigned artifacts are refused too).
 */
public final class IntegrityCheck {

    private final String signingKey;

    /** @param signingKey the trainer's signing key, or {@code null} to accept unsigned artifacts */
    public IntegrityCheck(String signingKey) {
        this.signingKey = signingKey == null || signingKey.isEmpty() ? null : signingKey;
    }

    /** Whether signatures are required. */
    public boolean signaturesRequired() {
        return signingKey != null;
    }

    /**
     * @throws VersionRefusedException {@code CORRUPT}, {@code UNSIGNED} or {@code BAD_SIGNATURE}
     */
    public void verify(VersionInfo info, byte[] artifact) {
        if (info.artifactSha256() == null) {
            throw new VersionRefusedException(RefusalReason.CORRUPT, "version " + info.key() + " has no artifactSha256");
        }
        String actual = Digests.sha256(artifact);
        if (!Digests.sameHex(actual, info.artifactSha256())) {
            throw new VersionRefusedException(RefusalReason.CORRUPT, "version " + info.key() + ": artifact SHA-256 is "
                    + actual + ", the version record says " + info.artifactSha256());
        }
        if (signingKey == null) {
            return;
        }
        if (info.signature() == null || info.signature().isEmpty()) {
            throw new VersionRefusedException(RefusalReason.UNSIGNED, "version " + info.key()
                    + " is unsigned and inference.signing-key requires a signature");
        }
        if (!Digests.sameHex(Digests.hmacSha256(signingKey, artifact), info.signature())) {
            throw new VersionRefusedException(RefusalReason.BAD_SIGNATURE, "version " + info.key()
                    + ": signature does not match the artifact and the configured signing key");
        }
    }
}

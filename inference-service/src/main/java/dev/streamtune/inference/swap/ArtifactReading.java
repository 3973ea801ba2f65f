package dev.streamtune.inference.swap;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.weights.ArtifactPolicy;
import dev.streamtune.core.weights.ArtifactRejectedException;
import dev.streamtune.core.weights.WeightsArtifact;
import dev.streamtune.core.weights.WeightsArtifactReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a version's artifact with model-core's strict reader (SHA-256 again, signature when a key is set, layout,
 * encoder tensors, finite values), checks that it is the version its record names, and turns every rejection into
 * a {@link VersionRefusedException} with its {@link RefusalReason}.
 */
final class ArtifactReading {

    private ArtifactReading() {}

    /** A reader with the signature policy of {@code signingKey} (UTF-8), or none when it is empty. */
    static WeightsArtifactReader reader(String signingKey) {
        ArtifactPolicy policy = ArtifactPolicy.defaults();
        return new WeightsArtifactReader(signingKey == null || signingKey.isEmpty()
                ? policy : policy.requireSignature(signingKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** @throws VersionRefusedException when the artifact is rejected or belongs to another version */
    static WeightsArtifact read(WeightsArtifactReader reader, VersionInfo info, byte[] artifact) {
        WeightsArtifact a;
        try {
            a = reader.read(artifact, info.artifactSha256(), info.signature());
        } catch (ArtifactRejectedException e) {
            throw refusal(info, e);
        }
        var named = a.metadata().version();
        if (!named.model().equals(info.model()) || named.version() != info.version()) {
            throw new VersionRefusedException(RefusalReason.INCOMPATIBLE, "version " + info.key() + " carries the artifact of "
                    + named.model() + "/" + named.version());
        }
        return a;
    }

    static VersionRefusedException refusal(VersionInfo info, ArtifactRejectedException e) {
        return new VersionRefusedException(reason(e.reason()), "version " + info.key() + ": " + e.getMessage(), e);
    }

    private static RefusalReason reason(ArtifactRejectedException.Reason r) {
        return switch (r) {
            case CORRUPTED -> RefusalReason.CORRUPT;
            case UNSIGNED -> RefusalReason.UNSIGNED;
            case BAD_SIGNATURE -> RefusalReason.BAD_SIGNATURE;
            case INCOMPATIBLE_BACKBONE, LAYOUT_MISMATCH, INCOMPATIBLE_ENCODER -> RefusalReason.INCOMPATIBLE;
            case OVERSIZE, TRUNCATED, MALFORMED_HEADER, UNKNOWN_DTYPE, UNSUPPORTED_DTYPE, WRONG_SHAPE, BAD_METADATA,
                    NON_FINITE, ENCODER_MISMATCH -> RefusalReason.UNREADABLE;
        };
    }
}

package dev.streamtune.inference.swap;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.weights.ArtifactPolicy;
import dev.streamtune.core.weights.ArtifactRejectedException;
import dev.streamtune.core.weights.WeightsArtifact;
import dev.streamtune.core.weights.WeightsArtifactReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads heads from model-core {@link WeightsArtifact}s (safetensors + metadata) with its strict reader, which
 * checks the bytes again (SHA-256, signature when a key is set), the layout, finite values and the backbone the
 * head was trained on; then checks that the artifact is the version its record names.
 */
public final class WeightsHeadLoader implements HeadLoader {

    private final WeightsArtifactReader reader;

    /** @param signingKey the trainer's HMAC key (UTF-8), or {@code null} when signatures are not required */
    public WeightsHeadLoader(String signingKey) {
        ArtifactPolicy policy = ArtifactPolicy.defaults();
        this.reader = new WeightsArtifactReader(signingKey == null || signingKey.isEmpty()
                ? policy : policy.requireSignature(signingKey.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public ModelHead load(VersionInfo info, byte[] artifact, BackboneInfo serving) {
        try {
            WeightsArtifact a = reader.read(artifact, info.artifactSha256(), info.signature());
            var named = a.metadata().version();
            if (!named.model().equals(info.model()) || named.version() != info.version()) {
                throw new VersionRefusedException(RefusalReason.INCOMPATIBLE, "version " + info.key() + " carries the artifact of "
                        + named.model() + "/" + named.version());
            }
            return new PredictorHead(a.newPredictor(serving));
        } catch (ArtifactRejectedException e) {
            throw new VersionRefusedException(reason(e.reason()), "version " + info.key() + ": " + e.getMessage(), e);
        }
    }

    private static RefusalReason reason(ArtifactRejectedException.Reason r) {
        return switch (r) {
            case CORRUPTED -> RefusalReason.CORRUPT;
            case UNSIGNED -> RefusalReason.UNSIGNED;
            case BAD_SIGNATURE -> RefusalReason.BAD_SIGNATURE;
            case INCOMPATIBLE_BACKBONE, LAYOUT_MISMATCH -> RefusalReason.INCOMPATIBLE;
            case OVERSIZE, TRUNCATED, MALFORMED_HEADER, UNKNOWN_DTYPE, UNSUPPORTED_DTYPE, WRONG_SHAPE, BAD_METADATA,
                    NON_FINITE -> RefusalReason.UNREADABLE;
        };
    }
}

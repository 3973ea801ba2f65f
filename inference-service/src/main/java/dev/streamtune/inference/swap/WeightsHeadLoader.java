package dev.streamtune.inference.swap;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.weights.ArtifactRejectedException;
import dev.streamtune.core.weights.WeightsArtifact;
import dev.streamtune.core.weights.WeightsArtifactReader;

/**
 * Loads heads from model-core {@link WeightsArtifact}s (safetensors + metadata) with its strict reader, which
 * checks the bytes again (SHA-256, signature when a key is set), the layout, finite values and the backbone the
 * head was trained on; then checks that the artifact is the version its record names.
 */
public final class WeightsHeadLoader implements HeadLoader {

    private final WeightsArtifactReader reader;

    /** @param signingKey the trainer's HMAC key (UTF-8), or {@code null} when signatures are not required */
    public WeightsHeadLoader(String signingKey) {
        this.reader = ArtifactReading.reader(signingKey);
    }

    @Override
    public ModelHead load(VersionInfo info, byte[] artifact, BackboneInfo serving) {
        WeightsArtifact a = ArtifactReading.read(reader, info, artifact);
        if (a.metadata().tunesEncoder()) {
            throw new VersionRefusedException(RefusalReason.INCOMPATIBLE, "version " + info.key() + " is a "
                    + a.metadata().strategy().label() + " artifact; its record says " + info.strategy());
        }
        try {
            return new PredictorHead(a.newPredictor(serving));
        } catch (ArtifactRejectedException e) {
            throw ArtifactReading.refusal(info, e);
        }
    }
}

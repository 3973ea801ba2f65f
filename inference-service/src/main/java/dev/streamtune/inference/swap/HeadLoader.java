package dev.streamtune.inference.swap;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.BackboneInfo;

/** Turns a verified version's artifact bytes into a {@link ModelHead} for the backbone that will feed it. */
@FunctionalInterface
public interface HeadLoader {

    /**
     * Decodes and checks {@code artifact}; the caller owns and closes the head.
     *
     * @param serving the backbone the head will be fed by
     * @throws VersionRefusedException when the artifact is unreadable or does not fit {@code info} or {@code serving}
     */
    ModelHead load(VersionInfo info, byte[] artifact, BackboneInfo serving);
}

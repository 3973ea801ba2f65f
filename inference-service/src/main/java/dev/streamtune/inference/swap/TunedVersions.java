package dev.streamtune.inference.swap;

import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.VersionInfo;

/** Loads versions of text models whose encoder was trained ({@code fine-tune}, {@code lora}). */
public interface TunedVersions {

    /** Whether {@code info}'s version is served through this loader rather than a shared backbone + head. */
    static boolean serves(VersionInfo info, Modality modality) {
        return modality == Modality.TEXT && (info.strategy() == Strategy.FINE_TUNE || info.strategy() == Strategy.LORA);
    }

    /**
     * The version, rebuilt and warmed up, ready to swap in; it owns its encoder and batcher and frees them when its
     * last reference ends.
     *
     * @param current the serving version of the model, or {@code null}
     * @throws VersionRefusedException when it must not be served
     */
    LoadedModel load(VersionInfo info, byte[] artifact, VersionInfo current);

    /** For replicas that serve no such versions: every one is refused as {@code backbone-unavailable}. */
    TunedVersions UNAVAILABLE = (info, artifact, current) -> {
        throw new VersionRefusedException(RefusalReason.BACKBONE_UNAVAILABLE, "version " + info.key() + " is a "
                + info.strategy().id() + " version and this replica has no base encoder to rebuild it on");
    };
}

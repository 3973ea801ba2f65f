package dev.streamtune.inference.swap;

import dev.streamtune.contracts.VersionInfo;

/**
 * A published version that passed the integrity check, kept in memory for loading, pinning and rollback.
 *
 * @param info its metadata
 * @param artifact its weights artifact bytes (not copied: do not modify)
 */
public record KeptVersion(VersionInfo info, byte[] artifact) {

    public long version() {
        return info.version();
    }
}

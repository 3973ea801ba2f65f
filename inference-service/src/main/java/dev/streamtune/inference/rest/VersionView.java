package dev.streamtune.inference.rest;

import dev.streamtune.contracts.VersionInfo;
import java.util.List;

/**
 * A kept version as listed by {@code GET /v1/models/{model}/versions}.
 *
 * @param version version number
 * @param parent previous version
 * @param createdAt epoch millis of the publish
 * @param labels labels in output order
 * @param metrics holdout metrics published with it
 * @param lineage per samples partition, the offsets trained since the parent version
 * @param cumulativeSamples samples trained up to this version
 * @param newestSampleAt producer timestamp of the newest sample trained
 * @param artifactSha256 SHA-256 of the artifact
 * @param signed whether the artifact carries a signature
 * @param serving whether this replica serves it now
 * @param pinned whether the model is pinned to it
 */
public record VersionView(long version, long parent, long createdAt, List<String> labels, VersionInfo.Metrics metrics,
        List<VersionInfo.OffsetRange> lineage, long cumulativeSamples, long newestSampleAt, String artifactSha256, boolean signed, boolean serving, boolean pinned) {

    static VersionView of(VersionInfo v, long serving, Long pinned) {
        return new VersionView(v.version(), v.parent(), v.createdAt(), v.labels(), v.metrics(), v.lineage(), v.cumulativeSamples(),
                v.newestSampleAt(), v.artifactSha256(), v.signature() != null, v.version() == serving,
                pinned != null && pinned == v.version());
    }
}

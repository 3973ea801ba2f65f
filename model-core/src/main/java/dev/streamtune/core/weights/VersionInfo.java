package dev.streamtune.core.weights;

import dev.streamtune.core.backbone.BackboneInfo;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identity and provenance of a published model version: everything in the artifact's metadata except what the
 * head itself supplies (layout and labels).
 *
 * @param model model name
 * @param version version number, {@code >= 1}
 * @param parent the version this one continues from, or {@code null} for the first
 * @param backbone the backbone the head was trained on (id, SHA-256, dimension)
 * @param metrics named figures, e.g. holdout accuracy; finite values
 * @param lineage what it was trained on
 * @param createdAt epoch millis
 */
public record VersionInfo(
        String model, long version, Long parent, BackboneInfo backbone, Map<String, Double> metrics, Lineage lineage,
        long createdAt) {

    public VersionInfo {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model name is required");
        }
        if (version < 1 || (parent != null && (parent < 1 || parent >= version))) {
            throw new IllegalArgumentException("version must be >= 1 and parent (if any) in [1, version): version "
                    + version + ", parent " + parent);
        }
        if (backbone == null || backbone.id() == null || backbone.sha256() == null || backbone.dimension() <= 0) {
            throw new IllegalArgumentException("backbone id, sha256 and dimension are required, got " + backbone);
        }
        metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
        metrics.forEach((k, v) -> {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("metric '" + k + "' must be finite, got " + v);
            }
        });
        metrics = java.util.Collections.unmodifiableMap(metrics);
        if (lineage == null) {
            throw new IllegalArgumentException("lineage is required");
        }
    }
}

package dev.streamtune.trainer.training;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.weights.Lineage;
import dev.streamtune.core.weights.OffsetRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The trainer's version metadata as model-core's artifact metadata (metrics, lineage, backbone identity). */
final class ArtifactVersions {

    private ArtifactVersions() {}

    /**
     * @param backbone the backbone the version was trained on
     * @param samplesTopic topic of the lineage's offsets
     * @param steps optimizer steps taken so far
     */
    static dev.streamtune.core.weights.VersionInfo of(VersionInfo info, BackboneInfo backbone, String samplesTopic,
            long steps) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", info.metrics().accuracy());
        metrics.put("old-class-accuracy", finiteOr0(info.metrics().oldClassAccuracy()));
        metrics.put("forgetting", info.metrics().forgetting());
        metrics.put("holdout-size", (double) info.metrics().holdoutSize());
        info.metrics().perClass().forEach((label, acc) -> metrics.put("accuracy." + label, acc));
        List<OffsetRange> ranges = new ArrayList<>();
        for (VersionInfo.OffsetRange r : info.lineage()) {
            ranges.add(new OffsetRange(samplesTopic, r.partition(), r.from(), r.to()));
        }
        return new dev.streamtune.core.weights.VersionInfo(info.model(), info.version(),
                info.parent() == 0 ? null : info.parent(), backbone, metrics,
                new Lineage(info.cumulativeSamples(), steps, ranges), info.createdAt());
    }

    private static double finiteOr0(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}

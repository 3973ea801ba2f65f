package dev.streamtune.inference.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.inference.swap.LoadedModel;
import dev.streamtune.inference.swap.ModelEntry;
import dev.streamtune.inference.swap.Refusal;
import java.util.List;

/**
 * A model as this replica serves it ({@code GET /v1/models} lists the short form, {@code GET /v1/models/{model}}
 * adds labels, metrics and refusals).
 *
 * @param name model name
 * @param servingVersion the version answering predictions, {@code null} when none is loaded
 * @param pinnedVersion the pinned version, {@code null} when following the latest
 * @param latestVersion the newest valid version kept here, {@code null} when none
 * @param loadedAt epoch millis when the serving version was swapped in
 * @param versionCreatedAt epoch millis when the serving version was published
 * @param newestSampleAt producer timestamp of the newest sample the serving version was trained on
 * @param strategy (details) how the serving version reused its backbone ({@code fine-tune} and {@code lora}
 *     versions are rebuilt on the shared base encoder)
 * @param labels (details) labels of the serving version
 * @param metrics (details) holdout metrics of the serving version
 * @param refused (details) the latest versions this replica refused, with reasons
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelView(String name, Long servingVersion, Long pinnedVersion, Long latestVersion, Long loadedAt,
        Long versionCreatedAt, Long newestSampleAt, Strategy strategy, List<String> labels, VersionInfo.Metrics metrics, List<Refusal> refused) {

    static ModelView summary(ModelEntry e) {
        return of(e, false);
    }

    static ModelView details(ModelEntry e) {
        return of(e, true);
    }

    private static ModelView of(ModelEntry e, boolean details) {
        LoadedModel m = e.slot().peek();
        VersionInfo v = m == null ? null : m.info();
        var kept = e.versions().kept();
        Long latest = kept.isEmpty() ? null : kept.get(kept.size() - 1).version();
        return new ModelView(e.name(), v == null ? null : v.version(), e.pinned(), latest,
                m == null ? null : m.loadedAt(), v == null ? null : v.createdAt(), v == null ? null : v.newestSampleAt(),
                details && v != null ? v.strategy() : null, details && v != null ? v.labels() : null, details && v != null ? v.metrics() : null,
                details ? e.versions().refusals() : null);
    }
}

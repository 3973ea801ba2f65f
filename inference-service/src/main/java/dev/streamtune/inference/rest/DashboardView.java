package dev.streamtune.inference.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Task;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.inference.dashboard.TrainerReport;
import dev.streamtune.inference.dashboard.TrainingFigures;
import dev.streamtune.inference.swap.LoadedModel;
import dev.streamtune.inference.swap.ModelEntry;
import dev.streamtune.inference.swap.Refusal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Everything the dashboard page shows, in one answer ({@code GET /v1/dashboard}): per model its kept versions with
 * their holdout metrics, what this replica serves and how fresh it is, and the training figures of the trainer
 * instance that trains it; and per trainer instance whether it answered.
 *
 * @param generatedAt epoch millis of this answer
 * @param trainers each configured trainer instance: reachable or why not, and the models it trains
 * @param models every registered model, by name
 */
public record DashboardView(long generatedAt, List<TrainerView> trainers, List<ModelPanel> models) {

    /**
     * A trainer instance as the dashboard saw it.
     *
     * @param url its base URL
     * @param reachable whether it answered with a readable status
     * @param detail why not, {@code null} when reachable
     * @param device the device it trains on
     * @param models the models it trains
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrainerView(String url, boolean reachable, String detail, String device, List<String> models) {}

    /**
     * One model.
     *
     * @param name model name
     * @param task its task ({@code text-classification}, {@code image-classification}), {@code null} if unknown
     * @param servingVersion the version answering predictions here, {@code null} when none
     * @param pinnedVersion the pinned version, {@code null} when following the latest
     * @param latestVersion the newest valid version kept here, {@code null} when none
     * @param loadedAt epoch millis when the serving version was swapped in
     * @param newestSampleAt producer time of the newest sample the serving version learned from
     * @param freshnessMs {@code generatedAt} minus {@code newestSampleAt}: how old the newest knowledge served is
     * @param labels labels of the serving version
     * @param versions the kept versions, oldest first, with metrics and lineage
     * @param refused the latest versions this replica refused, with reasons
     * @param training the trainer's figures for the model, {@code null} when no reachable trainer trains it
     * @param trainedBy URL of the trainer instance reporting {@code training}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelPanel(String name, Task task, Long servingVersion, Long pinnedVersion, Long latestVersion, Long loadedAt,
            Long newestSampleAt, Long freshnessMs, List<String> labels, List<VersionView> versions, List<Refusal> refused,
            TrainingFigures training, String trainedBy) {}

    /** Builds the view from this replica's models, their specs and the trainers' reports, at {@code now}. */
    static DashboardView of(long now, Collection<ModelEntry> entries, Function<String, ModelSpec> specs, List<TrainerReport> reports) {
        List<TrainerView> trainers = reports.stream().map(r -> new TrainerView(r.url(), r.reachable(), r.detail(), r.device(),
                r.models().keySet().stream().sorted().toList())).toList();
        List<ModelPanel> models = entries.stream().map(e -> panel(now, e, specs.apply(e.name()), reports))
                .sorted(Comparator.comparing(ModelPanel::name)).toList();
        return new DashboardView(now, trainers, models);
    }

    private static ModelPanel panel(long now, ModelEntry e, ModelSpec spec, List<TrainerReport> reports) {
        LoadedModel loaded = e.slot().peek();
        VersionInfo serving = loaded == null ? null : loaded.info();
        long servingVersion = serving == null ? 0 : serving.version();
        Long pinned = e.pinned();
        List<VersionView> versions = e.versions().kept().stream().map(k -> VersionView.of(k.info(), servingVersion, pinned)).toList();
        TrainerReport trainer = reports.stream().filter(r -> r.models().containsKey(e.name())).findFirst().orElse(null);
        return new ModelPanel(e.name(), spec == null ? null : spec.task(), serving == null ? null : serving.version(), pinned,
                versions.isEmpty() ? null : versions.get(versions.size() - 1).version(), loaded == null ? null : loaded.loadedAt(),
                serving == null ? null : serving.newestSampleAt(), serving == null ? null : now - serving.newestSampleAt(),
                serving == null ? null : serving.labels(), versions, e.versions().refusals(),
                trainer == null ? null : trainer.models().get(e.name()), trainer == null ? null : trainer.url());
    }
}

package dev.streamtune.inference.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.inference.swap.Scored;
import java.util.List;

/**
 * Answer to a predict request: for one input, {@code label} and {@code topK}; for a batch, {@code predictions}
 * (one per input, in order). Always the version that answered and how fresh it is.
 *
 * @param label single input: the most probable label
 * @param topK single input: the k best labels with scores
 * @param predictions batch: one answer per input
 * @param modelVersion the version that answered (the whole batch)
 * @param versionCreatedAt epoch millis when that version was published
 * @param newestSampleAt producer timestamp (epoch millis) of the newest sample that version was trained on
 * @param freshnessMs now minus {@code newestSampleAt}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictResponse(String label, List<Scored> topK, List<PredictionView> predictions,
        long modelVersion, long versionCreatedAt, long newestSampleAt, long freshnessMs) {

    static PredictResponse single(PredictionView p, VersionInfo v, long now) {
        return new PredictResponse(p.label(), p.topK(), null, v.version(), v.createdAt(), v.newestSampleAt(), now - v.newestSampleAt());
    }

    static PredictResponse batch(List<PredictionView> ps, VersionInfo v, long now) {
        return new PredictResponse(null, null, ps, v.version(), v.createdAt(), v.newestSampleAt(), now - v.newestSampleAt());
    }
}

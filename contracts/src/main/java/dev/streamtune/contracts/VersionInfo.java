package dev.streamtune.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Metadata of one published model version: the JSON part of a {@code model-versions} record (see
 * {@link VersionEnvelope}); the weights artifact travels beside it.
 *
 * @param model model name
 * @param version version number, increasing by one per publish of this model, from 1
 * @param parent previous version, 0 for the first
 * @param createdAt epoch millis of the publish
 * @param strategy how the backbone was reused
 * @param backbone backbone id
 * @param backboneSha256 hash of the backbone weights the artifact was trained on
 * @param labels the class labels, in output-index order
 * @param metrics holdout evaluation of this version
 * @param lineage per partition, the range of sample offsets trained since the parent
 * @param cumulativeSamples samples trained since the model's start, this version included
 * @param newestSampleAt producer timestamp (epoch millis) of the newest sample trained
 * @param artifactSha256 hex SHA-256 of the artifact bytes
 * @param signature hex HMAC-SHA256 of the artifact bytes, or {@code null} when unsigned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionInfo(
        String model,
        long version,
        long parent,
        long createdAt,
        Strategy strategy,
        String backbone,
        String backboneSha256,
        List<String> labels,
        Metrics metrics,
        List<OffsetRange> lineage,
        long cumulativeSamples,
        long newestSampleAt,
        String artifactSha256,
        String signature) {

    /** The Kafka key of a version record: {@code model/version}. */
    public String key() {
        return model + "/" + version;
    }

    /**
     * Holdout metrics.
     *
     * @param accuracy overall holdout accuracy
     * @param perClass accuracy per label
     * @param oldClassAccuracy mean accuracy over the parent's classes (the forgetting gate's figure)
     * @param forgetting mean drop of the parent's classes' accuracy against their best so far
     * @param holdoutSize holdout samples evaluated
     */
    public record Metrics(double accuracy, Map<String, Double> perClass, double oldClassAccuracy, double forgetting, int holdoutSize) {}

    /**
     * Samples of one partition trained for a version: offsets {@code from..to} inclusive, {@code count} of them
     * (fewer than the range when other models share the partition or duplicates were skipped).
     */
    public record OffsetRange(int partition, long from, long to, long count) {}
}

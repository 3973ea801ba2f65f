package dev.streamtune.inference.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One model's training figures as a trainer instance reports them in {@code GET /v1/training} (the fields of the
 * trainer's {@code TrainingStatus} the dashboard shows; other fields are ignored).
 *
 * @param samplesTrained samples trained since the model started
 * @param duplicatesSkipped producer retries skipped by id
 * @param deadLettered records of this model sent to the dead-letter topic
 * @param lastVersion last version the trainer published (0 = none)
 * @param rejectedCandidates candidates the forgetting gate refused
 * @param lastDecision {@code published}, {@code rejected} or {@code none}
 * @param lastDecisionReason why the gate decided so
 * @param lastDecisionAt epoch millis of that decision (0 = none)
 * @param samplesPerSecond recent training throughput
 * @param consumerLag records of the model's partition not yet consumed
 * @param partition the samples partition the model lives on
 * @param device {@code cpu} or {@code gpu}
 * @param newestSampleAt producer time of the newest trained sample
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingFigures(long samplesTrained, long duplicatesSkipped, long deadLettered, long lastVersion,
        long rejectedCandidates, String lastDecision, String lastDecisionReason, long lastDecisionAt,
        double samplesPerSecond, long consumerLag, int partition, String device, long newestSampleAt) {}

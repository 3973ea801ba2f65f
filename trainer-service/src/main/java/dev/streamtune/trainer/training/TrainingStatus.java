package dev.streamtune.trainer.training;

/**
 * What {@code GET /v1/models/{model}/training} reports.
 *
 * @param model model name
 * @param samplesTrained samples trained since the model started (checkpointed)
 * @param duplicatesSkipped producer retries skipped by id
 * @param deadLettered this model's records sent to the dead-letter topic by this instance
 * @param lastVersion last published version (0 = none)
 * @param rejectedCandidates candidates the forgetting gate refused
 * @param lastDecision the last gate decision: {@code published}, {@code rejected} or {@code none}
 * @param lastDecisionReason why
 * @param lastDecisionAt epoch millis of the last decision (0 = none)
 * @param samplesPerSecond recent training throughput
 * @param consumerLag records of this model's partition not yet consumed
 * @param partition the samples partition the model lives on
 * @param device {@code cpu} or {@code gpu}
 * @param newestSampleAt producer time of the newest trained sample
 */
public record TrainingStatus(
        String model,
        long samplesTrained,
        long duplicatesSkipped,
        long deadLettered,
        long lastVersion,
        long rejectedCandidates,
        String lastDecision,
        String lastDecisionReason,
        long lastDecisionAt,
        double samplesPerSecond,
        long consumerLag,
        int partition,
        String device,
        long newestSampleAt) {}

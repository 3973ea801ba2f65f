package dev.streamtune.core.learn;

/**
 * Counters of a learner since it was created (carried through snapshots).
 *
 * @param steps gradient steps taken
 * @param trainedExamples examples trained on
 * @param heldOutExamples examples routed to the holdout set
 * @param replayedSamples replayed samples mixed into steps
 * @param firstOffset lowest source offset consumed, or {@link Example#NO_OFFSET}
 * @param lastOffset highest source offset consumed, or {@link Example#NO_OFFSET}
 * @param classes classes the head knows
 * @param replaySize samples in the replay buffer (0 without replay)
 * @param holdoutSize samples in the holdout set
 */
public record LearnerStats(
        long steps,
        long trainedExamples,
        long heldOutExamples,
        long replayedSamples,
        long firstOffset,
        long lastOffset,
        int classes,
        int replaySize,
        int holdoutSize) {}

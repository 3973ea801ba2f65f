package dev.streamtune.core.learn;

import java.util.List;

/**
 * What one {@link ContinualLearner#learn} call did.
 *
 * @param trained examples trained on (each counted once, whatever the number of epochs)
 * @param heldOut examples routed to the holdout set instead
 * @param steps gradient steps taken
 * @param replayed replayed samples mixed into those steps
 * @param newLabels labels first seen in this call (the head grew by one class each)
 * @param meanLoss mean cross-entropy over the steps, before each update; NaN when no step was taken
 */
public record LearnReport(int trained, int heldOut, int steps, long replayed, List<String> newLabels, double meanLoss) {

    public LearnReport {
        newLabels = List.copyOf(newLabels);
    }
}

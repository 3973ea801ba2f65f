package dev.streamtune.core.head;

/**
 * One candidate label of a prediction.
 *
 * @param label the label
 * @param probability its softmax probability, in {@code [0, 1]}
 */
public record ScoredLabel(String label, float probability) {}

package dev.streamtune.inference.swap;

/**
 * One candidate label of a prediction.
 *
 * @param label the label
 * @param score its probability, in {@code [0, 1]}
 */
public record Scored(String label, double score) {}

package dev.streamtune.core.head;

import java.util.List;

/**
 * Shape of a trainable head: an MLP from backbone features to class logits.
 *
 * @param inputDim length of the feature vectors (the backbone's dimension)
 * @param hidden sizes of the hidden ReLU layers, in order; empty for a linear head
 * @param dropout probability of zeroing a hidden activation during training, in {@code [0, 1)}
 */
public record HeadConfig(int inputDim, List<Integer> hidden, float dropout) {

    public HeadConfig {
        if (inputDim <= 0) {
            throw new IllegalArgumentException("head input dimension must be positive, got " + inputDim);
        }
        if (hidden == null) {
            throw new IllegalArgumentException("hidden sizes are required (empty for a linear head)");
        }
        hidden = List.copyOf(hidden);
        for (int h : hidden) {
            if (h <= 0) {
                throw new IllegalArgumentException("hidden layer sizes must be positive, got " + hidden);
            }
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** A linear head (no hidden layer, no dropout). */
    public static HeadConfig linear(int inputDim) {
        return new HeadConfig(inputDim, List.of(), 0f);
    }

    /** The layout of this head's tensors once it has {@code numClasses} output rows. */
    public HeadLayout layout(int numClasses) {
        return new HeadLayout(inputDim, hidden, numClasses);
    }
}

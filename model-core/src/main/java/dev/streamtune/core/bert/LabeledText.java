package dev.streamtune.core.bert;

/**
 * A training or evaluation example.
 *
 * @param id stable sample id: the key of cached activations and teacher outputs, so one id must always carry the
 *     same text
 * @param text the input text, not blank
 * @param label its class label, not blank
 */
public record LabeledText(String id, String text, String label) {

    public LabeledText {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("example id must not be blank");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("example " + id + " has an empty text");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("example " + id + " has an empty label");
        }
    }
}

package dev.streamtune.bench;

/**
 * One real labeled text example.
 *
 * @param sourceId where it comes from, e.g. the WordNet synset offset {@code 02084071}
 * @param text the text
 * @param label its label, e.g. {@code noun.animal}
 */
public record LabeledText(String sourceId, String text, String label) {}

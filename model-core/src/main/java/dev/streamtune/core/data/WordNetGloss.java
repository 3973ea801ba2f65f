package dev.streamtune.core.data;

/**
 * One WordNet synset as a text-classification example: its gloss labelled with its lexicographer file.
 *
 * @param id the synset offset (8 digits as in the file); unique within a part of speech
 * @param partOfSpeech {@code n}, {@code v}, {@code a}, {@code s} or {@code r} as in the synset line
 * @param lexname the lexicographer file name, e.g. {@code noun.animal}
 * @param gloss the gloss text (definition and examples), trimmed
 */
public record WordNetGloss(String id, char partOfSpeech, String lexname, String gloss) {}
